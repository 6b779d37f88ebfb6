// The one interface producers of background work depend on. The first implementation is a table
// on our own database, run in-process (prisma-job-queue.server.ts); a Postgres-backed queue can
// replace it without touching callers (docs/decisions/0004-job-queue.md).
// Pure types: safe to import from anywhere, including the UI.
import type { Prisma } from "@prisma/client";

export const JOB_STATUSES = ["queued", "running", "succeeded", "dead", "cancelled"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

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

export interface JobQueue {
  enqueue(type: string, payload: unknown, options?: EnqueueOptions): Promise<EnqueueResult>;
}

/** The caller's open transaction on the app's database (a Prisma interactive transaction). */
export type JobTransaction = Prisma.TransactionClient;

/**
 * A queue that can also add a job inside the caller's transaction: the job exists if and only if
 * the transaction commits, so rows and the jobs that process them cannot be separated by a crash.
 * Producers that need that guarantee depend on this; the rest keep depending on `JobQueue`.
 */
export interface TransactionalJobQueue extends JobQueue {
  enqueueWith(tx: JobTransaction, type: string, payload: unknown, options?: EnqueueOptions): Promise<EnqueueResult>;
}

/** A queue that can tell which dedupe keys still have work waiting to start. */
export interface PendingWorkQuery {
  /** The keys, of those given, held by a job that is queued (or running and has not released its key). */
  pendingDedupeKeys(keys: readonly string[]): Promise<Set<string>>;
}

/** A queue whose finished jobs can be deleted once they are old (the retention schedule). */
export interface PrunableJobQueue {
  /** Deletes succeeded and cancelled jobs finished before `finishedBefore`; dead ones are kept. */
  pruneFinishedJobs(finishedBefore: Date): Promise<number>;
}

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
