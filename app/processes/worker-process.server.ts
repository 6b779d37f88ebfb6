// `npm run worker`: runs jobs and schedules, serves no pages (docs/decisions/0034-web-and-worker-processes.md).
import { registerJobHandlers, registerSchedules } from "~/background.server";
import { startJobRuntime, stopJobRuntime } from "~/jobs/runtime.server";
import { disconnectDatabase } from "~/probes/database.server";
import { exitGracefullyOnSignals, settledWithin } from "./graceful-shutdown.server";
import { readProcessEnv } from "./process-env.server";
import { startProbeServer } from "./probe-listener.server";

export async function runWorker(): Promise<void> {
  const config = readProcessEnv();
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
  });
}
