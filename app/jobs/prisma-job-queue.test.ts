import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { PrismaJobQueue } from "./prisma-job-queue.server";
import { PrismaJobRunner, type JobLogger } from "./prisma-job-runner.server";

const quiet: JobLogger = { info: () => {}, warn: () => {}, error: () => {} };

describe("PrismaJobQueue", () => {
  let queue: PrismaJobQueue;

  beforeEach(async () => {
    await prisma.job.deleteMany();
    queue = new PrismaJobQueue({ db: prisma });
  });

  it("shows one job only to its own shop", async () => {
    const { id } = await queue.enqueue("sync", { secret: "customer@example.com" }, { shop: "a.myshopify.com" });

    expect(await queue.getJob(id, "a.myshopify.com")).toMatchObject({ id, type: "sync", status: "queued" });
    expect(await queue.getJob(id, "a.myshopify.com")).not.toHaveProperty("payload");
    expect(await queue.getJob(id, "b.myshopify.com")).toBeNull();
    expect(await queue.getJob("no-such-id", "a.myshopify.com")).toBeNull();
  });

  it("lists jobs by shop, type and statuses, with payloads only in the details", async () => {
    await queue.enqueue("sync", { n: 1 }, { shop: "a.myshopify.com" });
    const { id: reconcile } = await queue.enqueue("reconcile", { n: 2 }, { shop: "a.myshopify.com" });
    await queue.enqueue("sync", { n: 3 }, { shop: "b.myshopify.com" });
    await queue.cancelJobsForShop("b.myshopify.com");

    expect((await queue.listJobs({ type: "sync" })).map((job) => job.shop)).toEqual([
      "b.myshopify.com",
      "a.myshopify.com",
    ]);
    expect((await queue.listJobs({ statuses: ["queued", "running"] })).map((job) => job.id)).toHaveLength(2);
    expect(await queue.listJobs({ shop: "b.myshopify.com", statuses: ["queued"] })).toEqual([]);
    expect(await queue.listJobDetails({ shop: "a.myshopify.com", type: "reconcile" })).toEqual([
      expect.objectContaining({ id: reconcile, payload: { n: 2 } }),
    ]);
  });

  it("deletes every job of a shop except the one named, and no other shop's", async () => {
    const { id: keep } = await queue.enqueue("webhook.process", {}, { shop: "gone.myshopify.com" });
    await queue.enqueue("reconcile", {}, { shop: "gone.myshopify.com", dedupeKey: "reconcile:gone" });
    await queue.enqueue("reconcile", {}, { shop: "kept.myshopify.com" });

    expect(await queue.deleteJobsForShop("gone.myshopify.com", { except: keep })).toBe(1);
    expect((await queue.listJobs({ shop: "gone.myshopify.com" })).map((job) => job.id)).toEqual([keep]);
    expect(await queue.listJobs({ shop: "kept.myshopify.com" })).toHaveLength(1);
    // The deleted job's dedupe key is free again
    expect((await queue.enqueue("reconcile", {}, { dedupeKey: "reconcile:gone" })).deduplicated).toBe(false);
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

  it("refuses a maxAttempts that is not a positive integer", async () => {
    await expect(queue.enqueue("x", null, { maxAttempts: 0 })).rejects.toThrow(/maxAttempts/);
    expect(await prisma.job.count()).toBe(0);
  });

  describe("dedupeKey", () => {
    it("returns the queued job instead of creating a second one, even when enqueued concurrently", async () => {
      const results = await Promise.all(
        Array.from({ length: 5 }, () => queue.enqueue("reconcile", {}, { dedupeKey: "reconcile:a" })),
      );

      const rows = await prisma.job.findMany();
      expect(rows).toHaveLength(1);
      expect(new Set(results.map((r) => r.id))).toEqual(new Set([rows[0]?.id]));
      expect(results.filter((r) => r.deduplicated)).toHaveLength(4);
    });

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

  describe("enqueueWith", () => {
    it("commits the job together with the caller's transaction", async () => {
      await prisma.$transaction(async (tx) => {
        await tx.webhookDelivery.create({
          data: { shop: "a.myshopify.com", topic: "orders/create", webhookId: "w-1", payload: "{}" },
        });
        await queue.enqueueWith(tx, "webhook.process", { webhookId: "w-1" }, { shop: "a.myshopify.com" });
      });

      expect(await prisma.webhookDelivery.count({ where: { webhookId: "w-1" } })).toBe(1);
      expect(await prisma.job.findMany({ select: { type: true, payload: true } })).toEqual([
        { type: "webhook.process", payload: '{"webhookId":"w-1"}' },
      ]);
    });

    it("leaves no job behind when the caller's transaction rolls back", async () => {
      const failing = prisma.$transaction(async (tx) => {
        await tx.webhookDelivery.create({
          data: { shop: "a.myshopify.com", topic: "orders/create", webhookId: "w-2", payload: "{}" },
        });
        await queue.enqueueWith(tx, "webhook.process", { webhookId: "w-2" });
        throw new Error("the delivery could not be recorded");
      });

      await expect(failing).rejects.toThrow("the delivery could not be recorded");
      expect(await prisma.webhookDelivery.count({ where: { webhookId: "w-2" } })).toBe(0);
      expect(await prisma.job.count()).toBe(0);
    });
  });

  it("cancelJobsForShop cancels only that shop's queued jobs, and the runner never runs them", async () => {
    // GIVEN queued jobs of two shops and a finished job of the uninstalled shop
    const runs: string[] = [];
    const gone = await queue.enqueue("sync", { n: 1 }, { shop: "gone.myshopify.com" });
    await queue.enqueue("sync", { n: 2 }, { shop: "gone.myshopify.com" });
    const kept = await queue.enqueue("sync", { n: 3 }, { shop: "kept.myshopify.com" });
    const done = await queue.enqueue("sync", { n: 4 }, { shop: "gone.myshopify.com" });
    await prisma.job.update({ where: { id: done.id }, data: { status: "succeeded" } });

    // WHEN the shop uninstalls and the runner runs what is due
    expect(await queue.cancelJobsForShop("gone.myshopify.com")).toBe(2);
    const runner = new PrismaJobRunner({ queue, logger: quiet });
    runner.register<{ n: number }>("sync", async (payload) => void runs.push(`sync ${payload.n}`));
    await runner.runDue();

    // THEN only the other shop's job ran
    expect(runs).toEqual(["sync 3"]);
    const byId = async (id: string) => (await prisma.job.findUniqueOrThrow({ where: { id } })).status;
    expect(await byId(gone.id)).toBe("cancelled");
    expect(await byId(kept.id)).toBe("succeeded");
    expect(await byId(done.id)).toBe("succeeded");
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

  it("pruneFinishedJobs deletes old succeeded and cancelled jobs and keeps dead, recent and unfinished ones", async () => {
    const longAgo = new Date(Date.now() - 30 * 24 * 60 * 60_000);
    const ids: Record<string, string> = {};
    for (const [name, status, finishedAt] of [
      ["oldSucceeded", "succeeded", longAgo],
      ["oldCancelled", "cancelled", longAgo],
      ["oldDead", "dead", longAgo],
      ["recentSucceeded", "succeeded", new Date()],
      ["queued", "queued", null],
    ] as const) {
      const { id } = await queue.enqueue("sync", {});
      await prisma.job.update({ where: { id }, data: { status, finishedAt } });
      ids[name] = id;
    }

    expect(await queue.pruneFinishedJobs(new Date(Date.now() - 7 * 24 * 60 * 60_000))).toBe(2);
    const left = (await prisma.job.findMany({ select: { id: true } })).map((row) => row.id);
    expect(left.sort()).toEqual([ids.oldDead, ids.recentSucceeded, ids.queued].sort());
  });

  it("lists a shop's jobs newest first, filtered by status, and counts them per status", async () => {
    const older = await queue.enqueue("sync", { secret: "customer@example.com" }, { shop: "a.myshopify.com" });
    const newer = await queue.enqueue("reconcile", {}, { shop: "a.myshopify.com" });
    await queue.enqueue("sync", {}, { shop: "b.myshopify.com" });
    await prisma.job.update({ where: { id: older.id }, data: { status: "dead", createdAt: new Date(2020, 0, 1) } });

    const all = await queue.listJobs({ shop: "a.myshopify.com" });
    expect(all.map((job) => job.id)).toEqual([newer.id, older.id]);
    expect(all[0]).not.toHaveProperty("payload");
    expect((await queue.listJobs({ shop: "a.myshopify.com", statuses: ["dead"] })).map((job) => job.id)).toEqual([
      older.id,
    ]);
    expect(await queue.jobCounts("a.myshopify.com")).toEqual({
      queued: 1,
      running: 0,
      succeeded: 0,
      dead: 1,
      cancelled: 0,
    });
    expect((await queue.jobCounts()).queued).toBe(2);
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
