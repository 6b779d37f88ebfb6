// Wires background work: which job type runs which function, the recurring schedules, and when
// the worker starts. Tests register the handlers and run the jobs themselves (runUntilIdle).
import { registerAutomation } from "./automation/runtime/register.server";
import { reevaluateAbandoned } from "./automation/runtime/resume.server";
import { env } from "./env.server";
import { PICKUP_CANCEL_JOB, type PickupCancelJobPayload } from "./fulfillment/pickup/cancel-and-restock-job.server";
import { runPickupCancelJob } from "./fulfillment/pickup/cancel-and-restock.server";
import { getJobQueue, getJobWorker, startJobRuntime, stopJobRuntime } from "./jobs/runtime.server";
import {
  DEFAULT_RECONCILE_INTERVAL_MINUTES,
  enqueueReconcile,
  RECONCILE_JOB,
  type ReconcileJobPayload,
} from "./reconciliation/reconcile-enqueue.server";
import { runReconcileJob } from "./reconciliation/reconcile-job.server";
import {
  enqueuePruneRetained,
  PRUNE_RETAINED_JOB,
  pruneRetainedHandler,
  RETENTION_SCHEDULE_MS,
} from "./retention/prune-retained.server";
import { listenForUpsellDecisions } from "./post-purchase/listen.server";
import { listActiveShops } from "./shops/shop-lifecycle.server";
import {
  enqueueScheduledRun,
  prepareRunHandler,
  runCancelOrderJob,
  SCHEDULED_RUN_JOB,
  type ScheduledRunPayload,
  scheduledRunHandler,
  STALE_ORDERS_SCHEDULE_MS,
} from "./stale-orders/cancel-order-job.server";
import {
  CANCEL_ORDER_JOB,
  type CancelOrderJobPayload,
  PREPARE_RUN_JOB,
  type PrepareRunJobPayload,
} from "./stale-orders/cancellation-runs.server";
import { listShopsWithStaleOrderSchedule } from "./stale-orders/policy-settings.server";
import { registerWebhookJobs } from "./webhooks/process-delivery.server";
import { abandonPickupCancellation } from "./fulfillment/pickup/cancel-and-restock.server";
import { abandonStaleOrderItem } from "./stale-orders/cancel-order.server";
import { failCancellationRun } from "./stale-orders/prepare-run.server";

export function registerJobHandlers(): void {
  const worker = getJobWorker();
  registerWebhookJobs(worker);
  worker.register<ReconcileJobPayload>(RECONCILE_JOB, async (payload, job) => {
    await runReconcileJob(payload, job);
    // Automation's part of the sweep: submissions a dead worker left that no evaluation met.
    await reevaluateAbandoned(getJobQueue(), payload.shop, new Date(Date.now() - env.JOB_LEASE_MS));
  });
  // Each job that stands for work a merchant watches says so when it is dead-lettered: the run,
  // the order or the pickup row ends "failed" with the reason instead of "in progress" forever.
  worker.register<PrepareRunJobPayload>(PREPARE_RUN_JOB, prepareRunHandler(getJobQueue()), {
    onDead: async ({ runId }, { error }) => void (await failCancellationRun(runId, error)),
  });
  worker.register<CancelOrderJobPayload>(CANCEL_ORDER_JOB, runCancelOrderJob, {
    onDead: ({ itemId }, { error }) => abandonStaleOrderItem(itemId, error),
  });
  worker.register<ScheduledRunPayload>(SCHEDULED_RUN_JOB, scheduledRunHandler(getJobQueue()));
  worker.register<PickupCancelJobPayload>(PICKUP_CANCEL_JOB, runPickupCancelJob, {
    onDead: ({ cancellationId }, { error }) => abandonPickupCancellation(cancellationId, error),
  });
  worker.register(PRUNE_RETAINED_JOB, pruneRetainedHandler(getJobQueue()));
  registerAutomation(getJobQueue(), worker);
  listenForUpsellDecisions(getJobQueue());
}

export const RETENTION_SCHEDULE = "retention-prune";

export function registerSchedules(): void {
  const worker = getJobWorker();
  worker.every({
    name: RETENTION_SCHEDULE,
    intervalMs: RETENTION_SCHEDULE_MS,
    runOnStart: true,
    enqueue: async () => void (await enqueuePruneRetained(getJobQueue())),
  });
  const minutes = env.RECONCILE_INTERVAL_MINUTES ?? DEFAULT_RECONCILE_INTERVAL_MINUTES;
  worker.every({
    name: "reconcile-active-shops",
    intervalMs: minutes * 60_000,
    enqueue: async () => {
      for (const shop of await listActiveShops()) await enqueueReconcile(getJobQueue(), shop, "scheduled");
    },
  });
  worker.every({
    name: "stale-orders-daily",
    intervalMs: STALE_ORDERS_SCHEDULE_MS,
    enqueue: async () => {
      const active = new Set(await listActiveShops());
      const day = new Date().toISOString().slice(0, 10);
      for (const shop of await listShopsWithStaleOrderSchedule()) {
        if (active.has(shop)) await enqueueScheduledRun(getJobQueue(), shop, day);
      }
    },
  });
}

declare global {
  var __fulfillmentDeskShutdownHook: boolean | undefined;
}

/**
 * On SIGTERM (a deploy, a scale-down) stop claiming jobs and let running ones finish before
 * exiting; anything cut short is re-queued by the next process when its lease expires.
 */
function stopJobsOnShutdown(): void {
  if (globalThis.__fulfillmentDeskShutdownHook) return;
  globalThis.__fulfillmentDeskShutdownHook = true;
  process.once("SIGTERM", () => {
    stopJobRuntime()
      .catch((error: unknown) => console.error("jobs: shutdown failed", error))
      .finally(() => process.exit(0));
  });
}

/**
 * Called once per server process (entry.server.tsx): `shopify app dev` and `npm run demo` are one
 * process that serves pages and runs jobs. `npm start` (app/processes/web.server.ts) sets JOB_RUNNER=off: in
 * production jobs run in `npm run worker` (docs/decisions/0034-web-and-worker-processes.md).
 */
export async function startBackgroundWork(): Promise<void> {
  // A web-only process (or a benchmark) enqueues jobs and leaves running them to another process.
  if (env.JOB_RUNNER === "off") return;
  registerJobHandlers();
  registerSchedules();
  if (await startJobRuntime()) stopJobsOnShutdown();
}
