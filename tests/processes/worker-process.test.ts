// `npm run worker`'s entry (app/processes/worker-process.server.ts) as a real process: it runs the queued jobs and
// the schedules, answers only its probes, and on SIGTERM lets a running job finish — or, past
// SHUTDOWN_TIMEOUT_MS, leaves it to its lease, after which it runs again.
import { afterEach, describe, expect, it } from "vitest";
import { createJobWorker, getJobQueue } from "~/jobs/runtime.server";
import { type AppProcess, PROBE_USER_AGENT, spawnAppProcess } from "../support/app-process";

const WORKER = "tests/processes/fixtures/worker-with-slow-job.ts";
const started: AppProcess[] = [];

function startWorker(env: Record<string, string> = {}): AppProcess {
  // NODE_ENV=production, as deployed: under NODE_ENV=test the runner leaves jobs to the tests.
  const worker = spawnAppProcess(WORKER, { NODE_ENV: "production", ...env });
  started.push(worker);
  return worker;
}

afterEach(() => {
  for (const worker of started.splice(0)) if (worker.child.exitCode === null) worker.child.kill("SIGKILL");
});

const queue = () => getJobQueue();
async function job(id: string) {
  const [found] = (await queue().listJobDetails({ type: "test.slow" })).filter((j) => j.id === id);
  return { status: found?.status, attempts: found?.attempts };
}
// Longer than any lease a worker holds a job for (the embedded runner's is minutes).
const LEASE_OVER_MS = 60 * 60_000;

// Each test starts a worker, which transpiles the app first: generous on a loaded machine.
describe("the worker process", { timeout: 60_000 }, () => {
  it("runs queued jobs and schedules, answers only /healthz and /readyz, and on SIGTERM finishes its job and exits 0", async () => {
    // GIVEN a worker with its probe port
    const worker = startWorker({ WORKER_HEALTH_PORT: "0" });
    const port = await worker.listening("worker probes");
    await worker.printed("worker: running jobs and schedules");
    const url = (path: string) => `http://127.0.0.1:${port}${path}`;

    // THEN its probes answer a probe's user agent, and nothing else is served
    const health = await fetch(url("/healthz"), { headers: { "User-Agent": PROBE_USER_AGENT } });
    expect([health.status, await health.json()]).toEqual([200, { status: "ok" }]);
    const ready = await fetch(url("/readyz"), { headers: { "User-Agent": PROBE_USER_AGENT } });
    expect([ready.status, await ready.json()]).toEqual([200, { database: "ok", queue: "ok" }]);
    expect((await fetch(url("/"))).status).toBe(404);
    expect((await fetch(url("/app"))).status).toBe(404);
    expect((await fetch(url("/readyz"), { method: "POST" })).status).toBe(405);

    // AND the retention schedule, which enqueues on start, ran its job
    await expect
      .poll(async () => (await getJobQueue().listJobs({ type: "retention.prune" })).map(({ status }) => ({ status })), {
        timeout: 15_000,
      })
      .toEqual([{ status: "succeeded" }]);

    // WHEN a job is enqueued (as the web process does) and SIGTERM arrives while it runs
    const { id } = await queue().enqueue("test.slow", { ms: 1_500 });
    await worker.printed(`slow job ${id} started`);
    worker.child.kill("SIGTERM");

    // THEN the job finishes, and the process exits 0
    expect(await worker.exited).toEqual({ code: 0, signal: null });
    expect(worker.output()).toContain(`slow job ${id} finished`);
    expect(await job(id)).toEqual({ status: "succeeded", attempts: 1 });
  });

  it("exits 0 at SHUTDOWN_TIMEOUT_MS with a job still running, and the job runs again once its lease expires", async () => {
    // GIVEN a worker running a job that outlasts the shutdown bound
    const worker = startWorker({ SHUTDOWN_TIMEOUT_MS: "300" });
    const { id } = await queue().enqueue("test.slow", { ms: 20_000 });
    await worker.printed(`slow job ${id} started`);

    // WHEN it is told to stop
    const signalledAt = Date.now();
    worker.child.kill("SIGTERM");

    // THEN it exits 0 within the bound (plus closing), leaving the job to its lease
    expect(await worker.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalledAt).toBeLessThan(5_000);
    expect(worker.output()).not.toContain(`slow job ${id} finished`);
    expect(await job(id)).toEqual({ status: "running", attempts: 1 });

    // AND a runner that starts after the lease has expired runs it again, to success
    const afterLease = () => new Date(Date.now() + LEASE_OVER_MS);
    const next = createJobWorker({ clock: afterLease });
    next.register("test.slow", async () => {});
    // Only its type: the child's start-up schedule may have enqueued a retention.prune job, which
    // this worker has no handler for (it would dead-letter it).
    expect(await next.runUntilIdle({ types: ["test.slow"] })).toMatchObject({ ran: 1, succeeded: 1 });
    expect(await job(id)).toEqual({ status: "succeeded", attempts: 2 });
  });

  it("exits at once on a second signal", async () => {
    // GIVEN a worker draining a long job within a generous bound
    const worker = startWorker({ SHUTDOWN_TIMEOUT_MS: "60000" });
    const { id } = await queue().enqueue("test.slow", { ms: 20_000 });
    await worker.printed(`slow job ${id} started`);
    worker.child.kill("SIGTERM");
    await worker.printed("worker: SIGTERM, shutting down");

    // WHEN Ctrl-C follows
    const signalledAt = Date.now();
    worker.child.kill("SIGINT");

    // THEN it does not wait for the job
    expect(await worker.exited).toEqual({ code: 130, signal: null });
    expect(Date.now() - signalledAt).toBeLessThan(2_000);
  });
});
