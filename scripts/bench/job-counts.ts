// `npm run bench:webhooks` verifies that every acknowledged delivery left a `webhook.process` job.
// It counts them through the JobQueue interface (app/jobs/job-queue.ts), so the check holds for
// whichever queue the app runs: the embedded `Job` table, or pg-boss, PostgreSQL's default
// (docs/decisions/0038-pg-boss-job-queue.md), whose jobs live in another schema.
import type { JobQueue } from "~/jobs/job-queue";
import { RECONCILE_JOB } from "~/reconciliation/reconcile-enqueue.server";
import { READ_ORDER_JOB } from "~/webhooks/handlers/order-read-job.server";

export interface BenchJobCounts {
  /** The shop's `webhook.process` jobs, whatever their status. */
  webhookJobs: number;
  /** The shop's jobs still queued, every type: what the worker had not reached or is retrying. */
  queued: number;
}

/** listJobs returns at most this many (the JobQueue contract). */
const LIST_LIMIT = 500;

/**
 * The other job types the bench's shop can have: a webhook.process job enqueues one coalesced
 * order read (one per order while it waits, ADR 0028), and the worker's reconcile schedule may
 * enqueue a sweep for the shop during a run. Each is a handful, so listing them counts them.
 */
const OTHER_TYPES = [READ_ORDER_JOB, RECONCILE_JOB] as const;

/**
 * The interface counts jobs per status, not per type: the webhook jobs are the shop's jobs less the
 * few of the other types. A job of a type not listed here would make the count too high, and the
 * check (one job per acknowledged delivery) report a mismatch rather than pass wrongly.
 */
export async function countBenchJobs(queue: Pick<JobQueue, "jobCounts" | "listJobs">, shop: string) {
  const counts = await queue.jobCounts(shop);
  const all = Object.values(counts).reduce((sum, n) => sum + n, 0);
  let others = 0;
  for (const type of OTHER_TYPES) {
    const listed = await queue.listJobs({ shop, type, take: LIST_LIMIT });
    if (listed.length >= LIST_LIMIT) throw new Error(`${LIST_LIMIT}+ ${type} jobs: the bench cannot count them`);
    others += listed.length;
  }
  return { webhookJobs: all - others, queued: counts.queued } satisfies BenchJobCounts;
}

/** Child-process entry: the app's own queue for DATABASE_URL and JOB_QUEUE; prints one JSON line. */
async function main() {
  const shop = process.env.BENCH_SHOP;
  if (!shop) throw new Error("BENCH_SHOP is required");
  const { getJobQueue, stopJobRuntime } = await import("~/jobs/runtime.server");
  try {
    process.stdout.write(`${JSON.stringify(await countBenchJobs(getJobQueue(), shop))}\n`);
  } finally {
    await stopJobRuntime();
  }
}

if (process.argv[1]?.endsWith("job-counts.ts")) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
