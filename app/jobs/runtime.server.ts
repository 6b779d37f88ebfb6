import { env } from "~/env.server";
import type { JobQueue, JobWorker, WorkerStartOptions } from "./job-queue";
import { PGBOSS_SCHEMA, PgBossJobQueue } from "./pg-boss-job-queue.server";
import { PgBossJobWorker } from "./pg-boss-job-worker.server";
import { PrismaJobQueue } from "./prisma-job-queue.server";
import { PrismaJobRunner } from "./prisma-job-runner.server";
import { getScheduler } from "./schedule.server";

// One queue and one worker per process, handed out as the JobQueue and JobWorker interfaces: the
// rest of the app never sees which implementation runs the jobs. Kept on globalThis (like
// app/db.server.ts keeps Prisma) so a Vite HMR reload neither starts a second worker nor loses the
// running one; handler modules that re-run after a reload re-register, which replaces the old handler.

interface JobRuntime {
  queue: JobQueue;
  worker: JobWorker;
  createWorker(options: WorkerOptions): JobWorker;
  /** Throws when the queue's store cannot be reached (/readyz). */
  ping(): Promise<void>;
  /** Releases what the queue holds (pg-boss's pool), after the worker has stopped. */
  close(): Promise<void>;
  /** Forgets every job (tests). */
  clear(): Promise<void>;
  /** Renames the queue's store away (tests); the returned function renames it back. */
  hideStore(): Promise<() => Promise<void>>;
}

declare global {
  var __jobRuntime: JobRuntime | undefined;
}

/** How a worker other than the process's own is made (a test playing a second process). */
interface WorkerOptions {
  /** Names this worker in logs and in the jobs it holds. */
  id?: string;
  /** How long a job may run without a sign of life before another worker takes it over. */
  leaseMs?: number;
  /** Injected so a test can move this worker's time instead of sleeping. */
  clock?: () => Date;
}

// The one place that chooses the implementation, by JOB_QUEUE (app/env.server.ts): pg-boss on
// PostgreSQL by default (docs/decisions/0038-pg-boss-job-queue.md), the embedded `Job`-table runner
// otherwise. Callers keep depending on the interfaces only.
function createRuntime(): JobRuntime {
  if (env.JOB_QUEUE === "pg-boss") {
    // Supervision (pg-boss's maintenance) only where jobs run; a web process (JOB_RUNNER=off) only
    // enqueues. The queue starts pg-boss on first use, so nothing connects before it is needed.
    const queue = new PgBossJobQueue({ connectionString: env.DATABASE_URL, supervise: env.JOB_RUNNER === "on" });
    return {
      queue,
      worker: new PgBossJobWorker({
        queue,
        scheduler: getScheduler(),
        leaseMs: env.JOB_LEASE_MS,
      }),
      createWorker: (options) => new PgBossJobWorker({ queue, leaseMs: env.JOB_LEASE_MS, ...options }),
      ping: () => queue.ping(),
      close: () => queue.close(),
      clear: async () => void (await queue.sql(`DELETE FROM ${PGBOSS_SCHEMA}.job`)),
      // The whole schema: pg-boss inserts into a queue's partition of `job` directly (plans.js insertJobs).
      hideStore: async () => {
        await queue.sql(`ALTER SCHEMA ${PGBOSS_SCHEMA} RENAME TO ${PGBOSS_SCHEMA}_hidden`);
        return async () => void (await queue.sql(`ALTER SCHEMA ${PGBOSS_SCHEMA}_hidden RENAME TO ${PGBOSS_SCHEMA}`));
      },
    };
  }
  const queue = new PrismaJobQueue();
  return {
    queue,
    worker: new PrismaJobRunner({ queue, scheduler: getScheduler(), leaseMs: env.JOB_LEASE_MS }),
    createWorker: (options) => new PrismaJobRunner({ queue, leaseMs: env.JOB_LEASE_MS, ...options }),
    // The embedded queue keeps its jobs in the `Job` table: the cheapest read of it.
    ping: async () => void (await queue.db.job.findFirst({ select: { id: true } })),
    // The Prisma client is the app's, closed with it.
    close: async () => {},
    clear: async () => void (await queue.db.job.deleteMany()),
    hideStore: async () => {
      await queue.db.$executeRawUnsafe(`ALTER TABLE "Job" RENAME TO "JobHidden"`);
      return async () => void (await queue.db.$executeRawUnsafe(`ALTER TABLE "JobHidden" RENAME TO "Job"`));
    },
  };
}

function runtime(): JobRuntime {
  globalThis.__jobRuntime ??= createRuntime();
  return globalThis.__jobRuntime;
}

export function getJobQueue(): JobQueue {
  return runtime().queue;
}

export function getJobWorker(): JobWorker {
  return runtime().worker;
}

/**
 * Another worker on the process's queue, with no handlers and no schedules of its own: tests use it
 * to play a second process (one that died holding a job, one that takes the job over).
 */
export function createJobWorker(options: WorkerOptions = {}): JobWorker {
  return runtime().createWorker(options);
}

/**
 * Starts the worker and the schedules once per process. Does nothing under NODE_ENV=test: tests
 * run jobs with runUntilIdle() so nothing runs behind their back. Returns whether it started the
 * worker by this call.
 */
export async function startJobRuntime(options: WorkerStartOptions = {}): Promise<boolean> {
  const worker = getJobWorker();
  if (env.NODE_ENV === "test" || worker.started) return false;
  await worker.start(options);
  return true;
}

/** /readyz: whether this process can reach the job queue's store. */
export function checkJobQueueReachable(): Promise<void> {
  return runtime().ping();
}

/**
 * Tests only: forgets every job, as a test's database reset forgets the app's rows. pg-boss keeps
 * its jobs in its own schema, which a reset of the app's models does not reach.
 */
export async function deleteAllJobsForTests(): Promise<void> {
  if (env.NODE_ENV !== "test") throw new Error("deleteAllJobsForTests is for tests only");
  await runtime().clear();
}

/**
 * Tests only: the queue's store becomes unreachable while the app's database stays reachable (its
 * store is renamed away: the `Job` table, or pg-boss's schema), for /readyz and the webhook inbox's
 * failure paths. Returns what renames it back.
 */
export async function hideJobStoreForTests(): Promise<() => Promise<void>> {
  if (env.NODE_ENV !== "test") throw new Error("hideJobStoreForTests is for tests only");
  return runtime().hideStore();
}

/** For a graceful shutdown (SIGTERM): stop claiming and let running jobs finish. */
export async function stopJobRuntime(): Promise<void> {
  await globalThis.__jobRuntime?.worker.stop();
  await closeJobQueue();
}

/**
 * Releases what the process's queue holds (pg-boss's pool) without touching its worker: the web
 * process's shutdown (closeServerResources), which only enqueues. Nothing to do when this process
 * never made or used its queue (pg-boss's close() returns before a start). A later call on the
 * queue opens it again: pg-boss may be started again after stop (https://pgboss.io/api/ops).
 */
export async function closeJobQueue(): Promise<void> {
  await globalThis.__jobRuntime?.close();
}
