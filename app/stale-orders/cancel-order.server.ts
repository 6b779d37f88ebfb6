// One order of a cancellation run, as a job: re-check, cancel with restock, wait for Shopify's job.
// At-least-once safe: the item's status is the checkpoint (pending → cancelling → cancelled |
// skipped | failed), the Shopify job id is stored before waiting, and a retry resumes from there.
import { prisma } from "~/db.server";
import { ShopifyUserError } from "~/shopify/admin/errors";
import { readJobDone } from "~/shopify/admin/job-status.server";
import { cancelOrderWithRestock } from "~/shopify/admin/order-cancel.server";
import { readOrderCancelReadiness } from "~/shopify/admin/order-cancel-readiness.server";
import type { AdminGraphql } from "~/shopify/admin/run-operation.server";
import { recordAuditEvent } from "./audit.server";
import { CANCEL_REASONS, oneOf, TERMINAL_ITEM_STATUSES, type ItemStatus } from "./options";
import { DEFAULT_POLICY, evaluateStaleOrder, type StaleOrderPolicySettings } from "./policy";

export interface CancelOrderOptions {
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
  /** First wait between job(id) polls; it doubles up to MAX_POLL_MS. */
  pollMs?: number;
  /** Polls before the job yields (throws) and lets the runner try again later. */
  pollAttempts?: number;
}

/** Thrown while Shopify is still cancelling: the runner retries with backoff, nothing is lost. */
export class ShopifyJobStillRunning extends Error {
  override readonly name = "ShopifyJobStillRunning";
}

const MAX_POLL_MS = 2_000;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type Outcome = { status: Extract<ItemStatus, "cancelled" | "skipped" | "failed">; outcome: string | null };

export async function cancelStaleOrderItem(
  graphql: AdminGraphql,
  itemId: string,
  options: CancelOrderOptions = {},
): Promise<ItemStatus | null> {
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? (() => new Date());
  const item = await prisma.cancellationRunItem.findUnique({ where: { id: itemId }, include: { run: true } });
  if (!item) return null;
  if ((TERMINAL_ITEM_STATUSES as string[]).includes(item.status)) return item.status as ItemStatus;
  const { run } = item;
  await prisma.cancellationRun.updateMany({
    where: { id: run.id, status: "queued" },
    data: { status: "running", startedAt: now() },
  });
  const finish = (result: Outcome) => finishItem(item.id, run.id, run.shop, run.actor, item.orderName, result, now());

  let jobId = item.shopifyJobId;
  if (item.status === "pending" || jobId === null) {
    // Re-read the order right before cancelling: it may have been paid, fulfilled or cancelled
    // since the preview. The policy the run was confirmed with decides again.
    const order = await readOrderCancelReadiness(graphql, item.orderShopifyId);
    if (!order) return finish({ status: "skipped", outcome: "order-not-found" });
    if (item.status === "cancelling" && order.cancelled) return finish({ status: "cancelled", outcome: null });
    if (item.status === "pending") {
      const decision = evaluateStaleOrder(order, policyOf(run.policy), now());
      if (!decision.eligible) return finish({ status: "skipped", outcome: decision.reason });
      // Claim the item, so two workers holding the same job never both send the mutation.
      const claimed = await prisma.cancellationRunItem.updateMany({
        where: { id: item.id, status: "pending" },
        data: { status: "cancelling" },
      });
      if (claimed.count === 0) return null;
    }
    try {
      const started = await cancelOrderWithRestock(graphql, {
        orderId: item.orderShopifyId,
        reason: oneOf(CANCEL_REASONS, run.cancelReason, "DECLINED"),
        notifyCustomer: run.notifyCustomer,
        staffNote: run.staffNote,
      });
      jobId = started.jobId;
    } catch (error) {
      if (error instanceof ShopifyUserError) return finish({ status: "failed", outcome: error.message });
      // Anything else may or may not have reached Shopify: stay "cancelling"; the retry re-reads the order.
      throw error;
    }
    if (jobId === null) return finish({ status: "cancelled", outcome: null });
    await prisma.cancellationRunItem.update({ where: { id: item.id }, data: { shopifyJobId: jobId } });
  }

  // Short first waits: a cancel job often finishes in well under a second, and one cheap job(id)
  // read (cost 1) is less than the bucket refills meanwhile. Then back off.
  let pollMs = options.pollMs ?? 100;
  const attempts = options.pollAttempts ?? 12;
  for (let poll = 0; poll < attempts; poll += 1) {
    const done = await readJobDone(graphql, jobId);
    if (done === true) return finish({ status: "cancelled", outcome: null });
    if (done === null) {
      const order = await readOrderCancelReadiness(graphql, item.orderShopifyId);
      return order?.cancelled
        ? finish({ status: "cancelled", outcome: null })
        : finish({ status: "failed", outcome: "Shopify no longer knows the cancellation job" });
    }
    await sleep(pollMs);
    pollMs = Math.min(MAX_POLL_MS, pollMs * 2);
  }
  throw new ShopifyJobStillRunning(`Shopify is still cancelling ${item.orderName}; checking again later`);
}

function policyOf(text: string): StaleOrderPolicySettings {
  try {
    return { ...DEFAULT_POLICY, ...(JSON.parse(text) as Partial<StaleOrderPolicySettings>) };
  } catch {
    return DEFAULT_POLICY;
  }
}

async function finishItem(
  itemId: string,
  runId: string,
  shop: string,
  actor: string | null,
  orderName: string,
  result: Outcome,
  at: Date,
): Promise<ItemStatus> {
  await prisma.cancellationRunItem.update({
    where: { id: itemId },
    data: { status: result.status, outcome: result.outcome },
  });
  await recordAuditEvent({
    shop,
    actor,
    action: `stale-orders.order-${result.status}`,
    subject: orderName,
    detail: { runId, outcome: result.outcome },
    at,
  });
  await refreshRunTotals(runId, actor, at);
  return result.status;
}

/** Recounts from the items, so a retried job can never count an order twice. */
export async function refreshRunTotals(runId: string, actor: string | null, at: Date): Promise<void> {
  const groups = await prisma.cancellationRunItem.groupBy({ by: ["status"], where: { runId }, _count: { _all: true } });
  const count = (status: ItemStatus) => groups.find((g) => g.status === status)?._count._all ?? 0;
  const totals = { cancelled: count("cancelled"), skipped: count("skipped"), failed: count("failed") };
  const open = count("pending") + count("cancelling");
  await prisma.cancellationRun.update({ where: { id: runId }, data: totals });
  if (open > 0) return;
  const finished = await prisma.cancellationRun.updateMany({
    where: { id: runId, status: { not: "finished" } },
    data: { status: "finished", finishedAt: at },
  });
  if (finished.count === 0) return;
  const run = await prisma.cancellationRun.findUniqueOrThrow({ where: { id: runId } });
  await recordAuditEvent({
    shop: run.shop,
    actor,
    action: "stale-orders.run-finished",
    subject: runId,
    detail: totals,
    at,
  });
}
