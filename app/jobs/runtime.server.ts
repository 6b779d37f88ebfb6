import { env } from "~/env.server";
import { PrismaJobQueue } from "./prisma-job-queue.server";
import { PrismaJobRunner, type StartOptions } from "./prisma-job-runner.server";
import { getScheduler } from "./schedule.server";

// One queue and one runner per process. Kept on globalThis (like app/db.server.ts keeps Prisma) so
// a Vite HMR reload neither starts a second runner nor loses the running one; handler modules that
// re-run after a reload re-register, which replaces the old handler.

interface JobRuntime {
  queue: PrismaJobQueue;
  runner: PrismaJobRunner;
}

declare global {
  var __jobRuntime: JobRuntime | undefined;
}

function runtime(): JobRuntime {
  if (globalThis.__jobRuntime === undefined) {
    const queue = new PrismaJobQueue();
    globalThis.__jobRuntime = { queue, runner: new PrismaJobRunner({ queue, scheduler: getScheduler() }) };
  }
  return globalThis.__jobRuntime;
}

/** Producers should type against `JobQueue`; the wider type is for enqueueWith and the jobs screen. */
export function getJobQueue(): PrismaJobQueue {
  return runtime().queue;
}

export function getJobRunner(): PrismaJobRunner {
  return runtime().runner;
}

/**
 * Starts the runner and the schedules once per process. Does nothing under NODE_ENV=test: tests
 * drive the runner with runDue()/drain() so nothing runs behind their back. Returns whether it
 * started the runner by this call.
 */
export async function startJobRuntime(options: StartOptions = {}): Promise<boolean> {
  const runner = getJobRunner();
  if (env.NODE_ENV === "test" || runner.started) return false;
  await runner.start(options);
  return true;
}

/** For a graceful shutdown (SIGTERM): stop claiming and let running jobs finish. */
export async function stopJobRuntime(): Promise<void> {
  await globalThis.__jobRuntime?.runner.stop();
}
