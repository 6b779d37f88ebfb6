// Sync health through the real authenticate.admin: requests carry session tokens minted like
// Shopify's, the shops hold offline sessions (no token exchange), and Admin calls go to the
// store simulator.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { getJobQueue, getJobWorker } from "~/jobs/runtime.server";
import { RECONCILE_JOB } from "~/reconciliation/reconcile-enqueue.server";
import { callRoute, documentRequest, fetchRequest, sessionTokenFor } from "../../tests/support/embedded-request";
import type { ReconciliationHealthView } from "~/health/types";
import { seedLocations } from "../../tests/support/seed";
import { routeHarness } from "../../tests/support/route-harness";
import type { SimulatorHarness } from "../../tests/support/simulator";
import { action, loader } from "./app.reconciliation";

const SHOP_A = "sync-screen-a.myshopify.com";
const SHOP_B = "sync-screen-b.myshopify.com";
const HOUR = 60 * 60_000;

const harness = routeHarness({ shops: [SHOP_A, SHOP_B], seed: false });
let h: SimulatorHarness;
beforeEach(() => {
  h = harness.h;
});

const reconcileNow = (shop: string, intent = "reconcile-now", idempotencyKey: string = randomUUID()) =>
  fetchRequest("/app/reconciliation", shop, { form: { intent, idempotencyKey } });
const reconcileJobs = async (shop: string) =>
  (await getJobQueue().listJobDetails({ shop, type: RECONCILE_JOB })).reverse(); // oldest first

function seedRun(shop: string, minutesAgo: number, extra: Partial<{ unaccounted: number; trigger: string }> = {}) {
  const startedAt = new Date(Date.now() - minutesAgo * 60_000);
  return prisma.reconcileRun.create({
    data: {
      shop,
      trigger: extra.trigger ?? "scheduled",
      status: "succeeded",
      startedAt,
      finishedAt: new Date(startedAt.getTime() + 2_500),
      objectsSeen: 10,
      alreadyCorrect: 8,
      repaired: 2 - (extra.unaccounted ?? 0),
      unaccounted: extra.unaccounted ?? 0,
      apiCalls: 4,
      throttledRetries: 1,
    },
  });
}

function seedDelivery(shop: string, status: string, hoursAgo: number) {
  return prisma.webhookDelivery.create({
    data: {
      shop,
      topic: "orders/updated",
      webhookId: `wh-${shop}-${status}-${hoursAgo}-${Math.random()}`,
      payload: "{}",
      status,
      receivedAt: new Date(Date.now() - hoursAgo * HOUR),
    },
  });
}

describe("the sync health loader", () => {
  it("shows only the session shop's runs, newest first, with their report", async () => {
    // GIVEN runs for two shops
    const older = await seedRun(SHOP_A, 30, { trigger: "install" });
    const newer = await seedRun(SHOP_A, 5, { unaccounted: 1 });
    await seedRun(SHOP_B, 1);
    await seedRun(SHOP_B, 2, { trigger: "manual" });

    // WHEN shop A opens the page in the admin iframe
    const response = await callRoute(loader, documentRequest("/app/reconciliation", SHOP_A));

    // THEN it sees its own two runs and none of shop B's
    expect(response.status).toBe(200);
    const view = (await response.json()) as ReconciliationHealthView;
    expect(view.runs.map((run) => run.id)).toEqual([newer.id, older.id]);
    expect(view.runs[0]).toMatchObject({
      trigger: "scheduled",
      status: "succeeded",
      durationMs: 2_500,
      objectsSeen: 10,
      alreadyCorrect: 8,
      repaired: 1,
      unaccounted: 1,
      apiCalls: 4,
      throttledRetries: 1,
      error: null,
    });
    expect(view.runs[1]?.trigger).toBe("install");
  });

  it("answers App Bridge's data fetch (Bearer token) for shop B with shop B's runs only", async () => {
    await seedRun(SHOP_A, 5);
    const own = await seedRun(SHOP_B, 5);

    const response = await callRoute(loader, fetchRequest("/app/reconciliation?_data=routes%2Fapp.sync", SHOP_B));

    const view = (await response.json()) as ReconciliationHealthView;
    expect(view.runs.map((run) => run.id)).toEqual([own.id]);
  });

  it("counts the shop's webhook deliveries of the last 24 hours by status", async () => {
    await seedDelivery(SHOP_A, "received", 1);
    await seedDelivery(SHOP_A, "processed", 2);
    await seedDelivery(SHOP_A, "processed", 23);
    await seedDelivery(SHOP_A, "ignored", 3);
    await seedDelivery(SHOP_A, "failed", 4);
    await seedDelivery(SHOP_A, "failed", 25); // older than the window
    await seedDelivery(SHOP_B, "failed", 1); // another shop

    const view = (await (
      await callRoute(loader, fetchRequest("/app/reconciliation", SHOP_A))
    ).json()) as ReconciliationHealthView;

    expect(view.inbox).toEqual({ received: 1, processed: 2, ignored: 1, failed: 1 });
  });

  it("shows the shop's watermark, and none before its first sweep", async () => {
    const through = new Date("2026-11-20T10:00:00.000Z");
    await prisma.shop.update({ where: { shop: SHOP_A }, data: { reconciledThrough: through } });

    const a = (await (
      await callRoute(loader, fetchRequest("/app/reconciliation", SHOP_A))
    ).json()) as ReconciliationHealthView;
    const b = (await (
      await callRoute(loader, fetchRequest("/app/reconciliation", SHOP_B))
    ).json()) as ReconciliationHealthView;

    expect(a.watermark).toBe(through.toISOString());
    expect(b.watermark).toBeNull();
  });

  it("refuses a session token signed with another app's secret", async () => {
    const forged = sessionTokenFor(SHOP_A, "not-this-apps-secret");

    const response = await callRoute(loader, fetchRequest("/app/reconciliation", SHOP_A, { token: forged }));

    expect(response.status).toBe(401);
  });
});

