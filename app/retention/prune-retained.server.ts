// Data retention: raw webhook payloads (customers' names and addresses) and finished jobs are
// deleted once they are older than their retention period, on a schedule (README.md#privacy-and-data-retention).
// The schedule only enqueues one `retention.prune` job; every process runs the same timer, and the
// dedupeKey collapses them onto one job.
import { env } from "~/env.server";
import type { JobHandler, JobQueue, PrunableJobQueue } from "~/jobs/job-queue";
import { pruneFinishedDeliveries } from "~/webhooks/inbox.server";

export const PRUNE_RETAINED_JOB = "retention.prune";
/** Hourly: nothing is kept much past its period, and each run deletes one hour's worth. */
export const RETENTION_SCHEDULE_MS = 60 * 60_000;
const DAY_MS = 24 * 60 * 60_000;

interface RetentionPolicy {
  /** Days a processed (or ignored) webhook delivery is kept after it was processed. */
  webhookDeliveryDays: number;
  /** Days a succeeded or cancelled job is kept after it finished. */
  finishedJobDays: number;
}

export function retentionPolicy(): RetentionPolicy {
  return { webhookDeliveryDays: env.WEBHOOK_RETENTION_DAYS, finishedJobDays: env.JOB_RETENTION_DAYS };
}

async function pruneRetained(
  queue: PrunableJobQueue,
  policy: RetentionPolicy,
  now: Date,
): Promise<{ deliveries: number; jobs: number }> {
  const deliveries = await pruneFinishedDeliveries(new Date(now.getTime() - policy.webhookDeliveryDays * DAY_MS));
  const jobs = await queue.pruneFinishedJobs(new Date(now.getTime() - policy.finishedJobDays * DAY_MS));
  return { deliveries, jobs };
}

export function enqueuePruneRetained(queue: JobQueue) {
  return queue.enqueue(PRUNE_RETAINED_JOB, {}, { dedupeKey: PRUNE_RETAINED_JOB, maxAttempts: 3 });
}

/** The job's handler; `now` is injectable so a test can run it on a fake clock. */
export function pruneRetainedHandler(
  queue: PrunableJobQueue,
  now: () => Date = () => new Date(),
  policy: () => RetentionPolicy = retentionPolicy,
): JobHandler {
  return async () => {
    const pruned = await pruneRetained(queue, policy(), now());
    console.info(JSON.stringify({ event: "retention.pruned", ...pruned }));
  };
}
