// The job handlers of stale-order stock release, registered in app/background.server.ts.
import type { JobContext, JobQueue } from "~/jobs/job-queue";
import { PermanentJobError } from "~/jobs/job-queue";
import { shopAdminGraphql } from "~/shopify/admin/shop-admin.server";
import { cancelStaleOrderItem } from "./cancel-order.server";
import { type CancelOrderJobPayload, startCancellationRun } from "./cancellation-runs.server";

export const SCHEDULED_RUN_JOB = "stale-orders.scheduled-run";
export const STALE_ORDERS_SCHEDULE_MS = 24 * 60 * 60_000;

export interface ScheduledRunPayload {
  shop: string;
}

export async function runCancelOrderJob(payload: CancelOrderJobPayload, _job: JobContext): Promise<void> {
  const graphql = await shopAdminGraphql(payload.shop);
  if (!graphql) throw new PermanentJobError(`${payload.shop} has no offline session: not installed`);
  await cancelStaleOrderItem(graphql, payload.itemId);
}

/** The daily run: the same policy, every eligible order, audited with the trigger "scheduled". */
export function scheduledRunHandler(queue: JobQueue) {
  return async (payload: ScheduledRunPayload, _job: JobContext): Promise<void> => {
    const graphql = await shopAdminGraphql(payload.shop);
    if (!graphql) throw new PermanentJobError(`${payload.shop} has no offline session: not installed`);
    await startCancellationRun({
      graphql,
      queue,
      shop: payload.shop,
      actor: null,
      trigger: "scheduled",
      selection: "all",
    });
  };
}

export function enqueueScheduledRun(queue: JobQueue, shop: string, day: string) {
  return queue.enqueue(SCHEDULED_RUN_JOB, { shop } satisfies ScheduledRunPayload, {
    shop,
    maxAttempts: 5,
    dedupeKey: `stale-orders:scheduled:${shop}:${day}`,
  });
}
