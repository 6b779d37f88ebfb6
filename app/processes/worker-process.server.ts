// `npm run worker`: runs jobs and schedules, serves no pages (docs/decisions/0034-web-and-worker-processes.md).
import { registerJobHandlers, registerSchedules } from "~/background.server";
import { startJobRuntime, stopJobRuntime } from "~/jobs/runtime.server";
import { disconnectDatabase } from "~/probes/database.server";
import { yieldCpu } from "./cpu-priority.server";
import { exitGracefullyOnSignals, settledWithin } from "./graceful-shutdown.server";
import { readProcessEnv } from "./process-env.server";
import { startProbeServer } from "./probe-listener.server";

export async function runWorker(): Promise<void> {
  const config = readProcessEnv();
  const priority = yieldCpu(config.WORKER_NICE);
  if (priority.kind === "lowered")
    console.info(`worker: nice ${priority.to}, giving way to web processes on these CPUs`);
  if (priority.kind === "failed") {
    console.warn(`worker: could not lower its CPU priority to nice ${config.WORKER_NICE}: ${priority.reason}`);
  }
  registerJobHandlers();
  registerSchedules();
  // startJobRuntime also re-queues jobs whose lease a dead process left behind.
  if (!(await startJobRuntime())) {
    throw new Error("The job runner did not start: under NODE_ENV=test the tests drive jobs themselves.");
  }
  const probes =
    config.WORKER_HEALTH_PORT === undefined
      ? undefined
      : await startProbeServer(config.WORKER_HEALTH_PORT, config.HOST);
  // The runner's poll timer and the schedules' timers are unref'd, so that an app process that
  // also serves pages (development, the demo) can exit on its own. This process exists to run jobs:
  // without a probe port nothing else holds the event loop, and it would exit 0 the first time the
  // queue is idle, leaving every job enqueued afterwards by the web processes queued. It stays up
  // until a signal says otherwise.
  const stayUp = setInterval(() => undefined, 2 ** 31 - 1);
  console.info("worker: running jobs and schedules");

  exitGracefullyOnSignals("worker", async () => {
    // Stops the schedules and claiming; running jobs finish within the bound. One cut short stays
    // "running" under this process's lease and is re-queued and run again once the lease expires
    // (app/jobs/prisma-job-runner.server.ts): handlers are idempotent.
    const outcome = await settledWithin(stopJobRuntime(), config.SHUTDOWN_TIMEOUT_MS);
    if (outcome === "timed-out") {
      console.warn(`worker: jobs still running after ${config.SHUTDOWN_TIMEOUT_MS} ms are left to their lease`);
    }
    await probes?.close();
    await disconnectDatabase();
    clearInterval(stayUp);
  });
}
