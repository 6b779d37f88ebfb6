// One order of a cancellation run, as a job: re-check, cancel with restock, wait for Shopify's job.
// At-least-once safe: the item's status is the checkpoint (pending → cancelling → cancelled |
// skipped | failed), the Shopify job id is stored before waiting, and a retry resumes from there.
import { prisma } from "~/db.server";
import { ShopifyUserError } from "~/shopify/admin/errors";
import { cancelOrderWithRestock } from "~/shopify/admin/order-cancel.server";
import { readOrderCancelReadiness } from "~/shopify/admin/order-cancel-readiness.server";
import type { AdminGraphql } from "~/shopify/admin/run-operation.server";
import { type AwaitJobOptions, awaitShopifyJob } from "~/shopify/await-shopify-job.server";
import { recordAuditEvent } from "./audit.server";
import { CANCEL_REASONS, oneOf, TERMINAL_ITEM_STATUSES, type ItemStatus } from "./options";
import { evaluateStaleOrder, policyFromJson } from "./policy";

interface CancelOrderOptions extends AwaitJobOptions {
  now?: () => Date;
  /** Act only if the item is this shop's (the job names both the shop and the item). */
  shop?: string;
}

type Outcome = { status: Extract<ItemStatus, "cancelled" | "skipped" | "failed">; outcome: string | null };

export async function cancelStaleOrderItem(
  graphql: AdminGraphql,
  itemId: string,
  options: CancelOrderOptions = {},
): Promise<ItemStatus | null> {
  const now = options.now ?? (() => new Date());
  const item = await prisma.cancellationRunItem.findUnique({ where: { id: itemId }, include: { run: true } });
  if (!item || (options.shop !== undefined && item.shop !== options.shop)) return null;
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
      const decision = evaluateStaleOrder(order, policyFromJson(run.policy), now());
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

  const waited = await awaitShopifyJob(
    graphql,
    jobId,
    `Shopify is still cancelling ${item.orderName}; checking again later`,
    options,
  );
  // A done job is not a cancelled order: the job can fail after the mutation answered
  // (OrderCancelJobResult.status FAILED in 2026-10, absent from 2026-07). The order's cancelledAt
  // answers on both versions, so only a re-read order that is cancelled counts as released stock.
  // https://shopify.dev/docs/api/admin-graphql/latest/objects/OrderCancelJobResult
  const order = await readOrderCancelReadiness(graphql, item.orderShopifyId);
  if (order?.cancelled) return finish({ status: "cancelled", outcome: null });
  return finish({ status: "failed", outcome: waited === "done" ? "job-failed" : "job-lost" });
}

/**
 * The item's job is gone (dead-lettered, or cancelled by an uninstall): the item ends "failed" with
 * why, and the run's totals are recounted, so a run never stays "running" forever.
 */
export async function abandonStaleOrderItem(itemId: string, why: string, at: Date = new Date()): Promise<void> {
  const item = await prisma.cancellationRunItem.findUnique({ where: { id: itemId }, include: { run: true } });
  if (!item || (TERMINAL_ITEM_STATUSES as string[]).includes(item.status)) return;
  await finishItem(
    item.id,
    item.runId,
    item.shop,
    item.run.actor,
    item.orderName,
    { status: "failed", outcome: why },
    at,
  );
}

/** app/uninstalled: every item of the shop still waiting for its job. */
export async function abandonOpenItemsOf(shop: string, why: string): Promise<number> {
  const open = await prisma.cancellationRunItem.findMany({
    where: { shop, status: { in: ["pending", "cancelling"] } },
    select: { id: true },
  });
  for (const item of open) await abandonStaleOrderItem(item.id, why);
  return open.length;
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
  // Only a run whose items all exist can finish: items created by an unfinished preparation may
  // all be done before the rest are created, and a failed run stays failed.
  const finished = await prisma.cancellationRun.updateMany({
    where: { id: runId, status: { in: ["queued", "running"] } },
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
