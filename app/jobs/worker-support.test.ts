import { describe, expect, it } from "vitest";
import { isPermanentJobError } from "./job-queue";
import { checkConcurrency, DEFAULT_LEASE_MS, WorkerSetup, type JobLogger } from "./worker-support.server";

const context = { jobId: "j1", shop: "a.myshopify.com", attempt: 1, maxAttempts: 8 };

function recordingLogger(): JobLogger & { errors: unknown[] } {
  const errors: unknown[] = [];
  return { errors, info: () => {}, warn: () => {}, error: (message, fields) => void errors.push([message, fields]) };
}

describe("WorkerSetup, what both workers are set up with", () => {
  it("defaults a unique id, a five-minute lease and the real clock", () => {
    const [a, b] = [new WorkerSetup({}), new WorkerSetup({})];
    expect(a.id).toMatch(/^.+:\d+:[0-9a-f]{8}$/);
    expect(a.id).not.toBe(b.id);
    expect(a.leaseMs).toBe(DEFAULT_LEASE_MS);
    expect(a.realClock).toBe(true);
    const fixed = new Date("2026-01-01T00:00:00Z");
    expect(new WorkerSetup({ clock: () => fixed, leaseMs: 10 })).toMatchObject({ realClock: false, leaseMs: 10 });
  });

  it("runs the handler registered last for a type, and dead-letters a type without one without reading its payload", async () => {
    const setup = new WorkerSetup({});
    const seen: unknown[] = [];
    setup.register("sync", async () => void seen.push("old"));
    setup.register<{ n: number }>("sync", async ({ n }) => void seen.push(n));

    await setup.run("sync", () => ({ n: 1 }), context);
    const orphan = setup.run(
      "no-handler",
      () => {
        throw new Error("payload must not be read");
      },
      context,
    );

    expect(seen).toEqual([1]);
    await expect(orphan).rejects.toSatisfy(isPermanentJobError);
    await expect(orphan).rejects.toThrow(/No handler registered for job type "no-handler"/);
    expect(setup.types()).toEqual(["sync"]);
  });

  it("calls onDead once with the job, logs the hook's own failure, and forgets the hook when registered again without one", async () => {
    const logger = recordingLogger();
    const setup = new WorkerSetup({ logger });
    const told: unknown[] = [];
    setup.register("sync", async () => {}, { onDead: async (payload, job) => void told.push([payload, job]) });
    const job = { jobId: "j1", shop: null, error: "Error: boom" };

    await setup.deadLettered("sync", () => ({ n: 1 }), job);
    expect(told).toEqual([[{ n: 1 }, job]]);

    setup.register("sync", async () => {}, {
      onDead: async () => {
        throw new Error("hook broke");
      },
    });
    await setup.deadLettered("sync", () => null, job);
    expect(logger.errors).toEqual([
      ["jobs: onDead hook failed", { jobId: "j1", type: "sync", error: "Error: hook broke" }],
    ]);

    setup.register("sync", async () => {});
    await setup.deadLettered("sync", () => null, job);
    expect(told).toHaveLength(1);
    expect(logger.errors).toHaveLength(1);
  });

  it("hands every() and triggerSchedule() to its scheduler", async () => {
    const setup = new WorkerSetup({});
    let enqueued = 0;
    setup.every({ name: "tick", intervalMs: 60_000, enqueue: async () => void (enqueued += 1) });

    await setup.triggerSchedule("tick");

    expect(enqueued).toBe(1);
    await expect(setup.triggerSchedule("no-such-schedule")).rejects.toThrow(/No schedule named/);
  });

  it("accepts a concurrency of at least 1, whole", () => {
    expect(() => checkConcurrency(1)).not.toThrow();
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => checkConcurrency(bad)).toThrow(RangeError);
  });
});
