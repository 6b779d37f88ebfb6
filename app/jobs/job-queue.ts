// The one contract the rest of the app depends on for background work: `JobQueue` for producers
// and screens, `JobWorker` for the process that runs the jobs. The first implementation is a table
// on our own database run in-process (prisma-job-queue.server.ts, prisma-job-runner.server.ts); a
// PostgreSQL queue library can implement the same two interfaces and be chosen in runtime.server.ts
// without touching callers (docs/decisions/0033-one-job-queue-contract.md). Nothing here names a
// table, a lease or a poll: those are how one implementation keeps the contract.
// Pure types: safe to import from anywhere, including the UI.
import type { Prisma } from "@prisma/client";
import type { SqlTransaction } from "~/db/sql-transaction";

export const JOB_STATUSES = ["queued", "running", "succeeded", "dead", "cancelled"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Queued or running: the job's work is still to happen. */
export const ACTIVE_JOB_STATUSES: readonly JobStatus[] = ["queued", "running"];

export interface EnqueueOptions {
  /** The shop the work belongs to, so app/uninstalled can cancel it and screens can filter by it. */
  shop?: string | null;
  /** Not before this moment; defaults to now. */
  runAt?: Date;
  /** Attempts before the job is dead-lettered; defaults to 8. */
  maxAttempts?: number;
  /** While a queued or running job has this key, enqueueing again returns that job instead of a new one. */
  dedupeKey?: string;
}

export interface EnqueueResult {
  id: string;
  /** True when an existing queued or running job with the same dedupeKey was returned. */
  deduplicated: boolean;
}

/**
 * The caller's open transaction on the app's database: a Prisma interactive transaction, or (on
 * PostgreSQL, for a queue whose `enqueuesInSqlTransactions` is true) one on the driver itself
 * (app/db/sql-transaction.ts).
 */
export type JobTransaction = Prisma.TransactionClient | SqlTransaction;

/** What a screen or a test sees of a job. The payload is left out on purpose: it can hold customer data. */
export interface JobSummary {
  id: string;
  shop: string | null;
  type: string;
  status: JobStatus;
  /** Attempts started so far, the running one included. */
  attempts: number;
  maxAttempts: number;
  /** When it runs next (queued), or ran last. */
  runAt: Date;
  lastError: string | null;
  dedupeKey: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

/** A job with what it was given: for support tooling and tests, never a screen (customer data). */
export interface JobDetail extends JobSummary {
  payload: unknown;
}

export type JobCounts = Record<JobStatus, number>;

export interface JobFilter {
  shop?: string;
  type?: string;
  /** Any of these; all statuses when omitted. */
  statuses?: readonly JobStatus[];
}

/** The producer side: everything the app does to jobs other than running them. */
export interface JobQueue {
  /**
   * Whether enqueueWith and enqueueManyWith accept a driver transaction (SqlTransaction) as well as
   * a Prisma one. The embedded queue's inserts are Prisma queries, so it does not.
   */
  readonly enqueuesInSqlTransactions: boolean;
  enqueue(type: string, payload: unknown, options?: EnqueueOptions): Promise<EnqueueResult>;
  /**
   * Adds the job inside the caller's transaction: it exists if and only if the transaction commits,
   * so rows and the jobs that process them cannot be separated by a crash.
   */
  enqueueWith(tx: JobTransaction, type: string, payload: unknown, options?: EnqueueOptions): Promise<EnqueueResult>;
  /** Many jobs of one type inside the caller's transaction (the webhook inbox's group commit); no dedupe keys. */
  enqueueManyWith(
    tx: JobTransaction,
    type: string,
    jobs: readonly { payload: unknown; options?: Omit<EnqueueOptions, "dedupeKey"> }[],
  ): Promise<void>;
  /** The keys, of those given, held by a job that is queued (or running and has not released its key). */
  pendingDedupeKeys(keys: readonly string[]): Promise<Set<string>>;
  /**
   * A running job gives up its dedupeKey: enqueueing the same key again makes a new job instead of
   * returning this one (work that must see every change made after it started).
   */
  releaseDedupeKey(jobId: string): Promise<void>;
  /** app/uninstalled: the shop's queued jobs will not run; a running one finishes. Returns how many. */
  cancelJobsForShop(shop: string): Promise<number>;
  /** shop/redact: forgets every job of the shop except `except` (the job doing the redaction). */
  deleteJobsForShop(shop: string, options?: { except?: string }): Promise<number>;
  /** One job, only if it belongs to `shop` (a screen never sees another shop's job). */
  getJob(id: string, shop: string): Promise<JobSummary | null>;
  /** Newest first; at most `take` (default 50, at most 500). */
  listJobs(filter?: JobFilter & { take?: number }): Promise<JobSummary[]>;
  /** Like listJobs, with each job's payload. */
  listJobDetails(filter?: JobFilter & { take?: number }): Promise<JobDetail[]>;
  /** Jobs per status, every status present (zero when none); all shops when `shop` is omitted. */
  jobCounts(shop?: string): Promise<JobCounts>;
  /**
   * Puts a dead job back in the queue with a fresh set of attempts. Refused (false) when the job is
   * not dead, or when another job with the same dedupeKey is already queued or running.
   */
  retryDeadJob(id: string): Promise<boolean>;
  /** Deletes succeeded and cancelled jobs finished before `finishedBefore`; dead ones are kept. Returns how many. */
  pruneFinishedJobs(finishedBefore: Date): Promise<number>;
}

// Narrow views, so a function states the one capability it uses and a test fake stays small.
export type TransactionalJobQueue = Pick<JobQueue, "enqueue" | "enqueueWith">;
export type PendingWorkQuery = Pick<JobQueue, "pendingDedupeKeys">;
export type PrunableJobQueue = Pick<JobQueue, "pruneFinishedJobs">;

export interface JobContext {
  jobId: string;
  shop: string | null;
  /** 1 on the first run. Delivery is at-least-once, so a handler may see the same work again. */
  attempt: number;
  maxAttempts: number;
}

/**
 * Does the work for one job type. Must be idempotent: the runner guarantees at-least-once, so after
 * a crash, a lost lease or a failed status write the same payload can run again.
 */
export type JobHandler<P = unknown> = (payload: P, context: JobContext) => Promise<void>;

/** What a type's onDead hook learns about the job that was dead-lettered. */
export type DeadLetterHook<P = unknown> = (
  payload: P,
  job: { jobId: string; shop: string | null; error: string },
) => Promise<void>;

export interface ScheduleDefinition {
  /** Unique per schedule; defining a name again replaces it (Vite HMR re-runs the module). */
  name: string;
  /**
   * The period: the schedule enqueues once per whole interval since the Unix epoch (a daily one,
   * once per UTC day), however many workers run it and whenever they started.
   */
  intervalMs: number;
  /** Only enqueues: the work itself runs as ordinary jobs, with their retries and dead-lettering. */
  enqueue: () => Promise<void>;
  /** Check the current period as soon as the worker starts, instead of at its first tick. */
  runOnStart?: boolean;
}

export interface WorkerStartOptions {
  /** Jobs run at the same time by this process. */
  concurrency?: number;
  /** How often to look for due jobs enqueued by other processes or inside transactions. */
  pollMs?: number;
}

export interface RunSummary {
  ran: number;
  succeeded: number;
  retried: number;
  dead: number;
}

export interface RunUntilIdleOptions {
  /**
   * Runs once as if the clock read this: every job due by then runs now (a delayed job, a retry
   * whose backoff has passed by then); the retries they schedule fall due after it, so a later call
   * with a later `asOf` runs those. For tests with a fake clock; handlers still see the real time.
   * Without it, retries and follow-ups falling due within `timeoutMs` are waited for.
   */
  asOf?: Date;
  /** Only jobs of these types run; the others stay queued. */
  types?: readonly string[];
  /** Jobs run at the same time; defaults to the worker's concurrency. */
  concurrency?: number;
  /** Without `asOf`: how long to wait for jobs falling due; throws if jobs are still due after it. */
  timeoutMs?: number;
}

/** The consumer side: which function runs each job type, the recurring enqueues, and running them. */
export interface JobWorker {
  /**
   * Registering a type again replaces its handler, so a Vite HMR reload picks up the new code.
   * `onDead` runs once when a job of the type is dead-lettered (its last attempt failed, or the
   * process running it died), so the work it stood for can be shown as failed instead of "in
   * progress" forever. Its own errors are logged, never retried.
   */
  register<P>(type: string, handler: JobHandler<P>, options?: { onDead?: DeadLetterHook<P> }): void;
  /** A recurring enqueue, started and stopped with the worker. */
  every(schedule: ScheduleDefinition): void;
  /** Enqueues for one schedule now (what its timer does), for tests and manual runs. */
  triggerSchedule(name: string): Promise<void>;
  readonly started: boolean;
  /** Resumes work left by stopped processes, then runs due jobs and the schedules until stop(). */
  start(options?: WorkerStartOptions): Promise<void>;
  /** Graceful: stops claiming and the schedules, and waits for the jobs already running to finish. */
  stop(): Promise<void>;
  /**
   * Runs due jobs, and the jobs they enqueue or retry, until none is due: how tests run background
   * work without a started worker, so nothing runs behind their back.
   */
  runUntilIdle(options?: RunUntilIdleOptions): Promise<RunSummary>;
}

// A brand instead of `instanceof` alone: after a Vite HMR reload a handler module throws an error
// built from a fresh copy of this class, while the long-lived runner still holds the old one.
const PERMANENT = Symbol.for("fulfillment-desk.permanent-job-error");

/** Thrown by a handler to say: retrying cannot help, dead-letter this job now. */
export class PermanentJobError extends Error {
  override readonly name = "PermanentJobError";
  readonly [PERMANENT] = true;
}

export function isPermanentJobError(error: unknown): boolean {
  return error instanceof Error && (error as unknown as Record<symbol, unknown>)[PERMANENT] === true;
}
