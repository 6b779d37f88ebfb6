// `npm run worker` as deployed without a probe port (WORKER_HEALTH_PORT unset): once the queue is
// idle nothing but the process's own intent holds its event loop, and it must still be there to
// run a job the web process enqueues later. (Found by `npm run bench:webhooks`, whose worker exited
// 0 after the first retention job and left every delivery's job queued.)
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { getJobQueue } from "~/jobs/runtime.server";
import { type AppProcess, spawnAppProcess } from "../../tests/support/app-process";

const WORKER = "tests/processes/fixtures/worker-with-slow-job.ts";
let worker: AppProcess | undefined;

afterEach(() => {
  if (worker?.child.exitCode === null) worker.child.kill("SIGKILL");
});

describe("the worker process without a probe port", { timeout: 60_000 }, () => {
  it("stays up while the queue is idle and runs a job enqueued later", async () => {
    // GIVEN a worker with no listener of its own, which has run its start-up jobs and gone idle
    worker = spawnAppProcess(WORKER, { NODE_ENV: "production", WORKER_NICE: "10" });
    await worker.printed("worker: running jobs and schedules");
    // giving way to the web processes on the same CPUs (cpu-priority.server.ts)
    expect(niceOf(worker.child.pid!)).toBe(10);
    await expect
      .poll(async () => (await getJobQueue().listJobs({ type: "retention.prune" })).map(({ status }) => status), {
        timeout: 15_000,
      })
      .toEqual(["succeeded"]);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(worker.child.exitCode).toBeNull();

    // WHEN a job is enqueued, as the web process does
    const { id } = await getJobQueue().enqueue("test.slow", { ms: 10 });

    // THEN the worker runs it
    await worker.printed(`slow job ${id} finished`, 15_000);
    await expect
      .poll(async () => (await getJobQueue().listJobs({ type: "test.slow" })).map(({ status }) => status))
      .toEqual(["succeeded"]);

    // AND a SIGTERM still ends it cleanly
    worker.child.kill("SIGTERM");
    expect(await worker.exited).toEqual({ code: 0, signal: null });
  });
});

/** The nice value of a process's main thread: field 19 of /proc/<pid>/stat, counted after the command's ")". */
function niceOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
}
