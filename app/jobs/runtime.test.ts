import { otherConnections, waitForNoConnections } from "../../tests/support/database-connections";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { isPostgresUrl } from "~/db/database-url";
import { env, readEnv } from "~/env.server";
import { checkQueueReachable } from "./health.server";
import * as runtimeModule from "./runtime.server";
import { closeJobQueue, getJobQueue, getJobWorker, startJobRuntime } from "./runtime.server";

/** pg-boss's pool names its connections so (pg-boss-job-queue.server.ts). */
const QUEUE_CONNECTION = "fulfillment-desk";

describe("the job runtime", () => {
  beforeEach(async () => {
    const queue = getJobQueue();
    for (const job of await queue.listJobs({ take: 500 })) await queue.deleteJobsForShop(job.shop ?? "");
  });

  it("is one queue and one runner per process, surviving a module reload", async () => {
    const queue = getJobQueue();
    const runner = getJobWorker();

    vi.resetModules();
    const reloaded = await import("./runtime.server");

    expect(reloaded.getJobQueue).not.toBe(runtimeModule.getJobQueue);
    expect(reloaded.getJobQueue()).toBe(queue);
    expect(reloaded.getJobWorker()).toBe(runner);
  });

  it("does not start under NODE_ENV=test, so jobs run only when a test drives the runner", async () => {
    const ran: string[] = [];
    getJobWorker().register("note", async () => void ran.push("note"));

    expect(await startJobRuntime({ pollMs: 5 })).toBe(false);
    const { id } = await getJobQueue().enqueue("note", {}, { shop: "a.myshopify.com" });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ran).toEqual([]);
    expect((await getJobQueue().getJob(id, "a.myshopify.com"))?.status).toBe("queued");

    await getJobWorker().runUntilIdle();
    expect(ran).toEqual(["note"]);
  });

  it("answers /readyz's queue check with the queue this process uses", async () => {
    await expect(checkQueueReachable()).resolves.toBeUndefined();
  });
});

describe("JOB_QUEUE", () => {
  const base = {
    NODE_ENV: "test" as const,
    SHOPIFY_API_KEY: "k",
    SHOPIFY_API_SECRET: "s",
    SHOPIFY_APP_URL: "https://fulfillment-desk.example",
  };

  it("defaults to pg-boss on PostgreSQL and to the embedded runner on SQLite, and may be chosen", () => {
    expect(readEnv({ ...base, DATABASE_URL: "postgresql://app@db/app" }).JOB_QUEUE).toBe("pg-boss");
    expect(readEnv({ ...base, DATABASE_URL: "file:./dev.sqlite" }).JOB_QUEUE).toBe("embedded");
    expect(readEnv({ ...base, DATABASE_URL: "postgresql://app@db/app", JOB_QUEUE: "embedded" }).JOB_QUEUE).toBe(
      "embedded",
    );
  });

  it("refuses pg-boss on SQLite at start, saying why", () => {
    expect(() => readEnv({ ...base, DATABASE_URL: "file:./dev.sqlite", JOB_QUEUE: "pg-boss" })).toThrow(
      /JOB_QUEUE=pg-boss needs a PostgreSQL DATABASE_URL/,
    );
    expect(() => readEnv({ ...base, JOB_QUEUE: "rabbit" })).toThrow(/JOB_QUEUE/);
  });
});

describe("closeJobQueue", () => {
  it("does nothing, and makes no queue, when this process never made one", async () => {
    const runtime = globalThis.__jobRuntime;
    globalThis.__jobRuntime = undefined;
    try {
      await expect(closeJobQueue()).resolves.toBeUndefined();
      expect(globalThis.__jobRuntime).toBeUndefined();
    } finally {
      globalThis.__jobRuntime = runtime;
    }
  });

  it.skipIf(!isPostgresUrl(env.DATABASE_URL))(
    "closes pg-boss's pool, leaving no connection of this process's queue open; a later enqueue opens it again",
    async () => {
      const queue = getJobQueue();
      await queue.enqueue("note", {}, { shop: "a.myshopify.com" });
      expect(await otherConnections(env.DATABASE_URL)).toContain(QUEUE_CONNECTION);

      await closeJobQueue();

      expect(await waitForNoConnections(env.DATABASE_URL, (name) => name === QUEUE_CONNECTION)).toEqual([]);
      const { id } = await queue.enqueue("note", {}, { shop: "a.myshopify.com" });
      expect((await queue.getJob(id, "a.myshopify.com"))?.status).toBe("queued");
      expect(await otherConnections(env.DATABASE_URL)).toContain(QUEUE_CONNECTION);
    },
  );
});
