// The stale-order screen through the real authenticate.admin (session tokens minted like
// Shopify's, offline sessions), with Admin calls going to the store simulator and the real
// job runner processing the cancellations.
import { randomUUID } from "node:crypto";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "~/db.server";
import { getJobQueue, getJobWorker } from "~/jobs/runtime.server";
import { resetCostTracking } from "~/shopify/admin/admin-client.server";
import { CANCEL_ORDER_JOB, PREPARE_RUN_JOB } from "~/stale-orders/cancellation-runs.server";
import type { StaleOrderPreview, StaleOrdersScreenView } from "~/stale-orders/views";
import { callRoute, documentRequest, fetchRequest, sessionTokenFor } from "../../tests/support/embedded-request";
import { SEED_STOCK, seedLocations } from "../../tests/support/seed";
import { routeHarness } from "../../tests/support/route-harness";
import type { SimulatorHarness } from "../../tests/support/simulator";
import { action, loader } from "./app.stale-orders";
import { loader as csvLoader } from "./app.stale-orders.runs.$runId[.csv]";
import { forgetShop } from "~/shopify/session-cache.server";

const SHOP_A = "stale-screen-a.myshopify.com";
const SHOP_B = "stale-screen-b.myshopify.com";
const DAY = 86_400_000;

const harness = routeHarness({ shops: [SHOP_A, SHOP_B], seed: false });
let h: SimulatorHarness;
beforeEach(() => {
  resetCostTracking();
  h = harness.h;
});

const POLICY_FIELDS = {
  olderThanHours: "72",
  includePending: "true",
  includeExpiredAuthorizations: "true",
  includePartiallyPaid: "false",
  gateways: "",
  excludedTags: "keep",
  cancelReason: "DECLINED",
  notifyCustomer: "false",
  staffNote: "Released by Fulfillment Desk",
  scheduleEnabled: "false",
};

/** A run carries the policy it was previewed with and its dialog's key (fresh per call). */
const RUN_FIELDS = {
  ...POLICY_FIELDS,
  get idempotencyKey() {
    return randomUUID();
  },
};

const post = (shop: string, form: Record<string, string>) => fetchRequest("/app/stale-orders", shop, { form });

function seedStale(shop: string, count: number) {
  const s = seedLocations(h.sim, shop);
  const orders = Array.from({ length: count }, () =>
    h.sim.createOrder(shop, {
      lineItems: [{ variantId: s.mug.id, quantity: 2 }],
      financialStatus: "PENDING",
      createdAt: new Date(Date.now() - 5 * DAY),
    }),
  );
  const kept = h.sim.createOrder(shop, {
    lineItems: [{ variantId: s.mug.id, quantity: 1 }],
    financialStatus: "PENDING",
    tags: ["keep"],
    createdAt: new Date(Date.now() - 5 * DAY),
  });
  return { ...s, orders, kept };
}

type RunAnswer = { result: { runId: string | null } };

async function screenOf(shop: string): Promise<StaleOrdersScreenView> {
  return (await (await callRoute(loader, fetchRequest("/app/stale-orders", shop))).json()) as StaleOrdersScreenView;
}

