// The background jobs screen's data and its Retry action, always for the session's shop only.
import { prisma } from "~/db.server";
import { getJobQueue } from "~/jobs/runtime.server";
import type { BackgroundJobsView, DeadJobView, FailedDeliveryView, RetryOutcome } from "./types";

const DEAD_JOBS_SHOWN = 50;
const FAILED_DELIVERIES_SHOWN = 50;

export async function loadBackgroundJobs(shop: string): Promise<BackgroundJobsView> {
  const queue = getJobQueue();
  const [counts, dead, failed] = await Promise.all([
    queue.jobCounts(shop),
    queue.listJobs({ shop, statuses: ["dead"], take: DEAD_JOBS_SHOWN }),
    prisma.webhookDelivery.findMany({
      where: { shop, status: "failed" },
      orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
      take: FAILED_DELIVERIES_SHOWN,
      // Never the payload: it can hold customer data.
      select: { id: true, topic: true, error: true, receivedAt: true },
    }),
  ]);
  const deadJobs: DeadJobView[] = dead.map((job) => ({
    id: job.id,
    type: job.type,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    lastError: job.lastError,
    at: (job.finishedAt ?? job.createdAt).toISOString(),
  }));
  const failedDeliveries: FailedDeliveryView[] = failed.map((delivery) => ({
    ...delivery,
    receivedAt: delivery.receivedAt.toISOString(),
  }));
  return { counts, deadJobs, failedDeliveries };
}

/**
 * Puts one of the shop's dead jobs back in the queue. A job id of another shop answers
 * "not-found", exactly like an id that never existed, so ids cannot be probed across shops.
 */
export async function retryJob(shop: string, jobId: string): Promise<RetryOutcome> {
  const queue = getJobQueue();
  const job = await queue.getJob(jobId, shop);
  if (!job) return "not-found";
  if (job.status !== "dead") return "not-dead";
  return (await queue.retryDeadJob(jobId)) ? "retried" : "already-active";
}