describe("the Run sync now and Backfill actions", () => {
  it("enqueues exactly one reconcile job, and a second click while it waits is deduplicated", async () => {
    // WHEN the merchant clicks Run sync now
    const first = await callRoute(action, reconcileNow(SHOP_A));

    // THEN one manual reconcile job is queued for the shop
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ ok: true, outcome: { kind: "sweep", queued: true } });
    const jobs = await reconcileJobs(SHOP_A);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ status: "queued", dedupeKey: `reconcile:sweep:${SHOP_A}` });
    expect(jobs[0]!.payload).toEqual({ shop: SHOP_A, trigger: "manual" });

    // WHEN they click again before it ran
    const second = await callRoute(action, reconcileNow(SHOP_A));

    // THEN the answer says it is already queued, and there is still one job
    expect(await second.json()).toEqual({ ok: true, outcome: { kind: "sweep", queued: false } });
    expect(await reconcileJobs(SHOP_A)).toHaveLength(1);
    expect(await reconcileJobs(SHOP_B)).toHaveLength(0);

    // AND the page shows the sync as queued (so it polls)
    const view = (await (
      await callRoute(loader, fetchRequest("/app/reconciliation", SHOP_A))
    ).json()) as ReconciliationHealthView;
    expect(view.activeReconciles).toEqual([{ kind: "sweep", status: "queued" }]);
  });

  it("queues a 60-day backfill beside a queued sweep, and dedupes a second backfill", async () => {
    await callRoute(action, reconcileNow(SHOP_A));

    const backfill = await callRoute(action, reconcileNow(SHOP_A, "backfill"));
    const again = await callRoute(action, reconcileNow(SHOP_A, "backfill"));

    expect(await backfill.json()).toEqual({ ok: true, outcome: { kind: "backfill", queued: true } });
    expect(await again.json()).toEqual({ ok: true, outcome: { kind: "backfill", queued: false } });
    const jobs = await reconcileJobs(SHOP_A);
    expect(jobs.map((job) => (job.payload as { trigger: string }).trigger)).toEqual(["manual", "backfill"]);
  });

  it("answers a repeated submission (same key) with the first answer, and queues one job", async () => {
    const key = randomUUID();

    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        callRoute(action, reconcileNow(SHOP_A, "reconcile-now", key)).then((r) => r.json()),
      ),
    );

    expect(answers).toEqual(Array(20).fill({ ok: true, outcome: { kind: "sweep", queued: true } }));
    expect(await reconcileJobs(SHOP_A)).toHaveLength(1);
  });

  it("refuses the same key for the other action (409) and queues nothing for it", async () => {
    const key = randomUUID();
    await callRoute(action, reconcileNow(SHOP_A, "reconcile-now", key));

    const response = await callRoute(action, reconcileNow(SHOP_A, "backfill", key));

    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ ok: false, error: expect.stringMatching(/already used/) });
    expect(await reconcileJobs(SHOP_A)).toHaveLength(1);
  });

  it.each([
    { intent: "delete-everything" },
    {},
    { intent: "reconcile-now" },
    { intent: "backfill", idempotencyKey: "short" },
  ])("answers 400 to %j (an unknown intent, or no submission key) and enqueues nothing", async (form) => {
    const response = await callRoute(
      action,
      fetchRequest("/app/reconciliation", SHOP_A, { form: form as Record<string, string> }),
    );

    expect(response.status).toBe(400);
    expect(await reconcileJobs(SHOP_A)).toHaveLength(0);
  });

  it("once the job has run, shows a finished run that accounts for every change", async () => {
    // GIVEN orders in Shopify whose webhooks never arrived
    const s = seedLocations(h.sim, SHOP_A);
    h.webhooks.intercept(() => "drop");
    for (let i = 0; i < 3; i += 1) {
      h.sim.createOrder(SHOP_A, { lineItems: [{ variantId: s.mug.id, quantity: 1 }], locationId: s.warehouse.id });
    }
    await h.webhooks.flush();

    // WHEN the merchant runs a sync and the runner gets to it
    await callRoute(action, reconcileNow(SHOP_A));
    await getJobWorker().runUntilIdle();

    // THEN the page shows one succeeded manual run with unaccounted 0, and nothing in progress
    const view = (await (
      await callRoute(loader, fetchRequest("/app/reconciliation", SHOP_A))
    ).json()) as ReconciliationHealthView;
    expect(view.activeReconciles).toEqual([]);
    expect(view.runs).toHaveLength(1);
    expect(view.runs[0]).toMatchObject({
      trigger: "manual",
      status: "succeeded",
      objectsSeen: 6,
      repaired: 6,
      unaccounted: 0,
    });
    expect(view.watermark).not.toBeNull();
  });
});
