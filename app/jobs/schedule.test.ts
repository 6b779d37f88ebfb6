import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "~/db.server";
import { PrismaJobQueue } from "./prisma-job-queue.server";
import { PrismaJobRunner } from "./prisma-job-runner.server";
import { Scheduler } from "./schedule.server";

describe("Scheduler", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("enqueues every interval while started and stops when stopped", async () => {
    vi.useFakeTimers();
    let enqueued = 0;
    const scheduler = new Scheduler();
    scheduler.every({ name: "tick", intervalMs: 1_000, enqueue: async () => void (enqueued += 1) });

    await vi.advanceTimersByTimeAsync(5_000);
    expect(enqueued).toBe(0);

    scheduler.start();
    await vi.advanceTimersByTimeAsync(3_500);
    expect(enqueued).toBe(3);

    await scheduler.stop();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(enqueued).toBe(3);
  });

  it("enqueues at once on start when asked, and replaces a schedule defined again under the same name", async () => {
    vi.useFakeTimers();
    const calls: string[] = [];
    const scheduler = new Scheduler();
    scheduler.every({
      name: "sweep",
      intervalMs: 1_000,
      runOnStart: true,
      enqueue: async () => void calls.push("old"),
    });
    scheduler.every({
      name: "sweep",
      intervalMs: 1_000,
      runOnStart: true,
      enqueue: async () => void calls.push("new"),
    });

    scheduler.start();
    await vi.advanceTimersByTimeAsync(1_000);
    await scheduler.stop();

    expect(calls).toEqual(["new", "new"]);
    expect(scheduler.names).toEqual(["sweep"]);
  });

  it("keeps its timer after an enqueue fails", async () => {
    vi.useFakeTimers();
    let attempts = 0;
    const warnings: string[] = [];
    const scheduler = new Scheduler({ logger: { warn: (message) => void warnings.push(message) } });
    scheduler.every({
      name: "flaky",
      intervalMs: 1_000,
      enqueue: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error("database busy");
      },
    });

    scheduler.start();
    await vi.advanceTimersByTimeAsync(2_000);
    await scheduler.stop();

    expect(attempts).toBe(2);
    expect(warnings).toEqual(["jobs: a scheduled enqueue failed"]);
  });

  describe("with the runner", () => {
    beforeEach(async () => {
      await prisma.job.deleteMany();
    });

    it("starts and stops with the runner, and a per-shop dedupeKey keeps one reconcile job per shop", async () => {
      // GIVEN a reconcile sweep over two shops that ticks far faster than a reconcile finishes
      const queue = new PrismaJobQueue({ db: prisma });
      const scheduler = new Scheduler();
      scheduler.every({
        name: "reconcile-sweep",
        intervalMs: 10,
        enqueue: async () => {
          for (const shop of ["a.myshopify.com", "b.myshopify.com"]) {
            await queue.enqueue("reconcile", { trigger: "scheduled" }, { shop, dedupeKey: `reconcile:${shop}` });
          }
        },
      });
      const runner = new PrismaJobRunner({ queue, scheduler });
      const reconciled: string[] = [];
      let release = () => {};
      const slow = new Promise<void>((resolve) => (release = resolve));
      runner.register("reconcile", async (_payload, { shop }) => {
        await slow;
        reconciled.push(shop ?? "none");
      });

      // WHEN the runner has run for about twenty ticks
      await runner.start({ pollMs: 10 });
      await new Promise((resolve) => setTimeout(resolve, 200));

      // THEN each shop has exactly one reconcile job, and it is the one running
      const rows = await prisma.job.findMany({ select: { shop: true, status: true } });
      expect(rows.map((row) => `${row.shop} ${row.status}`).sort()).toEqual([
        "a.myshopify.com running",
        "b.myshopify.com running",
      ]);

      // WHEN the runner stops, THEN the running reconciles finish and the sweep enqueues no more
      release();
      await runner.stop();
      const afterStop = await prisma.job.count();
      await new Promise((resolve) => setTimeout(resolve, 60));
      expect(await prisma.job.count()).toBe(afterStop);
      expect(reconciled.sort()).toEqual(["a.myshopify.com", "b.myshopify.com"]);
    });
  });
});
