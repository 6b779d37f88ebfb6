// Background jobs through the real authenticate.admin, with session tokens minted like Shopify's.
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { callRoute, documentRequest, fetchRequest } from "../../tests/support/embedded-request";
import type { BackgroundJobsView } from "~/health/types";
import { routeHarness } from "../../tests/support/route-harness";
import { action, loader } from "./app.jobs";

const SHOP_A = "jobs-screen-a.myshopify.com";
const SHOP_B = "jobs-screen-b.myshopify.com";

routeHarness({ shops: [SHOP_A, SHOP_B], seed: false });

function seedJob(shop: string, status: string, extra: { dedupeKey?: string; lastError?: string } = {}) {
  const dead = status === "dead";
  return prisma.job.create({
    data: {
      shop,
      type: dead ? "reconcile.shop" : "webhook.process",
      payload: JSON.stringify({ shop }),
      status,
      attempts: dead ? 5 : 0,
      maxAttempts: 5,
      lastError: dead ? (extra.lastError ?? "Shopify answered 502") : null,
      dedupeKey: extra.dedupeKey ?? null,
      // The queue marks a queued or running job's key as active (unique across processes).
      activeDedupeKey: status === "queued" || status === "running" ? (extra.dedupeKey ?? null) : null,
      finishedAt: dead || status === "succeeded" ? new Date() : null,
    },
  });
}

const retry = (shop: string, jobId: string) => fetchRequest("/app/jobs", shop, { form: { intent: "retry", jobId } });

describe("the background jobs loader", () => {
  it("counts the session shop's jobs per status and lists only its dead jobs and failed deliveries", async () => {
    // GIVEN jobs and deliveries of two shops
    await seedJob(SHOP_A, "queued");
    await seedJob(SHOP_A, "succeeded");
    await seedJob(SHOP_A, "succeeded");
    const deadA = await seedJob(SHOP_A, "dead", { lastError: "Throttled five times" });
    await seedJob(SHOP_B, "dead");
    await seedJob(SHOP_B, "running");
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
        lastError: "Throttled five times",
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
    const row = await prisma.job.findUniqueOrThrow({ where: { id: dead.id } });
    expect(row).toMatchObject({ status: "queued", attempts: 0, finishedAt: null });
  });

  it("will not touch another shop's dead job, and answers as if it did not exist", async () => {
    const others = await seedJob(SHOP_B, "dead");

    const response = await callRoute(action, retry(SHOP_A, others.id));

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ outcome: "not-found" });
    expect((await prisma.job.findUniqueOrThrow({ where: { id: others.id } })).status).toBe("dead");
  });

  it("refuses a job that is not dead", async () => {
    const queued = await seedJob(SHOP_A, "queued");

    const response = await callRoute(action, retry(SHOP_A, queued.id));

    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ outcome: "not-dead" });
  });

  it("refuses while the same work is already queued (same dedupe key)", async () => {
    const dead = await seedJob(SHOP_A, "dead", { dedupeKey: `reconcile:sweep:${SHOP_A}` });
    await seedJob(SHOP_A, "queued", { dedupeKey: `reconcile:sweep:${SHOP_A}` });

    const response = await callRoute(action, retry(SHOP_A, dead.id));

    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ outcome: "already-active" });
    expect((await prisma.job.findUniqueOrThrow({ where: { id: dead.id } })).status).toBe("dead");
  });

  it.each<Record<string, string>>([{ intent: "retry" }, { intent: "delete", jobId: "x" }])(
    "answers 400 to %j",
    async (form) => {
      const response = await callRoute(action, fetchRequest("/app/jobs", SHOP_A, { form }));

      expect(response.status).toBe(400);
    },
  );
});
