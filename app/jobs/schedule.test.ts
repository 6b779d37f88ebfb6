import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "~/db.server";
import { PrismaJobQueue } from "./prisma-job-queue.server";
import { PrismaJobRunner } from "./prisma-job-runner.server";
import type { ScheduleClaims, SchedulePeriod } from "./schedule-claims.server";
import { Scheduler } from "./schedule.server";

/** The claims contract in memory, for the timer tests that run under fake timers without a database. */
class MemoryClaims implements ScheduleClaims {
  readonly runs = new Map<string, { claimedAt: Date; completedAt: Date | null }>();
  #key = ({ name, periodStart }: SchedulePeriod) => `${name}@${periodStart.toISOString()}`;
  async claim(period: SchedulePeriod, now: Date, staleBefore: Date): Promise<boolean> {
    const run = this.runs.get(this.#key(period));
    if (run && (run.completedAt || run.claimedAt >= staleBefore)) return false;
    this.runs.set(this.#key(period), { claimedAt: now, completedAt: null });
    return true;
  }
  async complete(period: SchedulePeriod, now: Date): Promise<void> {
    const run = this.runs.get(this.#key(period));
    if (run) run.completedAt = now;
  }
  async release(period: SchedulePeriod): Promise<void> {
    this.runs.delete(this.#key(period));
  }
  async forgetBefore(): Promise<void> {}
}
const timerScheduler = (options: ConstructorParameters<typeof Scheduler>[0] = {}) =>
  new Scheduler({ claims: new MemoryClaims(), ...options });

describe("Scheduler", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("enqueues every interval while started and stops when stopped", async () => {
    vi.useFakeTimers();
    let enqueued = 0;
    const scheduler = timerScheduler();
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
    const scheduler = timerScheduler();
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
    const scheduler = timerScheduler({ logger: { warn: (message) => void warnings.push(message) } });
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

  describe("once per period across instances", () => {
    const DAY = 24 * 60 * 60_000;
    const at = (iso: string) => new Date(iso);
    let runs: string[];
    let now: Record<"a" | "b", Date>;

    beforeEach(async () => {
      await prisma.scheduleRun.deleteMany();
      runs = [];
      now = { a: at("2026-12-01T02:00:00Z"), b: at("2026-12-01T02:00:00Z") };
    });

    /** One worker process's scheduler: its own clock, the shared database. */
    function instance(name: "a" | "b", enqueue = async () => void runs.push(`${name} ${now[name].toISOString()}`)) {
      const scheduler = new Scheduler({ clock: () => now[name] });
      scheduler.every({ name: "stale-orders-daily", intervalMs: DAY, enqueue });
      return scheduler;
    }

    it("runs a daily schedule once per UTC day between two workers that started hours apart", async () => {
      // GIVEN worker a started at 02:00 and ticked
      const a = instance("a");
      await a.tick("stale-orders-daily");
      // WHEN worker b starts five hours later, and both tick through the rest of the day
      const b = instance("b");
      now.b = at("2026-12-01T07:00:00Z");
      await b.tick("stale-orders-daily");
      now.a = at("2026-12-01T23:59:00Z");
      await a.tick("stale-orders-daily");
      // AND into the next day, b first
      now.b = at("2026-12-02T00:00:30Z");
      await b.tick("stale-orders-daily");
      now.a = at("2026-12-02T00:01:00Z");
      await a.tick("stale-orders-daily");

      // THEN each day ran once, by whichever worker got there first
      expect(runs).toEqual(["a 2026-12-01T02:00:00.000Z", "b 2026-12-02T00:00:30.000Z"]);
      const rows = await prisma.scheduleRun.findMany({ orderBy: { periodStart: "asc" } });
      expect(rows.map((r) => [r.periodStart.toISOString(), r.completedAt !== null])).toEqual([
        ["2026-12-01T00:00:00.000Z", true],
        ["2026-12-02T00:00:00.000Z", true],
      ]);
    });

    it("lets exactly one of two workers ticking at the same moment run the period", async () => {
      const a = instance("a");
      const b = instance("b");

      await Promise.all([a.tick("stale-orders-daily"), b.tick("stale-orders-daily")]);

      expect(runs).toHaveLength(1);
    });

    it("frees the period when the enqueue fails, so the next tick of any worker runs it", async () => {
      const warnings: string[] = [];
      const failing = new Scheduler({ clock: () => now.a, logger: { warn: (m) => void warnings.push(m) } });
      failing.every({
        name: "stale-orders-daily",
        intervalMs: DAY,
        enqueue: () => Promise.reject(new Error("database busy")),
      });
      await failing.tick("stale-orders-daily");
      expect(warnings).toEqual(["jobs: a scheduled enqueue failed"]);

      now.b = at("2026-12-01T02:01:00Z");
      await instance("b").tick("stale-orders-daily");

      expect(runs).toEqual(["b 2026-12-01T02:01:00.000Z"]);
    });

    it("takes over a period whose claimer died mid-enqueue, once the claim is stale", async () => {
      // GIVEN a claim left incomplete at 02:00 by a process that died
      await prisma.scheduleRun.create({
        data: { name: "stale-orders-daily", periodStart: at("2026-12-01T00:00:00Z"), claimedAt: now.a },
      });
      // WHEN another worker ticks five minutes later, THEN it leaves the claim alone
      now.b = at("2026-12-01T02:05:00Z");
      await instance("b").tick("stale-orders-daily");
      expect(runs).toEqual([]);
      // WHEN it ticks after ten minutes, THEN it runs the period
      now.b = at("2026-12-01T02:10:01Z");
      await instance("b").tick("stale-orders-daily");
      expect(runs).toEqual(["b 2026-12-01T02:10:01.000Z"]);
    });

    it("keeps the last 30 periods of a schedule and forgets older ones", async () => {
      const a = instance("a");
      for (let day = 0; day < 35; day += 1) {
        now.a = new Date(at("2026-11-01T12:00:00Z").getTime() + day * DAY);
        await a.tick("stale-orders-daily");
      }
      expect(runs).toHaveLength(35);
      expect(await prisma.scheduleRun.count()).toBe(31);
    });

    it("runs a manual trigger whether or not the period already ran", async () => {
      const a = instance("a");
      await a.tick("stale-orders-daily");
      await a.trigger("stale-orders-daily");
      expect(runs).toHaveLength(2);
    });
  });
});
