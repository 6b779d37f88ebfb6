// The behaviour every JobQueue/JobWorker pair must show (job-queue.ts), as one suite run against
// each implementation (job-queue.contract.test.ts): the embedded `Job`-table runner and pg-boss.
// Only the interfaces are used, never a table, so a second implementation is held to exactly what
// the app relies on. The table runner's own mechanics (claims, fencing tokens) are tested beside it.
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { deferred, waitFor } from "./fixtures/waiting";
import { PermanentJobError, type JobContext, type JobQueue, type JobWorker, type RunSummary } from "./job-queue";

interface ContractSubject {
  queue: JobQueue;
  /** Another worker on the queue, as another process would run it. */
  worker(options?: { clock?: () => Date; leaseMs?: number }): JobWorker;
  /** Forgets every job (between tests). */
  reset(): Promise<void>;
  close(): Promise<void>;
}

const LEASE_MS = 60_000;

/** What a recording handler saw of one run. */
interface Run<P> {
  payload: P;
  context: JobContext;
}

/** Registers, for each of `types`, a handler that records what it was given. */
function recordRuns<P = unknown>(w: JobWorker, ...types: string[]): Run<P>[] {
  const runs: Run<P>[] = [];
  for (const type of types) w.register<P>(type, async (payload, context) => void runs.push({ payload, context }));
  return runs;
}

/**
 * Registers a handler for `type` that hangs until released, starts a runUntilIdle of that type and
 * waits until the (already enqueued) job is running. `first` runs in the handler before it hangs.
 */
async function holdJob(
  w: JobWorker,
  type: string,
  { first, timeoutMs }: { first?: (context: JobContext) => Promise<void>; timeoutMs?: number } = {},
): Promise<{ release: () => void; done: Promise<RunSummary> }> {
  const started = deferred();
  const finish = deferred();
  w.register(type, async (_payload, context) => {
    await first?.(context);
    started.resolve();
    await finish.promise;
  });
  const done = w.runUntilIdle({ types: [type], timeoutMs });
  await started.promise;
  return { release: finish.resolve, done };
}

