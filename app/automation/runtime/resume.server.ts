// Turning automation on, or resuming it after a pause: every FO still waiting for a request is
// decided again on fresh state, so nothing that happened meanwhile is lost.
import { prisma } from "~/db.server";
import { abandonedSubmissionsOf } from "./decisions.server";
import { type AutomationSwitches, loadAutomationConfig, setAutomationSwitches } from "../rule-store.server";
import type { JobQueue } from "~/jobs/job-queue";
import { AUTOMATION_EVALUATE_JOB, type EvaluatePayload, evaluateDedupeKey, type Trigger } from "./jobs";

/** How far back an unsubmitted FO is still worth a request. */
const LOOKBACK_DAYS = 30;
const PAGE = 500;

/** Enqueues an evaluation for each decidable FO of the shop; returns how many. */
export async function reevaluateShop(
  queue: JobQueue,
  shop: string,
  trigger: Extract<Trigger, "resumed" | "reconcile">,
  now: Date = new Date(),
): Promise<number> {
  const since = new Date(now.getTime() - LOOKBACK_DAYS * 86_400_000);
  let cursor: string | undefined;
  let count = 0;
  for (;;) {
    const rows = await prisma.fulfillmentOrder.findMany({
      where: { shop, status: { in: ["OPEN", "ON_HOLD"] }, requestStatus: "UNSUBMITTED", openedAt: { gte: since } },
      select: { id: true, shopifyId: true, shopifyUpdatedAt: true },
      orderBy: { id: "asc" },
      take: PAGE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    for (const row of rows) {
      const payload: EvaluatePayload = { shop, fulfillmentOrderId: row.shopifyId, trigger };
      await queue.enqueue(AUTOMATION_EVALUATE_JOB, payload, {
        shop,
        dedupeKey: evaluateDedupeKey(
          shop,
          row.shopifyId,
          `${row.shopifyUpdatedAt.toISOString()}@${now.toISOString()}`,
          trigger,
        ),
      });
    }
    count += rows.length;
    if (rows.length < PAGE) return count;
    cursor = rows.at(-1)!.id;
  }
}

/**
 * The reconciliation sweep's part in automation: evaluates again each FO with a submission still
 * "submitting" though it took its order's lock before `claimedBefore` (a job lease ago). Every
 * evaluation first settles such a submission from Shopify's state, even while paused (ADR 0042);
 * this reaches the ones no evaluation would meet: a job dead-lettered, or automation paused
 * before the second look came (ADR 0048). Returns how many.
 */
export async function reevaluateAbandoned(queue: JobQueue, shop: string, claimedBefore: Date): Promise<number> {
  // Few: one per submission a dead worker was making. The next sweep takes any beyond a page.
  const rows = await abandonedSubmissionsOf(shop, claimedBefore, PAGE);
  for (const row of rows) {
    const payload: EvaluatePayload = { shop, fulfillmentOrderId: row.fulfillmentOrderShopifyId, trigger: "reconcile" };
    await queue.enqueue(AUTOMATION_EVALUATE_JOB, payload, {
      shop,
      dedupeKey: evaluateDedupeKey(shop, row.fulfillmentOrderShopifyId, `abandoned:${row.id}`, "reconcile"),
    });
  }
  return rows.length;
}

/**
 * The merchant fixed what made the 3PL reject (or close) these FOs and asks automation to decide
 * them again: the rules may request a rejected FO once more, this time only.
 */
export async function reevaluateFixed(queue: JobQueue, shop: string, fulfillmentOrderIds: readonly string[]) {
  const stamp = new Date().toISOString();
  for (const fulfillmentOrderId of fulfillmentOrderIds) {
    const payload: EvaluatePayload = { shop, fulfillmentOrderId, trigger: "merchant_fixed", allowResubmit: true };
    await queue.enqueue(AUTOMATION_EVALUATE_JOB, payload, {
      shop,
      dedupeKey: evaluateDedupeKey(shop, fulfillmentOrderId, stamp, "merchant_fixed"),
    });
  }
}

/**
 * The merchant turns automation on, pauses or resumes it. Turning it on or resuming decides every
 * waiting FO again (nothing is decided while off or paused, so nothing is lost meanwhile).
 */
export async function changeAutomationSwitches(
  queue: JobQueue,
  shop: string,
  switches: AutomationSwitches,
  actor: string | null,
): Promise<{ resumed: boolean; switchedOn: boolean; reevaluated: number }> {
  const changed = await setAutomationSwitches(shop, switches, actor);
  if (!changed.resumed && !changed.switchedOn) return { ...changed, reevaluated: 0 };
  const config = await loadAutomationConfig(shop);
  if (!config.enabled || config.paused) return { ...changed, reevaluated: 0 };
  return { ...changed, reevaluated: await reevaluateShop(queue, shop, "resumed") };
}
