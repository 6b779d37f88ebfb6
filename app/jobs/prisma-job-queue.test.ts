import { beforeEach, describe, expect, it } from "vitest";
import { prisma, withSqlTransaction } from "~/db.server";
import { PrismaJobQueue } from "./prisma-job-queue.server";

// The queue's behaviour through the interface is in the contract suite (job-queue.contract.ts);
// these are about the `Job` table itself.

describe("PrismaJobQueue", () => {
  let queue: PrismaJobQueue;

  beforeEach(async () => {
    await prisma.job.deleteMany();
    queue = new PrismaJobQueue({ db: prisma });
  });

  it("records a job with its shop, payload and defaults", async () => {
    const { id, deduplicated } = await queue.enqueue("reconcile", { since: "2026-11-01" }, { shop: "a.myshopify.com" });

    const row = await prisma.job.findUniqueOrThrow({ where: { id } });
    expect(deduplicated).toBe(false);
    expect(row).toMatchObject({
      shop: "a.myshopify.com",
      type: "reconcile",
      payload: '{"since":"2026-11-01"}',
      status: "queued",
      attempts: 0,
      maxAttempts: 8,
    });
  });

  describe("dedupeKey", () => {
    it("returns the running job too, but creates a new one once the old one has finished", async () => {
      // GIVEN a job with the key that a runner is running
      const first = await queue.enqueue("reconcile", {}, { dedupeKey: "reconcile:a" });
      await prisma.job.update({ where: { id: first.id }, data: { status: "running" } });

      // WHEN it is enqueued again, THEN the running job is returned
      expect(await queue.enqueue("reconcile", {}, { dedupeKey: "reconcile:a" })).toEqual({
        id: first.id,
        deduplicated: true,
      });

      // WHEN the job has succeeded, THEN the key is free again
      await prisma.job.update({ where: { id: first.id }, data: { status: "succeeded", activeDedupeKey: null } });
      const second = await queue.enqueue("reconcile", {}, { dedupeKey: "reconcile:a" });
      expect(second.deduplicated).toBe(false);
      expect(second.id).not.toBe(first.id);
    });

    it("keeps different keys apart", async () => {
      await queue.enqueue("reconcile", {}, { dedupeKey: "reconcile:a" });
      await queue.enqueue("reconcile", {}, { dedupeKey: "reconcile:b" });
      expect(await prisma.job.count()).toBe(2);
    });
  });

  it("writes the same rows inside a transaction on the driver as inside a Prisma one", async () => {
    expect(queue.enqueuesInSqlTransactions).toBe(true);
    const runAt = new Date("2026-12-01T10:00:00.123Z");
    const options = { shop: "a.myshopify.com", runAt, maxAttempts: 3 };
    const before = new Date();
    // WHEN the same job is enqueued through Prisma and through the driver (the webhook inbox's way)
    const viaPrisma = await prisma.$transaction((tx) =>
      queue.enqueueWith(tx, "note", { n: 1 }, { ...options, dedupeKey: "note:prisma" }),
    );
    const viaDriver = await withSqlTransaction((tx) =>
      queue.enqueueWith(tx, "note", { n: 1 }, { ...options, dedupeKey: "note:driver" }),
    );
    await withSqlTransaction((tx) => queue.enqueueManyWith(tx, "note", [{ payload: { n: 1 }, options }]));

    // THEN the rows are alike, and Prisma reads and compares the driver's timestamps as its own
    const rows = await prisma.job.findMany({ where: { type: "note" } });
    expect(rows).toHaveLength(3);
    const alike = ({ id, dedupeKey, activeDedupeKey, createdAt, updatedAt, ...rest }: (typeof rows)[number]) => {
      void [id, dedupeKey, activeDedupeKey];
      expect(createdAt.getTime()).toBeGreaterThanOrEqual(before.getTime());
      expect(updatedAt.getTime()).toBe(createdAt.getTime());
      return rest;
    };
    const viaPrismaRow = rows.find((row) => row.id === viaPrisma.id);
    const driver = rows.find((row) => row.id === viaDriver.id);
    const many = rows.find((row) => row.dedupeKey === null);
    expect(alike(driver!)).toEqual(alike(viaPrismaRow!));
    expect(alike(many!)).toEqual(alike(viaPrismaRow!));
    expect(driver).toMatchObject({ dedupeKey: "note:driver", activeDedupeKey: "note:driver" });
    expect(many).toMatchObject({ dedupeKey: null, activeDedupeKey: null });
    expect(await prisma.job.count({ where: { runAt: { equals: runAt } } })).toBe(3);
    expect(await prisma.job.count({ where: { createdAt: { gte: before, lte: new Date() } } })).toBe(3);
  });

  it("dedupes inside a transaction on the driver: against queued jobs, and its own", async () => {
    const queued = await queue.enqueue("note", {}, { dedupeKey: "note:a" });
    const results = await withSqlTransaction(async (tx) => [
      await queue.enqueueWith(tx, "note", {}, { dedupeKey: "note:a" }),
      await queue.enqueueWith(tx, "note", {}, { dedupeKey: "note:b" }),
      await queue.enqueueWith(tx, "note", {}, { dedupeKey: "note:b" }),
    ]);
    expect(results[0]).toEqual({ id: queued.id, deduplicated: true });
    expect(results[1]!.deduplicated).toBe(false);
    expect(results[2]).toEqual({ id: results[1]!.id, deduplicated: true });
    expect(await prisma.job.count({ where: { type: "note" } })).toBe(2);
  });

  it("rolls the driver transaction's jobs back with it", async () => {
    const failed = withSqlTransaction(async (tx) => {
      await queue.enqueueManyWith(tx, "note", [{ payload: {} }, { payload: {} }]);
      throw new Error("after the enqueue");
    });
    await expect(failed).rejects.toThrow("after the enqueue");
    expect(await prisma.job.count({ where: { type: "note" } })).toBe(0);
  });

  it("retryDeadJob re-queues a dead job with fresh attempts, and refuses anything else", async () => {
    const dead = await queue.enqueue("sync", {});
    await prisma.job.update({
      where: { id: dead.id },
      data: { status: "dead", attempts: 8, lastError: "Error: boom", finishedAt: new Date() },
    });
    const queued = await queue.enqueue("sync", {});

    expect(await queue.retryDeadJob(dead.id)).toBe(true);
    expect(await queue.retryDeadJob(queued.id)).toBe(false);
    expect(await queue.retryDeadJob("no-such-job")).toBe(false);
    expect(await prisma.job.findUniqueOrThrow({ where: { id: dead.id } })).toMatchObject({
      status: "queued",
      attempts: 0,
      finishedAt: null,
      lastError: "Error: boom",
    });
  });

  it("retryDeadJob refuses when another job with the same dedupeKey is already queued", async () => {
    const dead = await queue.enqueue("reconcile", {}, { dedupeKey: "reconcile:a" });
    await prisma.job.update({ where: { id: dead.id }, data: { status: "dead", activeDedupeKey: null } });
    await queue.enqueue("reconcile", {}, { dedupeKey: "reconcile:a" });

    expect(await queue.retryDeadJob(dead.id)).toBe(false);
    expect(await prisma.job.count({ where: { dedupeKey: "reconcile:a", status: "queued" } })).toBe(1);
  });
});

