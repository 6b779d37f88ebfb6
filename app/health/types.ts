// What the reconciliation and background jobs screens show, as the loaders send it (dates as ISO
// strings). Pure types: the components import them.
import type { JobCounts } from "~/jobs/job-queue";

/** Jobs per status, every status present (JobQueue.jobCounts). */
export type { JobCounts };

export const RECONCILE_TRIGGERS = ["scheduled", "manual", "install", "backfill"] as const;
export type ReconcileTrigger = (typeof RECONCILE_TRIGGERS)[number];

export const RUN_STATUSES = ["running", "succeeded", "failed"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export interface ReconcileRunView {
  id: string;
  trigger: ReconcileTrigger;
  status: RunStatus;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  objectsSeen: number;
  alreadyCorrect: number;
  repaired: number;
  /** Stale, but a webhook's read of the order was already queued; that read repairs it. */
  deferred: number;
  /** Must be 0: a change in Shopify the sweep could neither find correct nor repair. */
  unaccounted: number;
  apiCalls: number;
  throttledRetries: number;
  error: string | null;
}

/** A sweep covers changes since the watermark; a backfill, the last 60 days. They dedupe separately. */
export type ReconcileKind = "sweep" | "backfill";

export interface ActiveReconcileView {
  kind: ReconcileKind;
  status: "queued" | "running";
}

export const INBOX_STATUSES = ["received", "processed", "ignored", "failed"] as const;
export type InboxStatus = (typeof INBOX_STATUSES)[number];
export type InboxCounts = Record<InboxStatus, number>;

export interface ReconciliationHealthView {
  runs: ReconcileRunView[];
  /** Shopify updated_at up to which the ledger is known to be repaired; null before the first sweep. */
  watermark: string | null;
  activeReconciles: ActiveReconcileView[];
  inbox: InboxCounts;
}

export interface ReconcileRequestOutcome {
  kind: ReconcileKind;
  /** False when a sync of the same kind was already queued or running (deduplicated). */
  queued: boolean;
}

export interface DeadJobView {
  id: string;
  type: string;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  /** When it was dead-lettered (finishedAt), or created when that is missing. */
  at: string;
}

export interface FailedDeliveryView {
  id: string;
  topic: string;
  error: string | null;
  receivedAt: string;
}

export interface BackgroundJobsView {
  counts: JobCounts;
  deadJobs: DeadJobView[];
  failedDeliveries: FailedDeliveryView[];
}

export type RetryOutcome = "retried" | "not-found" | "not-dead" | "already-active";