export function describeJobQueueContract(name: string, open: () => ContractSubject): void {
  describe(`JobQueue and JobWorker contract: ${name}`, () => {
    let subject: ContractSubject;
    let queue: JobQueue;
    const workers: JobWorker[] = [];
    const worker = (options: { clock?: () => Date } = {}) => {
      const created = subject.worker({ leaseMs: LEASE_MS, ...options });
      workers.push(created);
      return created;
    };
    const job = async (id: string) => (await queue.listJobs({ take: 500 })).find((candidate) => candidate.id === id);

    beforeEach(async () => {
      subject ??= open();
      queue = subject.queue;
      await subject.reset();
      await prisma.webhookDelivery.deleteMany({ where: { webhookId: { startsWith: "contract-" } } });
    });

    afterEach(async () => {
      await Promise.all(workers.splice(0).map((w) => w.stop()));
    });

    afterAll(async () => {
      await subject?.close();
    });

    it("records a job with its shop and defaults, shown only to its own shop and without its payload", async () => {
      const { id, deduplicated } = await queue.enqueue(
        "sync",
        { secret: "customer@example.com" },
        { shop: "a.myshopify.com" },
      );

      expect(deduplicated).toBe(false);
      const seen = await queue.getJob(id, "a.myshopify.com");
      expect(seen).toMatchObject({
        id,
        shop: "a.myshopify.com",
        type: "sync",
        status: "queued",
        attempts: 0,
        maxAttempts: 8,
      });
      expect(seen).not.toHaveProperty("payload");
      expect(seen?.dedupeKey).toBeNull();
      expect(await queue.getJob(id, "b.myshopify.com")).toBeNull();
      expect(await queue.getJob("no-such-id", "a.myshopify.com")).toBeNull();
      expect(await queue.listJobDetails({ shop: "a.myshopify.com" })).toEqual([
        expect.objectContaining({ id, payload: { secret: "customer@example.com" } }),
      ]);
    });

    it("refuses a maxAttempts that is not a positive integer, and records nothing", async () => {
      await expect(queue.enqueue("x", null, { maxAttempts: 0 })).rejects.toThrow(/maxAttempts/);
      expect(await queue.listJobs()).toEqual([]);
    });

    it("lists newest first, filtered by shop, type and statuses, and counts every status", async () => {
      const older = await queue.enqueue("sync", { n: 1 }, { shop: "a.myshopify.com" });
      const newer = await queue.enqueue("reconcile", { n: 2 }, { shop: "a.myshopify.com" });
      await queue.enqueue("sync", { n: 3 }, { shop: "b.myshopify.com" });
      await queue.cancelJobsForShop("b.myshopify.com");

      expect((await queue.listJobs({ shop: "a.myshopify.com" })).map((j) => j.id)).toEqual([newer.id, older.id]);
      expect((await queue.listJobs({ type: "sync" })).map((j) => j.shop)).toEqual([
        "b.myshopify.com",
        "a.myshopify.com",
      ]);
      expect(await queue.listJobs({ shop: "b.myshopify.com", statuses: ["queued"] })).toEqual([]);
      expect(await queue.listJobs({ take: 1 })).toHaveLength(1);
      expect(await queue.jobCounts("a.myshopify.com")).toEqual({
        queued: 2,
        running: 0,
        succeeded: 0,
        dead: 0,
        cancelled: 0,
      });
      expect(await queue.jobCounts()).toEqual({ queued: 2, running: 0, succeeded: 0, dead: 0, cancelled: 1 });
    });

    describe("in the caller's transaction", () => {
      it("commits the job together with the caller's rows", async () => {
        await prisma.$transaction(async (tx) => {
          await tx.webhookDelivery.create({
            data: { shop: "a.myshopify.com", topic: "orders/create", webhookId: "contract-w-1", payload: "{}" },
          });
          await queue.enqueueWith(tx, "webhook.process", { webhookId: "contract-w-1" }, { shop: "a.myshopify.com" });
          await queue.enqueueManyWith(tx, "webhook.process", [{ payload: { n: 1 } }, { payload: { n: 2 } }]);
        });

        expect(await prisma.webhookDelivery.count({ where: { webhookId: "contract-w-1" } })).toBe(1);
        expect((await queue.listJobDetails({ type: "webhook.process" })).map((j) => j.payload)).toEqual(
          expect.arrayContaining([{ webhookId: "contract-w-1" }, { n: 1 }, { n: 2 }]),
        );
        expect((await queue.jobCounts()).queued).toBe(3);
      });

      it("leaves no job behind when the caller's transaction rolls back", async () => {
        const failing = prisma.$transaction(async (tx) => {
          await tx.webhookDelivery.create({
            data: { shop: "a.myshopify.com", topic: "orders/create", webhookId: "contract-w-2", payload: "{}" },
          });
          await queue.enqueueWith(tx, "webhook.process", { webhookId: "contract-w-2" }, { dedupeKey: "contract-k" });
          await queue.enqueueManyWith(tx, "webhook.process", [{ payload: { n: 1 } }]);
          throw new Error("the delivery could not be recorded");
        });

        await expect(failing).rejects.toThrow("the delivery could not be recorded");
        expect(await prisma.webhookDelivery.count({ where: { webhookId: "contract-w-2" } })).toBe(0);
        expect(await queue.listJobs()).toEqual([]);
        expect(await queue.pendingDedupeKeys(["contract-k"])).toEqual(new Set());
      });

      it("returns the job holding the key when enqueued with a key inside a transaction", async () => {
        const first = await queue.enqueue("reconcile", {}, { dedupeKey: "reconcile:tx" });
        const again = await prisma.$transaction((tx) =>
          queue.enqueueWith(tx, "reconcile", {}, { dedupeKey: "reconcile:tx" }),
        );
        expect(again).toEqual({ id: first.id, deduplicated: true });
      });
    });

    describe("dedupeKey", () => {
      it("returns the queued job instead of creating a second one, even when enqueued concurrently", async () => {
        const results = await Promise.all(
          Array.from({ length: 5 }, () => queue.enqueue("reconcile", {}, { dedupeKey: "reconcile:a" })),
        );

        const jobs = await queue.listJobs();
        expect(jobs).toHaveLength(1);
        expect(jobs[0]?.dedupeKey).toBe("reconcile:a");
        expect(new Set(results.map((r) => r.id))).toEqual(new Set([jobs[0]?.id]));
        expect(results.filter((r) => r.deduplicated)).toHaveLength(4);
        expect(await queue.pendingDedupeKeys(["reconcile:a", "reconcile:b"])).toEqual(new Set(["reconcile:a"]));
      });

      it("returns the running job too, and creates a new one once it has finished", async () => {
        const first = await queue.enqueue("reconcile", {}, { dedupeKey: "reconcile:a" });
        const running = await holdJob(worker(), "reconcile");

        expect(await queue.enqueue("reconcile", {}, { dedupeKey: "reconcile:a" })).toEqual({
          id: first.id,
          deduplicated: true,
        });
        running.release();
        await running.done;

        const second = await queue.enqueue("reconcile", {}, { dedupeKey: "reconcile:a" });
        expect(second.deduplicated).toBe(false);
        expect(second.id).not.toBe(first.id);
        expect(await queue.pendingDedupeKeys(["reconcile:a"])).toEqual(new Set(["reconcile:a"]));
      });

      it("releaseDedupeKey lets a running job give up its key: the next enqueue makes a new job", async () => {
        const first = await queue.enqueue("read-order", {}, { dedupeKey: "read:1" });
        const running = await holdJob(worker(), "read-order", {
          first: ({ jobId }) => queue.releaseDedupeKey(jobId),
          timeoutMs: 100,
        });

        expect(await queue.pendingDedupeKeys(["read:1"])).toEqual(new Set());
        const second = await queue.enqueue("read-order", {}, { dedupeKey: "read:1" });
        expect(second.deduplicated).toBe(false);
        expect((await queue.enqueue("read-order", {}, { dedupeKey: "read:1" })).id).toBe(second.id);
        running.release();
        await running.done.catch(() => undefined);
        expect((await job(first.id))?.dedupeKey).toBe("read:1");
      });
    });

    it("cancelJobsForShop cancels only that shop's queued jobs, and no worker runs them", async () => {
      const w = worker();
      const runs = recordRuns<{ n: number }>(w, "sync");
      const done = await queue.enqueue("sync", { n: 0 }, { shop: "gone.myshopify.com" });
      await w.runUntilIdle();
      const gone = await queue.enqueue("sync", { n: 1 }, { shop: "gone.myshopify.com", dedupeKey: "sync:gone" });
      await queue.enqueue("sync", { n: 2 }, { shop: "gone.myshopify.com" });
      await queue.enqueue("sync", { n: 3 }, { shop: "kept.myshopify.com" });

      expect(await queue.cancelJobsForShop("gone.myshopify.com")).toBe(2);
      await w.runUntilIdle();

      expect(runs.map((run) => run.payload.n)).toEqual([0, 3]);
      expect((await job(gone.id))?.status).toBe("cancelled");
      expect((await job(gone.id))?.finishedAt).toBeInstanceOf(Date);
      expect((await job(done.id))?.status).toBe("succeeded");
      // A cancelled job no longer holds its key
      expect((await queue.enqueue("sync", {}, { dedupeKey: "sync:gone" })).deduplicated).toBe(false);
    });

    it("deleteJobsForShop forgets every job of the shop except the one named, and no other shop's", async () => {
      const { id: keep } = await queue.enqueue("webhook.process", {}, { shop: "gone.myshopify.com" });
      await queue.enqueue("reconcile", {}, { shop: "gone.myshopify.com", dedupeKey: "reconcile:gone" });
      await queue.enqueue("reconcile", {}, { shop: "kept.myshopify.com" });

      expect(await queue.deleteJobsForShop("gone.myshopify.com", { except: keep })).toBe(1);
      expect((await queue.listJobs({ shop: "gone.myshopify.com" })).map((j) => j.id)).toEqual([keep]);
      expect(await queue.listJobs({ shop: "kept.myshopify.com" })).toHaveLength(1);
      expect((await queue.enqueue("reconcile", {}, { dedupeKey: "reconcile:gone" })).deduplicated).toBe(false);
    });

    describe("running jobs", () => {
      it("runs a job once with its payload and context, and records success", async () => {
        const w = worker();
        const runs = recordRuns(w, "greet");
        const { id } = await queue.enqueue("greet", { name: "Ada" }, { shop: "a.myshopify.com", maxAttempts: 3 });

        expect(await w.runUntilIdle()).toEqual({ ran: 1, succeeded: 1, retried: 0, dead: 0 });

        expect(runs).toEqual([
          { payload: { name: "Ada" }, context: { jobId: id, shop: "a.myshopify.com", attempt: 1, maxAttempts: 3 } },
        ]);
        expect(await queue.getJob(id, "a.myshopify.com")).toMatchObject({ status: "succeeded", attempts: 1 });
        expect((await queue.getJob(id, "a.myshopify.com"))?.finishedAt).toBeInstanceOf(Date);
      });

      it("retries a failed job after its backoff, as of the pass's time, then dead-letters it with onDead on the last attempt", async () => {
        const w = worker();
        const told: unknown[] = [];
        w.register(
          "flaky",
          async (_payload, { attempt }) => {
            throw new Error(`boom ${attempt}`);
          },
          { onDead: async (payload, dead) => void told.push([payload, dead]) },
        );
        const { id } = await queue.enqueue("flaky", { n: 1 }, { shop: "a.myshopify.com", maxAttempts: 2 });
        const inAnHour = new Date(Date.now() + 3_600_000);

        expect(await w.runUntilIdle({ asOf: inAnHour })).toEqual({ ran: 1, succeeded: 0, retried: 1, dead: 0 });
        const retried = await job(id);
        expect(retried).toMatchObject({ status: "queued", attempts: 1, lastError: "Error: boom 1" });
        expect(retried!.runAt.getTime()).toBeGreaterThan(inAnHour.getTime());

        expect(await w.runUntilIdle({ asOf: new Date(inAnHour.getTime() + 24 * 3_600_000) })).toEqual({
          ran: 1,
          succeeded: 0,
          retried: 0,
          dead: 1,
        });
        expect(await job(id)).toMatchObject({ status: "dead", attempts: 2, lastError: "Error: boom 2" });
        expect(told).toEqual([[{ n: 1 }, { jobId: id, shop: "a.myshopify.com", error: "Error: boom 2" }]]);
      });

      it("dead-letters at once on a PermanentJobError, and a job of a type without a handler", async () => {
        const w = worker();
        w.register("refused", async () => {
          throw new PermanentJobError("the shop is gone");
        });
        const refused = await queue.enqueue("refused", {});
        const orphan = await queue.enqueue("no-handler", {});

        expect(await w.runUntilIdle()).toMatchObject({ ran: 2, dead: 2 });
        expect(await job(refused.id)).toMatchObject({ status: "dead", attempts: 1, maxAttempts: 8 });
        expect((await job(orphan.id))?.lastError).toMatch(/No handler registered/);
        expect(await queue.jobCounts()).toMatchObject({ dead: 2, queued: 0 });
      });

      it("does not run a job before its runAt, and runUntilIdle leaves one not due within its timeout", async () => {
        const w = worker();
        const runs = recordRuns(w, "later");
        const { id } = await queue.enqueue("later", {}, { runAt: new Date(Date.now() + 60_000) });

        expect(await w.runUntilIdle({ timeoutMs: 50 })).toEqual({ ran: 0, succeeded: 0, retried: 0, dead: 0 });
        expect(runs).toEqual([]);
        expect((await job(id))?.status).toBe("queued");
      });

      it("runUntilIdle({ asOf }) runs what is due by then and leaves later jobs; { types } runs only those", async () => {
        const w = worker();
        const runs = recordRuns<{ name?: string }>(w, "timed", "other");
        await queue.enqueue("timed", { name: "delayed" }, { runAt: new Date(Date.now() + 30 * 60_000) });
        await queue.enqueue("timed", { name: "tomorrow" }, { runAt: new Date(Date.now() + 86_400_000) });
        await queue.enqueue("other", {});

        expect(await w.runUntilIdle({ asOf: new Date(Date.now() + 3_600_000), types: ["timed"] })).toMatchObject({
          ran: 1,
        });
        expect(runs.map((run) => run.payload)).toEqual([{ name: "delayed" }]);
        expect((await queue.listJobs({ statuses: ["queued"] })).map((j) => j.type).sort()).toEqual(["other", "timed"]);
      });

      it("runUntilIdle without asOf runs what is due by the worker's clock, not only by the real time", async () => {
        // A worker whose clock reads two hours ahead (a test's fake clock).
        const w = worker({ clock: () => new Date(Date.now() + 2 * 3_600_000) });
        const runs = recordRuns(w, "ahead");
        await queue.enqueue("ahead", { name: "in an hour" }, { runAt: new Date(Date.now() + 3_600_000) });
        await queue.enqueue("ahead", { name: "in three hours" }, { runAt: new Date(Date.now() + 3 * 3_600_000) });

        expect(await w.runUntilIdle({ timeoutMs: 50 })).toMatchObject({ ran: 1, succeeded: 1 });
        expect(runs.map((run) => run.payload)).toEqual([{ name: "in an hour" }]);
        expect((await queue.listJobs({ statuses: ["queued"] })).map((j) => j.type)).toEqual(["ahead"]);
      });

      it("retryDeadJob puts a dead job back with fresh attempts, and refuses anything else", async () => {
        let fail = true;
        const w = worker();
        w.register("sync", async () => {
          if (fail) throw new Error("boom");
        });
        const dead = await queue.enqueue("sync", {}, { maxAttempts: 1, dedupeKey: "sync:1" });
        await w.runUntilIdle();
        const queued = await queue.enqueue("other", {});

        expect(await queue.retryDeadJob(queued.id)).toBe(false);
        expect(await queue.retryDeadJob("no-such-job")).toBe(false);
        // Refused while another job holds its key
        const holder = await queue.enqueue("sync", {}, { dedupeKey: "sync:1" });
        expect(await queue.retryDeadJob(dead.id)).toBe(false);
        expect(await queue.listJobs({ statuses: ["queued"], type: "sync" })).toHaveLength(1);
        fail = false;
        await w.runUntilIdle({ types: ["sync"] });
        expect((await job(holder.id))?.status).toBe("succeeded");

        expect(await queue.retryDeadJob(dead.id)).toBe(true);
        expect(await job(dead.id)).toMatchObject({
          status: "queued",
          attempts: 0,
          finishedAt: null,
          lastError: "Error: boom",
        });
        expect(await queue.pendingDedupeKeys(["sync:1"])).toEqual(new Set(["sync:1"]));
        await w.runUntilIdle({ types: ["sync"] });
        expect(await job(dead.id)).toMatchObject({ status: "succeeded", attempts: 1 });
      });

      it("pruneFinishedJobs deletes old succeeded and cancelled jobs and keeps dead, recent and unfinished ones", async () => {
        const longAgo = new Date(Date.now() - 30 * 24 * 60 * 60_000);
        const past = worker({ clock: () => longAgo });
        past.register("sync", async () => {});
        past.register("bad", async () => {
          throw new PermanentJobError("no");
        });
        const oldSucceeded = await queue.enqueue("sync", {}, { runAt: longAgo });
        const oldDead = await queue.enqueue("bad", {}, { runAt: longAgo });
        await past.runUntilIdle();
        const w = worker();
        w.register("sync", async () => {});
        const recent = await queue.enqueue("sync", {});
        await w.runUntilIdle();
        const queued = await queue.enqueue("sync", {}, { runAt: new Date(Date.now() + 3_600_000) });

        expect(await queue.pruneFinishedJobs(new Date(Date.now() - 7 * 24 * 60 * 60_000))).toBe(1);
        const left = (await queue.listJobs()).map((j) => j.id);
        expect(left.sort()).toEqual([oldDead.id, recent.id, queued.id].sort());
        expect(left).not.toContain(oldSucceeded.id);
      });
    });

    describe("leases", () => {
      it("a second worker takes over a job whose holder stopped heartbeating, as its second attempt, and the old holder cannot overwrite the outcome", async () => {
        const { id } = await queue.enqueue("sync", {}, { shop: "a.myshopify.com" });
        const holding = await holdJob(worker(), "sync");
        expect((await job(id))?.status).toBe("running");

        // While the lease holds, another worker leaves the job alone
        const early = worker();
        early.register("sync", async () => {
          throw new Error("must not run while the lease holds");
        });
        expect((await early.runUntilIdle({ types: ["sync"] })).ran).toBe(0);

        const b = worker({ clock: () => new Date(Date.now() + LEASE_MS + 1_000) });
        const runs = recordRuns(b, "sync");
        await b.runUntilIdle({ types: ["sync"] });

        expect(runs.map((run) => run.context.attempt)).toEqual([2]);
        expect(await job(id)).toMatchObject({ status: "succeeded", attempts: 2 });
        holding.release();
        expect(await holding.done).toEqual({ ran: 1, succeeded: 0, retried: 0, dead: 0 });
        expect(await job(id)).toMatchObject({ status: "succeeded", attempts: 2 });
      });

      it("dead-letters, with onDead, an abandoned job whose last attempt it was", async () => {
        const { id } = await queue.enqueue("poison", { n: 9 }, { maxAttempts: 1 });
        const holding = await holdJob(worker(), "poison");

        const told: unknown[] = [];
        const b = worker({ clock: () => new Date(Date.now() + LEASE_MS + 1_000) });
        b.register(
          "poison",
          async () => {
            throw new Error("must not run again");
          },
          { onDead: async (payload, dead) => void told.push([payload, dead.jobId, dead.error]) },
        );
        expect((await b.runUntilIdle({ types: ["poison"] })).ran).toBe(0);

        expect(await job(id)).toMatchObject({ status: "dead", attempts: 1 });
        expect((await job(id))?.lastError).toMatch(/Lease expired on the last attempt/);
        expect(told).toEqual([[{ n: 9 }, id, expect.stringMatching(/Lease expired on the last attempt/)]]);
        holding.release();
        await holding.done;
      });
    });

    describe("a started worker", () => {
      it("runs a job enqueued by another process within a second, and stop() waits for it to finish", async () => {
        const release = deferred();
        const w = worker();
        w.register("slow", async () => release.promise);
        await w.start({ pollMs: 50 });
        expect(w.started).toBe(true);

        const { id } = await queue.enqueue("slow", {});
        await waitFor(async () => (await job(id))?.status === "running", 2_000);
        const stopping = w.stop();
        setTimeout(release.resolve, 30);
        await stopping;

        expect((await job(id))?.status).toBe("succeeded");
        const after = await queue.enqueue("slow", {});
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect((await job(after.id))?.status).toBe("queued");
      });

      it("two started workers share a stream of jobs without running any twice, at most `concurrency` at a time each", async () => {
        const runs = new Map<string, number>();
        let active = 0;
        let peak = 0;
        const [a, b] = [worker(), worker()];
        for (const w of [a, b]) {
          w.register("work", async (_payload, { jobId }) => {
            runs.set(jobId, (runs.get(jobId) ?? 0) + 1);
            active += 1;
            peak = Math.max(peak, active);
            await new Promise((resolve) => setTimeout(resolve, 5));
            active -= 1;
          });
        }
        await a.start({ concurrency: 2, pollMs: 50 });
        await b.start({ concurrency: 2, pollMs: 50 });

        for (let i = 0; i < 30; i += 1) await queue.enqueue("work", { i });
        await waitFor(async () => (await queue.jobCounts()).succeeded === 30, 20_000);

        expect(runs.size).toBe(30);
        expect([...runs.values()].every((count) => count === 1)).toBe(true);
        expect(peak).toBeLessThanOrEqual(4);
      });

      it("starts a job enqueued in its own process at once, without waiting for the next poll", async () => {
        const w = worker();
        w.register("now", async () => {});
        await w.start({ pollMs: 60_000 });
        await new Promise((resolve) => setTimeout(resolve, 200));

        const { id } = await queue.enqueue("now", {});
        await waitFor(async () => (await job(id))?.status === "succeeded", 3_000);
      });

      it("runs, once started, a job recorded before any worker ran", async () => {
        const { id } = await queue.enqueue("sync", { order: 7 }, { shop: "a.myshopify.com" });
        const w = worker();
        const runs = recordRuns(w, "sync");
        await w.start({ pollMs: 50 });

        await waitFor(async () => (await job(id))?.status === "succeeded");
        expect(runs.map((run) => run.payload)).toEqual([{ order: 7 }]);
      });

      it("every() and triggerSchedule() enqueue through the worker's scheduler", async () => {
        const w = worker();
        w.every({ name: "tick", intervalMs: 60_000, enqueue: async () => void (await queue.enqueue("tick", {})) });

        await w.triggerSchedule("tick");

        expect((await queue.listJobs()).map((j) => j.type)).toEqual(["tick"]);
        await expect(w.triggerSchedule("no-such-schedule")).rejects.toThrow(/No schedule named/);
      });
    });
  });
}
