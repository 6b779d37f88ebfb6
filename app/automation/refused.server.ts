// Automatic requests Shopify refused (userErrors): they wait in the rejection inbox for the
// merchant, and are never retried blind. "Try again" asks automation to decide them afresh.
import { prisma } from "~/db.server";
import { findReturnedFulfillmentOrders } from "~/fulfillment/rejections/rejection-inbox.server";
import { recordAuditEvent } from "~/stale-orders/audit.server";
import type { JobQueue } from "~/jobs/job-queue";
import { reevaluateFixed } from "./runtime/resume.server";
import type { RefusedRequest } from "./refused";

const SHOWN = 100;

/** FOs whose latest automatic decision Shopify refused and which still wait unsubmitted. */
export async function listRefusedRequests(shop: string): Promise<RefusedRequest[]> {
  const refused = await prisma.automationDecision.findMany({
    where: { shop, status: "refused", outcome: { in: ["request", "partial_request"] } },
    orderBy: { createdAt: "desc" },
    take: SHOWN * 2,
  });
  const ids = [...new Set(refused.map((d) => d.fulfillmentOrderShopifyId))];
  const [waiting, latest] = await Promise.all([
    prisma.fulfillmentOrder.findMany({
      where: { shop, shopifyId: { in: ids }, status: "OPEN", requestStatus: "UNSUBMITTED" },
      select: { shopifyId: true, locationName: true },
    }),
    prisma.automationDecision.groupBy({
      by: ["fulfillmentOrderShopifyId"],
      where: { shop, fulfillmentOrderShopifyId: { in: ids } },
      _max: { createdAt: true },
    }),
  ]);
  const open = new Map(waiting.map((fo) => [fo.shopifyId, fo.locationName]));
  const newest = new Map(latest.map((l) => [l.fulfillmentOrderShopifyId, l._max.createdAt?.getTime() ?? 0]));
  const seen = new Set<string>();
  return refused
    .filter((d) => {
      const keep =
        open.has(d.fulfillmentOrderShopifyId) &&
        !seen.has(d.fulfillmentOrderShopifyId) &&
        newest.get(d.fulfillmentOrderShopifyId) === d.createdAt.getTime();
      seen.add(d.fulfillmentOrderShopifyId);
      return keep;
    })
    .slice(0, SHOWN)
    .map((d) => ({
      fulfillmentOrderId: d.fulfillmentOrderShopifyId,
      orderName: d.orderName,
      locationName: open.get(d.fulfillmentOrderShopifyId) ?? null,
      ruleName: d.ruleName,
      reason: d.reason,
      decidedAt: d.createdAt.toISOString(),
    }));
}

/** The merchant fixed the cause: automation decides these FOs again on fresh state, audited. */
export async function retryRefusedRequests(
  queue: JobQueue,
  shop: string,
  fulfillmentOrderIds: readonly string[],
  actor: string | null,
): Promise<number> {
  const still = new Set((await listRefusedRequests(shop)).map((r) => r.fulfillmentOrderId));
  const ids = fulfillmentOrderIds.filter((id) => still.has(id));
  await reevaluateFixed(queue, shop, ids);
  for (const id of ids) {
    await recordAuditEvent({ shop, actor, action: "automation.retry_requested", subject: id, detail: {} });
  }
  return ids.length;
}

/**
 * The merchant fixed what the 3PL rejected (or closed unfinished) and hands these FOs back to
 * automation: the rules decide them again, a rejected request included. Only FOs still in the
 * inbox; audited.
 */
export async function handBackReturned(
  queue: JobQueue,
  shop: string,
  fulfillmentOrderIds: readonly string[],
  actor: string | null,
): Promise<number> {
  const returned = await findReturnedFulfillmentOrders(shop, fulfillmentOrderIds);
  const ids = returned.map((row) => row.shopifyId);
  await reevaluateFixed(queue, shop, ids);
  for (const id of ids) {
    await recordAuditEvent({ shop, actor, action: "automation.retry_requested", subject: id, detail: {} });
  }
  return ids.length;
}