describe("one active job per dedupeKey, across processes", () => {
  it("is enforced by the database, not only by this process's check", async () => {
    const { prisma } = await import("~/db.server");
    const first = { type: "t", payload: "{}", dedupeKey: "cross-process", activeDedupeKey: "cross-process" };
    await prisma.job.create({ data: first });
    // What a second process's insert would do if it raced past the check.
    await expect(prisma.job.create({ data: first })).rejects.toMatchObject({ code: "P2002" });
  });

  it("frees the key when the job finishes, so the next enqueue creates a new job", async () => {
    const { prisma } = await import("~/db.server");
    const { PrismaJobQueue } = await import("./prisma-job-queue.server");
    const { PrismaJobRunner } = await import("./prisma-job-runner.server");
    const queue = new PrismaJobQueue();
    const runner = new PrismaJobRunner({ queue });
    runner.register("freed", async () => {});
    // Earlier tests in this file leave jobs of types this runner has no handler for.
    await prisma.job.deleteMany({});
    const a = await queue.enqueue("freed", {}, { dedupeKey: "freed-key" });
    await runner.runUntilIdle();
    const b = await queue.enqueue("freed", {}, { dedupeKey: "freed-key" });
    expect(b).toMatchObject({ deduplicated: false });
    expect(b.id).not.toBe(a.id);
    const rows = await prisma.job.findMany({ where: { dedupeKey: "freed-key" }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.status, r.activeDedupeKey])).toEqual([
      ["succeeded", null],
      ["queued", "freed-key"],
    ]);
  });
});
