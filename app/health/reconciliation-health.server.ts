// The reconciliation screen's data and its one action. Every query is scoped by the session's shop:
// a shop never sees another shop's runs, jobs or deliveries.
import { prisma } from "~/db.server";
import { ACTIVE_JOB_STATUSES } from "~/jobs/job-queue";
import { getJobQueue } from "~/jobs/runtime.server";
import { enqueueReconcile, RECONCILE_JOB } from "~/reconciliation/reconcile-enqueue.server";
import { listRuns, watermarkOf } from "~/reconciliation/reconcile-runs.server";
import {
  type ActiveReconcileView,
  INBOX_STATUSES,
  type InboxCounts,
  RECONCILE_TRIGGERS,
  type ReconcileRunView,
  RUN_STATUSES,
  type ReconciliationHealthView,
  type ReconcileKind,
  type ReconcileRequestOutcome,
  type ReconcileTrigger,
} from "./types";

const RUNS_SHOWN = 20;
const INBOX_WINDOW_MS = 24 * 60 * 60_000;

type RunRow = Awaited<ReturnType<typeof listRuns>>[number];

const oneOf = <T extends string>(values: readonly T[], value: string, fallback: T): T =>
  values.find((candidate) => candidate === value) ?? fallback;

const kindOfTrigger = (trigger: ReconcileTrigger): ReconcileKind =>
  trigger === "install" || trigger === "backfill" ? "backfill" : "sweep";

function toRunView(run: RunRow): ReconcileRunView {
  return {
    id: run.id,
    trigger: oneOf(RECONCILE_TRIGGERS, run.trigger, "manual"),
    status: oneOf(RUN_STATUSES, run.status, "failed"),
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    durationMs: run.finishedAt ? run.finishedAt.getTime() - run.startedAt.getTime() : null,
    objectsSeen: run.objectsSeen,
    alreadyCorrect: run.alreadyCorrect,
    repaired: run.repaired,
    deferred: run.deferred,
    unaccounted: run.unaccounted,
    apiCalls: run.apiCalls,
    throttledRetries: run.throttledRetries,
    error: run.error,
  };
}

/** Reconcile jobs of the shop that are waiting or running (at most one per kind, by dedupeKey). */
async function activeReconcilesOf(shop: string): Promise<ActiveReconcileView[]> {
  const jobs = await getJobQueue().listJobs({ shop, type: RECONCILE_JOB, statuses: ACTIVE_JOB_STATUSES });
  // Oldest first; listJobs answers newest first.
  return jobs.reverse().map((job) => ({
    kind: job.dedupeKey?.startsWith("reconcile:backfill:") ? "backfill" : "sweep",
    status: job.status === "running" ? "running" : "queued",
  }));
}

async function inboxCountsOf(shop: string, since: Date): Promise<InboxCounts> {
  const groups = await prisma.webhookDelivery.groupBy({
    by: ["status"],
    where: { shop, receivedAt: { gte: since } },
    _count: { _all: true },
  });
  const counts = Object.fromEntries(INBOX_STATUSES.map((status) => [status, 0])) as InboxCounts;
  for (const group of groups) {
    const status = INBOX_STATUSES.find((candidate) => candidate === group.status);
    if (status) counts[status] += group._count._all;
  }
  return counts;
}

export async function loadReconciliationHealth(
  shop: string,
  options: { now?: Date } = {},
): Promise<ReconciliationHealthView> {
  const now = options.now ?? new Date();
  const [runs, watermark, activeReconciles, inbox] = await Promise.all([
    listRuns(shop, RUNS_SHOWN),
    watermarkOf(shop),
    activeReconcilesOf(shop),
    inboxCountsOf(shop, new Date(now.getTime() - INBOX_WINDOW_MS)),
  ]);
  return { runs: runs.map(toRunView), watermark: watermark?.toISOString() ?? null, activeReconciles, inbox };
}

/** "Run sync now" (a sweep from the watermark) or "Backfill last 60 days". One at a time per kind. */
export async function requestReconcile(shop: string, trigger: "manual" | "backfill"): Promise<ReconcileRequestOutcome> {
  const result = await enqueueReconcile(getJobQueue(), shop, trigger);
  return { kind: kindOfTrigger(trigger), queued: !result.deduplicated };
}
