import { env } from "~/env.server";
import type { JobQueue, JobWorker, WorkerStartOptions } from "./job-queue";
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

// The one place that chooses the implementation. A second one (a PostgreSQL queue library) slots
// in here, chosen by configuration; callers keep depending on the interfaces only.
function createRuntime(): JobRuntime {
  const queue = new PrismaJobQueue();
  return {
    queue,
    worker: new PrismaJobRunner({ queue, scheduler: getScheduler(), leaseMs: env.JOB_LEASE_MS }),
    createWorker: (options) => new PrismaJobRunner({ queue, leaseMs: env.JOB_LEASE_MS, ...options }),
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

/** For a graceful shutdown (SIGTERM): stop claiming and let running jobs finish. */
export async function stopJobRuntime(): Promise<void> {
  await globalThis.__jobRuntime?.worker.stop();
}
