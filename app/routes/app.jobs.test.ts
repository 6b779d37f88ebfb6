// Background jobs through the real authenticate.admin, with session tokens minted like Shopify's.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { createJobWorker, getJobQueue } from "~/jobs/runtime.server";
import { allowConsoleError } from "../../tests/support/console-guard";
import { callRoute, documentRequest, fetchRequest } from "../../tests/support/embedded-request";
import type { BackgroundJobsView } from "~/health/types";
import { routeHarness } from "../../tests/support/route-harness";
import { action, loader } from "./app.jobs";

const SHOP_A = "jobs-screen-a.myshopify.com";
const SHOP_B = "jobs-screen-b.myshopify.com";

routeHarness({ shops: [SHOP_A, SHOP_B], seed: false });

const DEAD_TYPE = "reconcile.shop";
const LIVE_TYPE = "webhook.process";
const HOUR = 60 * 60_000;

/** A worker of its own, running only the jobs a test seeds: dead ones fail every attempt. */
async function runSeeded(type: string, lastError = "Shopify answered 502") {
  const worker = createJobWorker();
  worker.register(type, async () => {
    if (type === DEAD_TYPE) throw new Error(lastError);
  });
  // A day passes between attempts, longer than any backoff: a dead job has used all five.
  for (let day = 1; day <= 5; day += 1) {
    await worker.runUntilIdle({ types: [type], asOf: new Date(Date.now() + day * 24 * HOUR) });
  }
}

/** A job of the shop, brought to `status` through the queue and a worker, as in production. */
async function seedJob(
  shop: string,
  status: "queued" | "succeeded" | "dead",
  extra: { dedupeKey?: string; lastError?: string; type?: string } = {},
) {
  const type = extra.type ?? (status === "dead" ? DEAD_TYPE : LIVE_TYPE);
  // A queued one is not due for a week, so nothing runs it behind the test's back.
  const runAt = status === "queued" ? new Date(Date.now() + 7 * 24 * HOUR) : new Date();
  const { id } = await getJobQueue().enqueue(
    type,
    { shop },
    { shop, maxAttempts: 5, runAt, dedupeKey: extra.dedupeKey },
  );
  if (status !== "queued") await runSeeded(type, extra.lastError);
  return { id };
}

const jobOf = async (shop: string, id: string) => getJobQueue().getJob(id, shop);

beforeEach(() => allowConsoleError(/jobs: dead-lettered/));

const retry = (shop: string, jobId: string, idempotencyKey: string = randomUUID()) =>
  fetchRequest("/app/jobs", shop, { form: { intent: "retry", jobId, idempotencyKey } });

describe("the background jobs loader", () => {
  it("counts the session shop's jobs per status and lists only its dead jobs and failed deliveries", async () => {
    // GIVEN jobs and deliveries of two shops
    await seedJob(SHOP_A, "queued");
    await seedJob(SHOP_A, "succeeded");
    await seedJob(SHOP_A, "succeeded");
    const deadA = await seedJob(SHOP_A, "dead", { lastError: "Throttled five times" });
    await seedJob(SHOP_B, "dead");
    await seedJob(SHOP_B, "queued");
    const failedA = await prisma.webhookDelivery.create({
      data: { shop: SHOP_A, topic: "orders/paid", webhookId: "a-1", payload: "{}", status: "failed", error: "boom" },
    });
    await prisma.webhookDelivery.create({
      data: { shop: SHOP_A, topic: "orders/paid", webhookId: "a-2", payload: "{}", status: "processed" },
    });
    await prisma.webhookDelivery.create({
      data: { shop: SHOP_B, topic: "orders/paid", webhookId: "b-1", payload: "{}", status: "failed", error: "b's" },
    });

    // WHEN shop A opens Background jobs
    const response = await callRoute(loader, documentRequest("/app/jobs", SHOP_A));

    // THEN it sees its own numbers and rows only
    expect(response.status).toBe(200);
    const view = (await response.json()) as BackgroundJobsView;
    expect(view.counts).toEqual({ queued: 1, running: 0, succeeded: 2, dead: 1, cancelled: 0 });
    expect(view.deadJobs).toEqual([
      expect.objectContaining({
        id: deadA.id,
        type: "reconcile.shop",
        attempts: 5,
        maxAttempts: 5,
        lastError: "Error: Throttled five times",
      }),
    ]);
    expect(view.failedDeliveries).toEqual([
      { id: failedA.id, topic: "orders/paid", error: "boom", receivedAt: failedA.receivedAt.toISOString() },
    ]);
  });

  it("has nothing dead to show for a healthy shop", async () => {
    await seedJob(SHOP_A, "succeeded");

    const view = (await (await callRoute(loader, fetchRequest("/app/jobs", SHOP_A))).json()) as BackgroundJobsView;

    expect(view.deadJobs).toEqual([]);
    expect(view.failedDeliveries).toEqual([]);
  });
});

describe("Retry", () => {
  it("turns the shop's dead job back into a queued job with fresh attempts", async () => {
    const dead = await seedJob(SHOP_A, "dead");

    const response = await callRoute(action, retry(SHOP_A, dead.id));

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ outcome: "retried" });
    expect(await jobOf(SHOP_A, dead.id)).toMatchObject({ status: "queued", attempts: 0, finishedAt: null });
  });

  it("will not touch another shop's dead job, and answers as if it did not exist", async () => {
    const others = await seedJob(SHOP_B, "dead");

    const response = await callRoute(action, retry(SHOP_A, others.id));

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ outcome: "not-found" });
    expect((await jobOf(SHOP_B, others.id))?.status).toBe("dead");
  });

  it("refuses a job that is not dead", async () => {
    const queued = await seedJob(SHOP_A, "queued");

    const response = await callRoute(action, retry(SHOP_A, queued.id));

    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ outcome: "not-dead" });
  });

  it("refuses while the same work is already queued (same dedupe key)", async () => {
    const dead = await seedJob(SHOP_A, "dead", { dedupeKey: `reconcile:sweep:${SHOP_A}` });
    // The same work: its type too (on pg-boss a dedupe key is held per job type; ADR 0038).
    await seedJob(SHOP_A, "queued", { dedupeKey: `reconcile:sweep:${SHOP_A}`, type: DEAD_TYPE });

    const response = await callRoute(action, retry(SHOP_A, dead.id));

    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ outcome: "already-active" });
    expect((await jobOf(SHOP_A, dead.id))?.status).toBe("dead");
  });

  it("answers a repeated submission (same key) with the first answer, and retries the job once", async () => {
    const dead = await seedJob(SHOP_A, "dead");
    const key = randomUUID();

    const first = await callRoute(action, retry(SHOP_A, dead.id, key));
    await runSeeded(DEAD_TYPE); // dead again, all its attempts used
    const again = await callRoute(action, retry(SHOP_A, dead.id, key));

    expect([first.status, again.status]).toEqual([200, 200]);
    expect(await again.json()).toEqual({ outcome: "retried" });
    // The second submission did nothing: the job is as the test left it after the first.
    expect(await jobOf(SHOP_A, dead.id)).toMatchObject({
      status: "dead",
      attempts: 5,
    });
  });

  it.each<Record<string, string>>([
    { intent: "retry" },
    { intent: "delete", jobId: "x" },
    { intent: "retry", jobId: "x" },
  ])("answers 400 to %j", async (form) => {
    const response = await callRoute(action, fetchRequest("/app/jobs", SHOP_A, { form }));

    expect(response.status).toBe(400);
  });
});
