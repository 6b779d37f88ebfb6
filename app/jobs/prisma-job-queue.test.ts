import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
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

  it("refuses a transaction on the driver: its inserts are Prisma queries", async () => {
    const driverTransaction = { executeSql: async () => ({ rows: [] }) };
    expect(queue.enqueuesInSqlTransactions).toBe(false);
    await expect(queue.enqueueWith(driverTransaction, "note", {})).rejects.toThrow(TypeError);
    await expect(queue.enqueueManyWith(driverTransaction, "note", [{ payload: {} }])).rejects.toThrow(TypeError);
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
