import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { deferred, waitFor } from "./fixtures/waiting";
import { PermanentJobError } from "./job-queue";
import { PrismaJobQueue } from "./prisma-job-queue.server";
import { DEFAULT_LEASE_MS, PrismaJobRunner, type JobLogger } from "./prisma-job-runner.server";

const quiet: JobLogger = { info: () => {}, warn: () => {}, error: () => {} };
const FAST_BACKOFF = { baseMs: 2, maxMs: 10 };

// Another process's queue: fresh instances (own runner id, own wake-ups), same connection. Two
// connections in one thread can deadlock on SQLite: Prisma wraps each write in BEGIN…COMMIT across
// awaits, and the other connection's busy wait blocks the only thread until it times out. Real OS
// processes, each with its own connection, are raced in prisma-job-runner.multi-process.test.ts.
function openOtherProcess(): PrismaJobQueue {
  return new PrismaJobQueue({ db: prisma });
}

const jobRow = (id: string) => prisma.job.findUniqueOrThrow({ where: { id } });

describe("PrismaJobRunner", () => {
  let queue: PrismaJobQueue;
  const runners: PrismaJobRunner[] = [];
  const runner = (options: Partial<ConstructorParameters<typeof PrismaJobRunner>[0]> = {}) => {
    const created = new PrismaJobRunner({ queue, logger: quiet, backoff: FAST_BACKOFF, ...options });
    runners.push(created);
    return created;
  };

  beforeEach(async () => {
    await prisma.job.deleteMany();
    queue = new PrismaJobQueue({ db: prisma });
  });

  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
  });

  it("retries a failing job with exponential backoff, then succeeds", async () => {
    // GIVEN a handler that fails twice, and a clock the test moves
    let now = new Date(Date.now() + 1_000);
    const attempts: number[] = [];
    const r = runner({ clock: () => now, random: () => 0, backoff: { baseMs: 1_000, maxMs: 60_000 } });
    r.register("flaky", async (_payload, context) => {
      attempts.push(context.attempt);
      if (context.attempt < 3) throw new Error(`flaky ${context.attempt}`);
    });
    const { id } = await queue.enqueue("flaky", {});

    // WHEN it first fails, THEN it is queued again half a base delay later (jitter 0) with the error
    expect(await r.runDue()).toEqual({ ran: 1, succeeded: 0, retried: 1, dead: 0 });
    expect(await jobRow(id)).toMatchObject({
      status: "queued",
      attempts: 1,
      lastError: "Error: flaky 1",
      runAt: new Date(now.getTime() + 500),
      lockedBy: null,
    });
    expect((await r.runDue()).ran).toBe(0);

    // WHEN the first delay has passed, it fails again and waits twice as long
    now = new Date(now.getTime() + 500);
    await r.runDue();
    expect(await jobRow(id)).toMatchObject({ attempts: 2, runAt: new Date(now.getTime() + 1_000) });

    // WHEN the second delay has passed, THEN the third attempt succeeds
    now = new Date(now.getTime() + 1_000);
    expect((await r.runDue()).succeeded).toBe(1);
    expect(attempts).toEqual([1, 2, 3]);
    expect(await jobRow(id)).toMatchObject({ status: "succeeded", attempts: 3, lastError: "Error: flaky 2" });
  });

  it("dead-letters a job after maxAttempts failures", async () => {
    let calls = 0;
    const r = runner();
    r.register("broken", async () => {
      calls += 1;
      throw new Error("Shopify said no");
    });
    const { id } = await queue.enqueue("broken", {}, { maxAttempts: 3 });

    const summary = await r.runUntilIdle({ timeoutMs: 5_000 });

    expect(calls).toBe(3);
    expect(summary).toEqual({ ran: 3, succeeded: 0, retried: 2, dead: 1 });
    const row = await jobRow(id);
    expect(row).toMatchObject({ status: "dead", attempts: 3, lastError: "Error: Shopify said no" });
    expect(row.finishedAt).toBeInstanceOf(Date);
  });

  it("hands a dead-lettered job to its type's onDead hook once, and never a retried one", async () => {
    const told: unknown[] = [];
    const r = runner();
    r.register(
      "broken",
      async () => {
        throw new Error("Shopify said no");
      },
      { onDead: async (payload, job) => void told.push({ payload, error: job.error, shop: job.shop }) },
    );
    await queue.enqueue("broken", { runId: "r1" }, { maxAttempts: 2, shop: "a.myshopify.com" });

    await r.runUntilIdle({ timeoutMs: 5_000 });

    expect(told).toEqual([{ payload: { runId: "r1" }, error: "Error: Shopify said no", shop: "a.myshopify.com" }]);
  });

  it("keeps a job's outcome when its onDead hook fails", async () => {
    const r = runner();
    r.register("broken", async () => Promise.reject(new PermanentJobError("gone")), {
      onDead: async () => Promise.reject(new Error("hook broke")),
    });
    const { id } = await queue.enqueue("broken", {});

    expect(await r.runUntilIdle({ timeoutMs: 5_000 })).toMatchObject({ dead: 1 });
    expect(await jobRow(id)).toMatchObject({ status: "dead" });
  });

  it("runUntilIdle runs follow-up jobs and retries that fall due, until nothing due remains", async () => {
    const log: string[] = [];
    const r = runner();
    r.register<{ step: number }>("chain", async ({ step }, { attempt }) => {
      if (step === 2 && attempt === 1) throw new Error("transient");
      log.push(`step ${step}`);
      if (step < 3) await queue.enqueue("chain", { step: step + 1 });
    });
    await queue.enqueue("chain", { step: 1 });

    const summary = await r.runUntilIdle({ timeoutMs: 5_000 });

    expect(log).toEqual(["step 1", "step 2", "step 3"]);
    expect(summary).toEqual({ ran: 4, succeeded: 3, retried: 1, dead: 0 });
    expect(await prisma.job.count({ where: { status: { not: "succeeded" } } })).toBe(0);
  });

  it("runUntilIdle leaves a job that is not due within its timeout for later", async () => {
    const r = runner();
    r.register("later", async () => {});
    await queue.enqueue("later", {}, { runAt: new Date(Date.now() + 60_000) });

    expect(await r.runUntilIdle({ timeoutMs: 50 })).toEqual({ ran: 0, succeeded: 0, retried: 0, dead: 0 });
    expect(await prisma.job.count({ where: { status: "queued" } })).toBe(1);
  });

  it("two runners racing over 50 jobs never run one twice", async () => {
    // GIVEN 50 jobs and two runners
    const runs = new Map<string, string[]>();
    const otherQueue = openOtherProcess();
    const a = runner();
    const b = runner({ queue: otherQueue });
    for (const r of [a, b]) {
      r.register("work", async (_payload, { jobId }) => {
        runs.set(jobId, [...(runs.get(jobId) ?? []), r.id]);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
      });
    }
    for (let i = 0; i < 50; i += 1) await queue.enqueue("work", { i });

    // WHEN both claim and run at the same time
    const [fromA, fromB] = await Promise.all([a.runDue({ concurrency: 5 }), b.runDue({ concurrency: 5 })]);

    // THEN every job ran exactly once, and both runners took part
    expect(runs.size).toBe(50);
    expect([...runs.values()].filter((by) => by.length !== 1)).toEqual([]);
    expect(fromA.ran + fromB.ran).toBe(50);
    expect(fromA.ran).toBeGreaterThan(0);
    expect(fromB.ran).toBeGreaterThan(0);
    expect(await prisma.job.count({ where: { status: "succeeded", attempts: 1 } })).toBe(50);
  });

  it("two started runners share a stream of jobs without running any twice", async () => {
    const runs = new Map<string, number>();
    const a = runner();
    const b = runner({ queue: openOtherProcess() });
    for (const r of [a, b]) {
      r.register("work", async (_payload, { jobId }) => {
        runs.set(jobId, (runs.get(jobId) ?? 0) + 1);
        await new Promise((resolve) => setTimeout(resolve, 1));
      });
    }
    await a.start({ concurrency: 4, pollMs: 20 });
    await b.start({ concurrency: 4, pollMs: 20 });

    for (let i = 0; i < 50; i += 1) await queue.enqueue("work", { i });
    await waitFor(async () => (await prisma.job.count({ where: { status: "succeeded" } })) === 50);

    expect(runs.size).toBe(50);
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
  });

  describe("after a crash", () => {
    it("runs a job left running by a crashed runner once its lease has expired, and the old runner cannot overwrite the outcome", async () => {
      // GIVEN runner A claimed a job and then hung, as if its process had died mid-job
      const crashed = deferred();
      const a = runner();
      a.register("sync", async () => crashed.promise);
      const { id } = await queue.enqueue("sync", { order: 1 });
      const hung = a.runDue();
      await waitFor(async () => (await jobRow(id)).status === "running");

      // WHEN a new process starts while A's lease is still fresh, THEN it leaves the job alone
      const early = runner({ queue: openOtherProcess() });
      early.register("sync", async () => {
        throw new Error("must not run while the lease holds");
      });
      expect((await early.runDue()).ran).toBe(0);

      // WHEN a new process starts after the lease has expired
      const ran: number[] = [];
      const b = runner({
        queue: openOtherProcess(),
        clock: () => new Date(Date.now() + DEFAULT_LEASE_MS + 1_000),
      });
      b.register("sync", async (_payload, { attempt }) => void ran.push(attempt));
      await b.runDue();

      // THEN the job ran again there, as its second attempt
      expect(ran).toEqual([2]);
      expect(await jobRow(id)).toMatchObject({ status: "succeeded", attempts: 2 });
      expect((await jobRow(id)).lockedBy).toMatch(new RegExp(`^${b.id}/`));

      // WHEN the old runner comes back to life and finishes, THEN B's outcome stands
      crashed.resolve();
      expect(await hung).toEqual({ ran: 1, succeeded: 0, retried: 0, dead: 0 });
      expect((await jobRow(id)).lockedBy).toMatch(new RegExp(`^${b.id}/`));
    });

    it("runs a job that was recorded but never run before the crash when the next runner starts", async () => {
      // GIVEN a job committed by a process that died before its runner claimed it
      const { id } = await queue.enqueue("sync", { order: 7 }, { shop: "a.myshopify.com" });

      // WHEN the app restarts: a new connection, queue and runner
      const seen: unknown[] = [];
      const restarted = runner({ queue: openOtherProcess() });
      restarted.register("sync", async (payload) => void seen.push(payload));
      await restarted.start({ pollMs: 20 });

      // THEN the job runs without anyone enqueueing anything
      await waitFor(async () => (await jobRow(id)).status === "succeeded");
      expect(seen).toEqual([{ order: 7 }]);
    });
  });

  it("keeps renewing the lease of a long job so that no other runner takes it over", async () => {
    const finish = deferred();
    const runs: string[] = [];
    const a = runner({ leaseMs: 150 });
    const b = runner({ queue: openOtherProcess(), leaseMs: 150 });
    for (const r of [a, b]) {
      r.register("long", async () => {
        runs.push(r.id);
        await finish.promise;
      });
    }
    const { id } = await queue.enqueue("long", {});
    const running = a.runDue();
    await waitFor(async () => (await jobRow(id)).status === "running");

    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await b.runDue()).ran).toBe(0);
    finish.resolve();
    await running;

    expect(runs).toEqual([a.id]);
    expect(await jobRow(id)).toMatchObject({ status: "succeeded", attempts: 1 });
  });

  it("starts an enqueued job at once, without waiting for the next poll", async () => {
    const ran: string[] = [];
    const r = runner();
    r.register("now", async () => void ran.push("now"));
    await r.start({ pollMs: 60_000 });
    await new Promise((resolve) => setTimeout(resolve, 50));

    const enqueuedAt = Date.now();
    const { id } = await queue.enqueue("now", {});
    await waitFor(async () => (await jobRow(id)).status === "succeeded", 2_000);

    expect(ran).toEqual(["now"]);
    expect(Date.now() - enqueuedAt).toBeLessThan(1_000);
  });

  it("runs at most `concurrency` jobs at a time", async () => {
    let active = 0;
    let peak = 0;
    const r = runner();
    r.register("work", async () => {
      active += 1;
      peak = Math.max(peak, active);
      await new Promise((resolve) => setTimeout(resolve, 5));
      active -= 1;
    });
    for (let i = 0; i < 20; i += 1) await queue.enqueue("work", { i });

    await r.start({ concurrency: 3, pollMs: 10 });
    await waitFor(async () => (await prisma.job.count({ where: { status: "succeeded" } })) === 20);

    expect(peak).toBe(3);
  });
});
