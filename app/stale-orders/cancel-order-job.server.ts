// The job handlers of stale-order stock release, registered in app/background.server.ts.
import type { JobContext, JobQueue, TransactionalJobQueue } from "~/jobs/job-queue";
import { isPermanentJobError, PermanentJobError } from "~/jobs/job-queue";
import { shopAdminGraphql } from "~/shopify/admin/shop-admin.server";
import { cancelStaleOrderItem } from "./cancel-order.server";
import {
  type CancelOrderJobPayload,
  type PrepareRunJobPayload,
  requestCancellationRun,
} from "./cancellation-runs.server";
import { failCancellationRun, NOT_INSTALLED, prepareCancellationRun } from "./prepare-run.server";

export const SCHEDULED_RUN_JOB = "stale-orders.scheduled-run";
export const STALE_ORDERS_SCHEDULE_MS = 24 * 60 * 60_000;

export interface ScheduledRunPayload {
  shop: string;
}

export async function runCancelOrderJob(payload: CancelOrderJobPayload, _job: JobContext): Promise<void> {
  const graphql = await shopAdminGraphql(payload.shop);
  if (!graphql) throw new PermanentJobError(`${payload.shop} has no offline session: not installed`);
  await cancelStaleOrderItem(graphql, payload.itemId, { shop: payload.shop });
}

/**
 * Prepares a confirmed run. When this was the last attempt, or retrying cannot help, the run is
 * marked failed with the reason before the job dies, so the screen never shows it preparing forever.
 */
export function prepareRunHandler(queue: TransactionalJobQueue, adminFor = shopAdminGraphql) {
  return async (payload: PrepareRunJobPayload, job: JobContext): Promise<void> => {
    const graphql = await adminFor(payload.shop);
    if (!graphql) {
      await failCancellationRun(payload.runId, NOT_INSTALLED);
      throw new PermanentJobError(`${payload.shop} has no offline session: not installed`);
    }
    try {
      await prepareCancellationRun({ graphql, queue, runId: payload.runId });
    } catch (error) {
      if (isPermanentJobError(error) || job.attempt >= job.maxAttempts) {
        await failCancellationRun(payload.runId, error instanceof Error ? error.message : String(error));
      }
      throw error;
    }
  };
}

/**
 * The daily run: the same policy over every eligible order, audited with the trigger "scheduled".
 * It takes the merchant's path (a preparing run and its prepare job); the job id as the request
 * key makes a redelivered scheduled job find its run instead of starting a second one.
 */
export function scheduledRunHandler(queue: TransactionalJobQueue) {
  return async (payload: ScheduledRunPayload, job: JobContext): Promise<void> => {
    const graphql = await shopAdminGraphql(payload.shop);
    if (!graphql) throw new PermanentJobError(`${payload.shop} has no offline session: not installed`);
    await requestCancellationRun({
      queue,
      shop: payload.shop,
      actor: null,
      trigger: "scheduled",
      selection: "all",
      requestKey: `scheduled:${job.jobId}`,
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
