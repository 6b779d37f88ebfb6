// The `webhook.read-order` job: one read of an order from Shopify for every delivery that named
// the order while the job waited in the queue (docs/decisions/0028-coalesced-order-reads.md).
import { refreshOrder } from "~/fulfillment/refresh-order.server";
import type { EnqueueResult, JobContext, JobQueue, PendingWorkQuery } from "~/jobs/job-queue";
import type { AdminGraphql } from "~/shopify/admin/run-operation.server";

export const READ_ORDER_JOB = "webhook.read-order";

export interface ReadOrderPayload {
  shop: string;
  orderId: string;
}

/** A queue whose running job can give up its dedupe key. */
export type CoalescingQueue = Pick<JobQueue, "enqueue" | "releaseDedupeKey">;

interface OrderReadDeps {
  queue: CoalescingQueue;
  adminFor: (shop: string) => Promise<AdminGraphql | null>;
}

const readOrderDedupeKey = (shop: string, orderId: string) => `webhook.read-order:${shop}:${orderId}`;

/** Queues a read of the order, or joins the one already queued and not yet started. */
export function enqueueOrderRead(
  queue: Pick<JobQueue, "enqueue">,
  shop: string,
  orderId: string,
): Promise<EnqueueResult> {
  const payload: ReadOrderPayload = { shop, orderId };
  return queue.enqueue(READ_ORDER_JOB, payload, { shop, dedupeKey: readOrderDedupeKey(shop, orderId) });
}

/** Of the given orders, those with a read queued and not yet started: that read will see their latest state. */
export async function ordersWithQueuedRead(
  queue: PendingWorkQuery,
  shop: string,
  orderIds: readonly string[],
): Promise<Set<string>> {
  const pending = await queue.pendingDedupeKeys(orderIds.map((id) => readOrderDedupeKey(shop, id)));
  return new Set(orderIds.filter((id) => pending.has(readOrderDedupeKey(shop, id))));
}

export async function readOrderJob(payload: ReadOrderPayload, job: JobContext, deps: OrderReadDeps): Promise<void> {
  // Before reading: a delivery recorded from now on may describe a change this read misses, so
  // it must queue a read of its own instead of joining this one.
  await deps.queue.releaseDedupeKey(job.jobId);
  const graphql = await deps.adminFor(payload.shop);
  // Uninstalled meanwhile: nothing to read with, and app/uninstalled cancels the shop's work.
  if (!graphql) return;
  await refreshOrder(graphql, payload.shop, payload.orderId, { source: "webhook" });
}
