import { beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "~/db.server";
import * as runtimeModule from "./runtime.server";
import { getJobQueue, getJobWorker, startJobRuntime } from "./runtime.server";

describe("the job runtime", () => {
  beforeEach(async () => {
    await prisma.job.deleteMany();
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
    const { id } = await getJobQueue().enqueue("note", {});
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ran).toEqual([]);
    expect((await prisma.job.findUniqueOrThrow({ where: { id } })).status).toBe("queued");

    await getJobWorker().runUntilIdle();
    expect(ran).toEqual(["note"]);
  });
});