async function csvFor(shop: string, runId: string): Promise<Response> {
  const request = fetchRequest(`/app/stale-orders/runs/${runId}.csv`, shop);
  const args = { request, params: { runId }, context: {} } as LoaderFunctionArgs;
  try {
    return await csvLoader(args);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe("the stale-orders screen", () => {
  it("loads the default policy (schedule off, customers not notified) for the session's shop", async () => {
    const response = await callRoute(loader, documentRequest("/app/stale-orders", SHOP_A));
    expect(response.status).toBe(200);
    const view = (await response.json()) as StaleOrdersScreenView;
    expect(view.settings).toMatchObject({
      policy: { olderThanHours: 72, includePending: true, includePartiallyPaid: false },
      notifyCustomer: false,
      scheduleEnabled: false,
    });
    expect(view.runs).toEqual([]);
  });

  it("refuses a session token signed with another app's secret", async () => {
    const forged = sessionTokenFor(SHOP_A, "not-the-app-secret");
    const response = await callRoute(
      action,
      fetchRequest("/app/stale-orders", SHOP_A, { form: POLICY_FIELDS, token: forged }),
    );
    expect(response.status).toBe(401);
  });

  it("answers 400 to an unknown intent or a bad policy", async () => {
    expect((await callRoute(action, post(SHOP_A, { intent: "delete-everything" }))).status).toBe(400);
    expect(
      (await callRoute(action, post(SHOP_A, { intent: "preview", ...POLICY_FIELDS, olderThanHours: "-1" }))).status,
    ).toBe(400);
  });

  it("previews with the submitted policy and saves nothing, not even 'run every day'", async () => {
    // GIVEN stale orders and the default (unsaved) policy
    const s = seedStale(SHOP_A, 2);
    // WHEN the merchant previews with the daily schedule ticked
    const response = await callRoute(
      action,
      post(SHOP_A, { intent: "preview", ...POLICY_FIELDS, scheduleEnabled: "true" }),
    );
    // THEN the preview used the submitted policy
    expect(response.status).toBe(200);
    const body = (await response.json()) as { preview: StaleOrderPreview };
    expect(body.preview.candidates.map((c) => c.id)).toEqual(s.orders.map((o) => o.id));
    expect(body.preview.excluded).toEqual([expect.objectContaining({ id: s.kept.id, reason: "excluded-tag" })]);
    // AND nothing was saved or audited: the schedule is still off
    expect(await prisma.staleOrderPolicy.count()).toBe(0);
    expect(await prisma.auditEvent.count()).toBe(0);
    expect((await screenOf(SHOP_A)).settings.scheduleEnabled).toBe(false);
  });

  it("saves the settings and the schedule once per confirmation, and only with its key", async () => {
    // WHEN the settings are saved without a key
    const keyless = await callRoute(
      action,
      post(SHOP_A, { intent: "save-settings", ...POLICY_FIELDS, scheduleEnabled: "true" }),
    );
    // THEN nothing is saved
    expect(keyless.status).toBe(400);
    expect(await prisma.staleOrderPolicy.count()).toBe(0);
    // WHEN one confirmation is submitted 20 times at once
    const form = { intent: "save-settings", ...POLICY_FIELDS, scheduleEnabled: "true", idempotencyKey: randomUUID() };
    const responses = await Promise.all(Array.from({ length: 20 }, () => callRoute(action, post(SHOP_A, form))));
    // THEN it is saved, schedule on, with one audit event naming who saved it
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect((await screenOf(SHOP_A)).settings).toMatchObject({
      scheduleEnabled: true,
      policy: { excludedTags: ["keep"] },
    });
    const audit = await prisma.auditEvent.findMany({ where: { shop: SHOP_A } });
    expect(audit).toEqual([expect.objectContaining({ action: "stale-orders.policy-saved", actor: "staff:7" })]);
  });

  it.each([
    ["a negative age", "olderThanHours", "-1", "Enter a whole number of hours from 1 to 8,760 (one year)."],
    [
      "an age that is not a number",
      "olderThanHours",
      "abc",
      "Enter a whole number of hours from 1 to 8,760 (one year).",
    ],
    [
      "21 gateways",
      "gateways",
      Array.from({ length: 21 }, (_, i) => `gateway ${i}`).join(","),
      "List at most 20 payment gateways.",
    ],
    ["a 101-character gateway", "gateways", "x".repeat(101), "Each gateway name can be at most 100 characters."],
    [
      "51 excluded tags",
      "excludedTags",
      Array.from({ length: 51 }, (_, i) => `tag${i}`).join(","),
      "List at most 50 tags.",
    ],
    ["a 256-character tag", "excludedTags", "t".repeat(256), "Each tag can be at most 255 characters."],
    ["a 100,000-character tag list", "excludedTags", "t,".repeat(50_000), "List at most 50 tags."],
    ["an unknown reason", "cancelReason", "BORED", "Choose a cancellation reason from the list."],
  ])("refuses %s with a plain message on that field, and saves nothing", async (_, field, value, message) => {
    for (const intent of ["preview", "save-settings"]) {
      const response = await callRoute(
        action,
        post(SHOP_A, { intent, ...POLICY_FIELDS, [field]: value, idempotencyKey: randomUUID() }),
      );
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ ok: false, fieldErrors: { [field]: message } });
    }
    expect(await prisma.staleOrderPolicy.count()).toBe(0);
  });

  it("requires the typed number of orders above 50", async () => {
    const ids = Array.from({ length: 51 }, (_, i) => `gid://shopify/Order/${i + 1}`);
    const untyped = await callRoute(
      action,
      post(SHOP_A, { intent: "run", ...RUN_FIELDS, orderIds: JSON.stringify(ids) }),
    );
    expect(untyped.status).toBe(400);
    const wrong = await callRoute(
      action,
      post(SHOP_A, { intent: "run", ...RUN_FIELDS, orderIds: JSON.stringify(ids), confirmCount: "50" }),
    );
    expect(wrong.status).toBe(400);
    expect(await prisma.cancellationRun.count()).toBe(0);
  });

  it("runs a selection as one job per order, shows progress to 100% and serves the report to its shop only", async () => {
    // GIVEN three stale orders, two of them selected
    const s = seedStale(SHOP_A, 3);
    const [first, second, unselected] = s.orders;
    const selection = [first!.id, second!.id];
    // WHEN the merchant confirms
    const asked = h.operations.length;
    const response = await callRoute(
      action,
      post(SHOP_A, { intent: "run", ...RUN_FIELDS, orderIds: JSON.stringify(selection) }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      kind: "run",
      result: { runId: expect.any(String), selected: 2, alreadyHandled: 0 },
    });
    // THEN the request asked Shopify nothing: the run waits, preparing, for its one prepare job
    expect(h.operations.slice(asked)).toEqual([]);
    expect((await getJobQueue().listJobs({ shop: SHOP_A })).map((job) => job.type)).toEqual([PREPARE_RUN_JOB]);
    const preparing = await screenOf(SHOP_A);
    expect(preparing.runs[0]).toMatchObject({ status: "preparing", selected: 2, total: 0, actor: "staff:7" });
    expect(preparing.latestItems).toEqual([]);
    // WHEN the background jobs run
    await getJobWorker().runUntilIdle();
    // THEN the prepare job read the candidates, queued one cancel job per order, and the screen shows the finished run
    expect(h.operations.slice(asked)).toContain("StaleOrderCandidates");
    expect(await getJobQueue().listJobs({ shop: SHOP_A, type: CANCEL_ORDER_JOB })).toHaveLength(2);
    const view = await screenOf(SHOP_A);
    expect(view.runs[0]).toMatchObject({
      status: "finished",
      total: 2,
      cancelled: 2,
      skipped: 0,
      failed: 0,
      actor: "staff:7",
    });
    expect(view.latestItems.map((i) => i.status)).toEqual(["cancelled", "cancelled"]);
    expect(view.activity.map((a) => a.action)).toContain("stale-orders.run-finished");
    expect(h.sim.orderStatus(first!.id).cancelled).toBe(true);
    expect(h.sim.orderStatus(unselected!.id).cancelled).toBe(false);
    expect(h.sim.inventoryLevel(s.mug.id, s.warehouse.id)).toEqual({
      available: SEED_STOCK.warehouse - 2 - 1,
      committed: 2 + 1,
    });
    // AND the same selection again cancels nothing
    const again = await callRoute(
      action,
      post(SHOP_A, { intent: "run", ...RUN_FIELDS, orderIds: JSON.stringify(selection) }),
    );
    expect(await again.json()).toMatchObject({ result: { runId: null, alreadyHandled: 2 } });
    expect(await prisma.cancellationRun.count({ where: { shop: SHOP_A } })).toBe(1);
    // AND the CSV is the shop's alone
    const runId = view.runs[0]!.id;
    const csv = await csvFor(SHOP_A, runId);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const text = await csv.text();
    expect(text.split("\r\n")[0]).toBe('"run","order","result","reason","sku","location","units_released"');
    expect(text).toContain(`"${first!.name}","cancelled","","MUG-1","Warehouse","2"`);
    expect((await csvFor(SHOP_B, runId)).status).toBe(404);
  });
  it("records one run, with the previewed settings, when one confirmation is submitted 20 times at once", async () => {
    // GIVEN two stale orders, previewed with an unsaved reason and staff note
    const s = seedStale(SHOP_A, 2);
    const previewed = { ...POLICY_FIELDS, cancelReason: "CUSTOMER", staffNote: "Previewed, not saved" };
    const form = { intent: "run", ...previewed, orderIds: JSON.stringify(s.orders.map((o) => o.id)) };
    // WHEN the confirmation is submitted without a key
    const keyless = await callRoute(action, post(SHOP_A, form));
    // THEN it is refused and records nothing
    expect(keyless.status).toBe(400);
    expect(await prisma.cancellationRun.count()).toBe(0);
    // WHEN the same confirmation (one key) arrives 20 times at once
    const keyed = { ...form, idempotencyKey: randomUUID() };
    const responses = await Promise.all(Array.from({ length: 20 }, () => callRoute(action, post(SHOP_A, keyed))));
    const runIds = await Promise.all(responses.map(async (r) => ((await r.json()) as RunAnswer).result.runId));
    // THEN there is one run, made with the previewed settings, and one "run started"
    expect(new Set(runIds)).toEqual(new Set([expect.any(String)]));
    expect(await prisma.cancellationRun.findMany({ where: { shop: SHOP_A } })).toEqual([
      expect.objectContaining({ cancelReason: "CUSTOMER", staffNote: "Previewed, not saved" }),
    ]);
    await getJobWorker().runUntilIdle();
    expect(s.orders.map((o) => h.sim.orderStatus(o.id).cancelled)).toEqual([true, true]);
    expect(h.sim.snapshot(SHOP_A).jobs).toHaveLength(2);
    const audit = await prisma.auditEvent.findMany({ where: { shop: SHOP_A, action: "stale-orders.run-started" } });
    expect(audit).toHaveLength(1);
    // AND the saved policy is untouched
    expect(await prisma.staleOrderPolicy.count()).toBe(0);
  });

  it("shows a confirmed run as failed, with the reason, when the shop is gone before it was prepared", async () => {
    // GIVEN a confirmed run, still preparing
    const s = seedStale(SHOP_A, 2);
    const response = await callRoute(
      action,
      post(SHOP_A, { intent: "run", ...RUN_FIELDS, orderIds: JSON.stringify(s.orders.map((o) => o.id)) }),
    );
    expect(response.status).toBe(200);
    // WHEN the shop's offline session is gone (uninstalled) before the prepare job runs
    await prisma.session.deleteMany({ where: { shop: SHOP_A } });
    forgetShop(SHOP_A); // as the app's own direct Session writes do (session-cache.server.ts)
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    await getJobWorker().runUntilIdle();
    expect(logged).toHaveBeenCalledWith("jobs: dead-lettered", expect.objectContaining({ type: PREPARE_RUN_JOB }));
    logged.mockRestore();
    // THEN the run ended failed with the reason, nothing was cancelled, and the screen stops waiting
    const view = await screenOf(SHOP_A);
    expect(view.runs[0]).toMatchObject({ status: "failed", failureReason: "not-installed", total: 0 });
    expect(view.activity.map((a) => a.action)).toContain("stale-orders.run-failed");
    expect(await getJobQueue().listJobs({ shop: SHOP_A, type: CANCEL_ORDER_JOB })).toHaveLength(0);
    for (const order of s.orders) expect(h.sim.orderStatus(order.id).cancelled).toBe(false);
  });
});
