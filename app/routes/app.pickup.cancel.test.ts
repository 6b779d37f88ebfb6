// "Cancel and restock" on the pickup board's Not collected group, through the real
// authenticate.admin against the store simulator: what Shopify ends up holding, what the ledger
// and the board show, and what the merchant is told.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import type { PickupBoardView, PickupOrderView } from "~/fulfillment/pickup/board";
import { advancePickupCancellation } from "~/fulfillment/pickup/cancel-and-restock.server";
import { PICKUP_CANCEL_JOB } from "~/fulfillment/pickup/cancel-and-restock-job.server";
import { en } from "~/i18n/en";
import { getJobQueue, getJobWorker } from "~/jobs/runtime.server";
import { shopAdminGraphql } from "~/shopify/admin/shop-admin.server";
import { allowConsoleError } from "../../tests/support/console-guard";
import { callRoute, fetchRequest } from "../../tests/support/embedded-request";
import { SEED_STOCK, type seedLocations } from "../../tests/support/seed";
import { ShopifyActions } from "../../tests/support/shopify-actions";
import { forgetShop } from "~/shopify/session-cache.server";
import { routeHarness } from "../../tests/support/route-harness";
import type { SimulatorHarness } from "../../tests/support/simulator";
import type { FinancialStatus } from "../../simulator/types";
import { action as detailAction } from "./app.fulfillment-orders.$id";
import { action, loader } from "./app.pickup";

const SHOP = "pickup-cancel.myshopify.com";
const DAY = 24 * 60 * 60_000;
const STAFF = "staff:7";

const harness = routeHarness({ shops: [SHOP], lazy: true });
let h: SimulatorHarness;
let s: ReturnType<typeof seedLocations>;

async function setUp(options: { now?: () => Date } = {}) {
  await harness.start(options);
  h = harness.h;
  s = harness.seed();
}

async function deliver() {
  await h.webhooks.flush();
  await getJobWorker().runUntilIdle();
}

/** Runs the jobs due `minutes` from now (the cancellation's safety-net job is due 30 s after it). */
const runJobsDueIn = (minutes: number) =>
  getJobWorker().runUntilIdle({ asOf: new Date(Date.now() + minutes * 60_000) });
const pickupJobs = () => getJobQueue().listJobs({ type: PICKUP_CANCEL_JOB });

async function board(): Promise<PickupBoardView> {
  const response = await callRoute(loader, fetchRequest("/app/pickup", SHOP));
  expect(response.status).toBe(200);
  return ((await response.json()) as { board: PickupBoardView }).board;
}

const everyRow = (view: PickupBoardView) => [...view.awaiting, ...view.ready, ...view.notCollected];

/** A pickup order (2 mugs at the store) marked ready four days ago: on the Not collected list. */
async function notCollectedOrder(financialStatus: FinancialStatus = "PAID") {
  const order = h.sim.createOrder(SHOP, {
    lineItems: [{ variantId: s.mug.id, quantity: 2 }],
    locationId: s.pickup.id,
    deliveryMethod: "PICK_UP",
    financialStatus,
    customer: { firstName: "Grace", lastName: "Hopper", email: "grace@example.com" },
  });
  await deliver();
  const foId = h.sim.fulfillmentOrdersOf(order.id)[0]!.id;
  const awaiting = (await board()).awaiting.find((o) => o.fulfillmentOrderId === foId)!;
  const ready = await detailAction({
    request: fetchRequest(`/app/fulfillment-orders/${encodeURIComponent(foId)}`, SHOP, {
      form: {
        intent: "ready-for-pickup",
        fulfillmentOrderId: foId,
        expectedUpdatedAt: awaiting.expectedUpdatedAt,
        idempotencyKey: randomUUID(),
      },
    }),
    params: { id: foId },
    context: {},
  });
  expect(ready.status).toBe(200);
  await prisma.fulfillmentOrder.updateMany({
    where: { shop: SHOP, shopifyId: foId },
    data: { preparedForPickupAt: new Date(Date.now() - 4 * DAY) },
  });
  const row = (await board()).notCollected.find((o) => o.fulfillmentOrderId === foId);
  expect(row).toBeDefined();
  return { order, foId, row: row! };
}

function cancel(row: PickupOrderView, fields: Record<string, string> = {}) {
  return callRoute(
    action,
    fetchRequest("/app/pickup", SHOP, {
      form: {
        intent: "cancel-and-restock",
        fulfillmentOrderId: row.fulfillmentOrderId,
        expectedUpdatedAt: row.expectedUpdatedAt,
        idempotencyKey: randomUUID(),
        reason: "CUSTOMER",
        refund: "true",
        notifyCustomer: "true",
        staffNote: "",
        ...fields,
      },
    }),
  );
}

const mugsAtStore = () => h.sim.inventoryLevel(s.mug.id, s.pickup.id);

describe("cancel and restock from the pickup board", () => {
  it("cancels a paid, uncollected order, restocks the store, refunds it, and takes it off the board", async () => {
    await setUp();
    const { order, foId, row } = await notCollectedOrder("PAID");
    expect(row).toMatchObject({ refundable: true, cancellation: null, remainingQuantity: 2 });
    expect(mugsAtStore()).toEqual({ available: SEED_STOCK.pickup - 2, committed: 2 });

    const response = await cancel(row, { staffNote: "Not collected after two reminders" });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ok: true,
      status: "cancelled",
      message: `${order.name} cancelled, restocked and refunded`,
      replayed: false,
    });
    // Shopify: cancelled, refunded to the original payment method, stock back on the store's shelf
    const truth = h.sim.getOrder(order.id);
    // The staff note is the cancellation's (Order.cancellation.staffNote), not the order's note.
    expect(truth).toMatchObject({
      cancelReason: "CUSTOMER",
      cancelStaffNote: "Not collected after two reminders",
      note: null,
    });
    expect(truth.cancelledAt).not.toBeNull();
    expect(h.sim.orderStatus(order.id).displayFinancialStatus).toBe("REFUNDED");
    expect(truth.refunds).toHaveLength(1);
    expect(mugsAtStore()).toEqual({ available: SEED_STOCK.pickup, committed: 0 });
    // The ledger: refreshed as the staff member's doing; the board no longer lists it
    expect(everyRow(await board())).toEqual([]);
    const fo = await prisma.fulfillmentOrder.findFirstOrThrow({ where: { shop: SHOP, shopifyId: foId } });
    expect(fo.status).toBe("CANCELLED");
    expect(
      await prisma.fulfillmentOrderEvent.findFirst({
        where: { shop: SHOP, fulfillmentOrderId: fo.id, kind: "status", toValue: "CANCELLED" },
      }),
    ).toMatchObject({ source: "user", actor: STAFF });
    expect(await prisma.pickupCancellation.findMany()).toEqual([
      expect.objectContaining({ status: "cancelled", refund: true, itemCount: 2, actor: STAFF }),
    ]);
    const audit = await prisma.auditEvent.findMany({ where: { shop: SHOP } });
    expect(audit).toEqual([
      expect.objectContaining({ action: "pickup.order-cancelled", actor: STAFF, subject: order.name }),
    ]);
    expect(audit[0]!.detail).toMatchObject({
      refund: true,
      restock: true,
      items: 2,
      location: "Downtown store",
    });
  });

  it("keeps the payment when the refund box is unticked", async () => {
    await setUp();
    const { order, row } = await notCollectedOrder("PAID");

    const response = await cancel(row, { refund: "false", reason: "STAFF", notifyCustomer: "false" });

    expect(await response.json()).toMatchObject({
      ok: true,
      status: "cancelled",
      message: `${order.name} cancelled and restocked`,
    });
    expect(h.sim.orderStatus(order.id)).toMatchObject({ cancelled: true, displayFinancialStatus: "PAID" });
    expect(h.sim.getOrder(order.id)).toMatchObject({ cancelReason: "STAFF", refunds: [] });
    expect(mugsAtStore()).toEqual({ available: SEED_STOCK.pickup, committed: 0 });
  });

  it("offers no refund on an unpaid order and refuses one if it is sent anyway", async () => {
    await setUp();
    const { order, row } = await notCollectedOrder("PENDING");
    expect(row.refundable).toBe(false);

    const refused = await cancel(row, { refund: "true" });

    expect(refused.status).toBe(422);
    expect(await refused.json()).toEqual({
      ok: false,
      kind: "invalid",
      errors: [{ field: "refund", message: "This order has nothing to refund." }],
    });
    expect(h.sim.getOrder(order.id).cancelledAt).toBeNull();

    const done = await cancel(row, { refund: "false" });
    expect(await done.json()).toMatchObject({ ok: true, status: "cancelled" });
    expect(h.sim.orderStatus(order.id)).toMatchObject({ cancelled: true, displayFinancialStatus: "PENDING" });
  });

  it.each([
    ["staffNote", { staffNote: "x".repeat(256) }, "Keep the note to 255 characters or fewer."],
    ["reason", { reason: "BORED" }, "Choose one of the listed reasons."],
  ])("answers bad input (%s) with an inline field error and touches nothing", async (field, fields, message) => {
    await setUp();
    const { order, row } = await notCollectedOrder("PAID");

    const response = await cancel(row, fields);

    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ ok: false, kind: "invalid", errors: [{ field, message }] });
    expect(h.sim.getOrder(order.id).cancelledAt).toBeNull();
    expect(await prisma.pickupCancellation.count()).toBe(0);
  });

  it("shows Shopify's refusal in the modal and on the row, and cancels nothing", async () => {
    await setUp();
    const { order, foId, row } = await notCollectedOrder("PAID");
    // Shopify can't restock a paid order into a deactivated location.
    h.sim.setLocationActive(s.pickup.id, false);

    const response = await cancel(row);

    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      ok: false,
      kind: "user-errors",
      errors: [{ field: null, message: "Cannot restock inventory to a deactivated location." }],
    });
    expect(h.sim.getOrder(order.id).cancelledAt).toBeNull();
    const shown = (await board()).notCollected.find((o) => o.fulfillmentOrderId === foId);
    expect(shown?.cancellation).toEqual({
      status: "failed",
      error: "Cannot restock inventory to a deactivated location.",
    });
    expect(await prisma.auditEvent.findMany({ where: { shop: SHOP } })).toEqual([
      expect.objectContaining({ action: "pickup.order-cancel-failed", actor: STAFF }),
    ]);

    // Once the store is active again, the merchant can try again from the same row.
    h.sim.setLocationActive(s.pickup.id, true);
    expect(await (await cancel(shown!)).json()).toMatchObject({ ok: true, status: "cancelled" });
  });

  it("ends 'failed' with the reason on the row, not cancelled or restocked, when Shopify's cancel job fails", async () => {
    await setUp();
    const { order, foId, row } = await notCollectedOrder("PAID");
    // Shopify accepts the cancellation, then its job fails (OrderCancelJobResult status FAILED).
    h.sim.failOrderCancel(order.id, { message: "Payment gateway timed out" });

    const response = await cancel(row);

    const message = en.pickup.cancel.jobFailed;
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ ok: false, kind: "user-errors", errors: [{ field: null, message }] });
    expect(h.sim.orderStatus(order.id)).toMatchObject({ cancelled: false, displayFinancialStatus: "PAID" });
    expect(mugsAtStore()).toEqual({ available: SEED_STOCK.pickup - 2, committed: 2 });
    const shown = (await board()).notCollected.find((o) => o.fulfillmentOrderId === foId);
    expect(shown?.cancellation).toEqual({ status: "failed", error: message });
    expect(await prisma.pickupCancellation.findFirst()).toMatchObject({ status: "failed", error: message });
    expect(await prisma.auditEvent.findMany({ where: { shop: SHOP } })).toEqual([
      expect.objectContaining({ action: "pickup.order-cancel-failed", actor: STAFF }),
    ]);

    // The failure was that one job's: trying again from the same row cancels.
    expect(await (await cancel(shown!)).json()).toMatchObject({ ok: true, status: "cancelled" });
  });

  it("refuses when the order was collected after the page loaded, and the reloaded board shows it gone", async () => {
    await setUp();
    const { order, foId, row } = await notCollectedOrder("PAID");
    // Collected at the counter: Shopify knows, the webhooks haven't arrived yet.
    const collected = await h.sim.graphql(
      SHOP,
      `mutation($id: ID!) { fulfillmentCreate(fulfillment: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: $id }] }) { userErrors { message } } }`,
      { id: foId },
    );
    expect(collected.errors).toBeUndefined();

    const response = await cancel(row);

    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ ok: false, kind: "stale" });
    expect(h.sim.orderStatus(order.id)).toMatchObject({ cancelled: false, displayFulfillmentStatus: "FULFILLED" });
    expect(await prisma.pickupCancellation.count()).toBe(0);
    expect(everyRow(await board())).toEqual([]);
  });

  it("refuses a page older than the ledger's version of the order", async () => {
    await setUp();
    const { order, row } = await notCollectedOrder("PAID");

    const response = await cancel({
      ...row,
      expectedUpdatedAt: new Date(Date.parse(row.expectedUpdatedAt) - 60_000).toISOString(),
    });

    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ ok: false, kind: "stale" });
    expect(h.sim.getOrder(order.id).cancelledAt).toBeNull();
  });

  it("refuses a confirmation without its idempotency key (422) and cancels nothing", async () => {
    await setUp();
    const { order, row } = await notCollectedOrder();

    const response = await cancel(row, { idempotencyKey: "" });

    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ ok: false, kind: "invalid", errors: [{ field: "idempotencyKey" }] });
    expect(h.sim.orderStatus(order.id).cancelled).toBe(false);
  });

  it("cancels once when the same confirmation is submitted twice", async () => {
    await setUp();
    const { order, row } = await notCollectedOrder("PAID");
    const idempotencyKey = randomUUID();

    const answers = await Promise.all([cancel(row, { idempotencyKey }), cancel(row, { idempotencyKey })]);
    const again = await cancel(row, { idempotencyKey });

    const bodies = await Promise.all(answers.map((a) => a.json()));
    expect(bodies.map((b: { ok: boolean }) => b.ok)).toEqual([true, true]);
    expect(await again.json()).toMatchObject({ ok: true, status: "cancelled", replayed: true });
    expect(h.sim.snapshot(SHOP).jobs.filter((j) => j.action.orderId === order.id)).toHaveLength(1);
    expect(h.sim.getOrder(order.id).refunds).toHaveLength(1);
    expect(await prisma.pickupCancellation.count()).toBe(1);
    // A second confirmation from another tab (a new key) doesn't cancel again either.
    const other = await cancel(row);
    expect(other.status).toBe(409);
    expect(h.sim.snapshot(SHOP).jobs).toHaveLength(1);
    // The safety-net job, when it comes due, has nothing left to do.
    await runJobsDueIn(1);
    expect(h.sim.snapshot(SHOP).jobs).toHaveLength(1);
    expect(await pickupJobs()).toEqual([expect.objectContaining({ status: "succeeded" })]);
  });

  it("shows Cancelling… while Shopify works, and the background job finishes it", async () => {
    // Shopify's clock stands still: its cancel job doesn't finish while the request waits.
    let shopifyNow = Date.now();
    await setUp({ now: () => new Date(shopifyNow) });
    const { order, foId, row } = await notCollectedOrder("PAID");

    const response = await cancel(row);

    expect(await response.json()).toEqual({
      ok: true,
      status: "cancelling",
      message: `Shopify is cancelling ${order.name}`,
      replayed: false,
    });
    const during = (await board()).notCollected.find((o) => o.fulfillmentOrderId === foId);
    expect(during?.cancellation).toEqual({ status: "cancelling", error: null });
    expect(await prisma.pickupCancellation.findFirst()).toMatchObject({ shopifyJobId: expect.stringMatching(/Job/) });

    // WHEN Shopify finishes and the job comes due
    shopifyNow += 60_000;
    await runJobsDueIn(1);

    // THEN the order is cancelled once, refunded, restocked, and off the board
    expect(h.sim.orderStatus(order.id)).toMatchObject({ cancelled: true, displayFinancialStatus: "REFUNDED" });
    expect(mugsAtStore()).toEqual({ available: SEED_STOCK.pickup, committed: 0 });
    expect(h.sim.snapshot(SHOP).jobs).toHaveLength(1);
    expect(everyRow(await board())).toEqual([]);
    expect(await prisma.pickupCancellation.findFirst()).toMatchObject({ status: "cancelled" });
    expect(await prisma.auditEvent.count({ where: { action: "pickup.order-cancelled", actor: STAFF } })).toBe(1);
  });

  it("loses nothing when Shopify doesn't answer the cancel: the job checks the order and cancels it once", async () => {
    await setUp();
    const { order, foId, row } = await notCollectedOrder("PAID");
    h.sim.failNext({ operationName: "OrderCancel", status: 503 });

    const response = await cancel(row);

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      ok: true,
      status: "cancelling",
      message: `Shopify didn't answer yet: the app checks ${order.name} and finishes the cancellation`,
    });
    expect(h.sim.getOrder(order.id).cancelledAt).toBeNull();
    expect((await board()).notCollected.find((o) => o.fulfillmentOrderId === foId)?.cancellation).toEqual({
      status: "cancelling",
      error: null,
    });

    // AND the request keeps its lease: the cancel may be running in Shopify, so the job stays away for now
    expect((await prisma.pickupCancellation.findFirst())?.requestUntil?.getTime()).toBeGreaterThan(Date.now());

    // WHEN the lease has run out and the job that was queued with the cancellation comes due
    await prisma.pickupCancellation.updateMany({ data: { requestUntil: new Date(Date.now() - 1_000) } });
    await runJobsDueIn(1);

    // THEN Shopify has cancelled it exactly once, and the board has let it go
    expect(h.sim.orderStatus(order.id)).toMatchObject({ cancelled: true, displayFinancialStatus: "REFUNDED" });
    expect(h.sim.snapshot(SHOP).jobs).toHaveLength(1);
    expect(mugsAtStore()).toEqual({ available: SEED_STOCK.pickup, committed: 0 });
    expect(everyRow(await board())).toEqual([]);
  });

  it("leaves the cancel to the request while it may still be sending it, then the job finishes it once", async () => {
    await setUp();
    const { order, row } = await notCollectedOrder("PAID");
    h.sim.failNext({ operationName: "OrderCancel", status: 503 });
    await cancel(row);
    // GIVEN the request that created the row may still be talking to Shopify (it holds the lease)
    await prisma.pickupCancellation.updateMany({ data: { requestUntil: new Date(Date.now() + 60_000) } });

    // WHEN the job comes due meanwhile (its retry falls due after this pass)
    await runJobsDueIn(1);

    // THEN it sends nothing and tries again later
    expect(h.sim.getOrder(order.id).cancelledAt).toBeNull();
    expect(h.sim.snapshot(SHOP).jobs).toHaveLength(0);
    expect(await prisma.pickupCancellation.findFirst()).toMatchObject({ status: "cancelling", shopifyJobId: null });
    const [job] = await pickupJobs();
    expect(job).toMatchObject({ status: "queued", attempts: 1 });

    // WHEN the lease has run out and the job comes due again
    await prisma.pickupCancellation.updateMany({ data: { requestUntil: new Date(Date.now() - 1_000) } });
    await runJobsDueIn(60);

    // THEN Shopify cancels it once
    expect(h.sim.orderStatus(order.id)).toMatchObject({ cancelled: true, displayFinancialStatus: "REFUNDED" });
    expect(h.sim.snapshot(SHOP).jobs).toHaveLength(1);
    expect(await prisma.pickupCancellation.findFirst()).toMatchObject({ status: "cancelled" });
  });

  it("reports cancelled, not failed, when Shopify refuses because the order was cancelled elsewhere", async () => {
    let shopifyNow = Date.now();
    await setUp({ now: () => new Date(shopifyNow) });
    const { order, row } = await notCollectedOrder("PAID");
    h.sim.failNext({ operationName: "OrderCancel", status: 503 });
    await cancel(row);
    // GIVEN the order is cancelled in Shopify admin after our last look at it
    expect(await new ShopifyActions(h.sim, SHOP).cancelOrder(order.id)).toEqual([]);
    shopifyNow += 60_000; // Shopify's cancel job finishes
    expect(h.sim.getOrder(order.id).cancelledAt).not.toBeNull();

    // WHEN the cancellation moves on as if it had just checked the order (so it sends the cancel)
    const graphql = (await shopAdminGraphql(SHOP))!;
    const { id } = (await prisma.pickupCancellation.findFirst())!;
    const step = await advancePickupCancellation(graphql, id, { freshlyChecked: true });

    // THEN Shopify's refusal ends it as cancelled, audited once as found cancelled: the refund and
    // restock are whatever that other cancel did, so neither the row nor the audit claims them
    expect(step).toEqual({ status: "cancelled", foundCancelled: true });
    expect(await prisma.pickupCancellation.findFirst()).toMatchObject({ status: "cancelled", error: null });
    expect(await prisma.auditEvent.count({ where: { action: "pickup.order-found-cancelled" } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { action: "pickup.order-cancelled" } })).toBe(0);
    expect(h.sim.snapshot(SHOP).jobs).toHaveLength(1);
  });

  it("ends the row 'failed' (not Cancelling… forever) when its background job gives up, and lets the merchant try again", async () => {
    await setUp();
    const { foId, row } = await notCollectedOrder("PAID");
    h.sim.failNext({ operationName: "OrderCancel", status: 503 });
    await cancel(row);
    // GIVEN the job can no longer reach the shop (its offline session is gone)
    await prisma.session.deleteMany({ where: { shop: SHOP } });
    forgetShop(SHOP);

    // WHEN the job comes due and is dead-lettered (which the runner logs as an error)
    allowConsoleError(/jobs: dead-lettered/);
    await runJobsDueIn(1);

    // THEN the row says so, and the order is free for another attempt
    expect(await prisma.pickupCancellation.findFirst()).toMatchObject({ status: "failed", activeOrderKey: null });
    expect(await pickupJobs()).toMatchObject([{ status: "dead" }]);
    expect(await prisma.auditEvent.count({ where: { action: "pickup.order-cancel-failed" } })).toBe(1);
    const again = (await board()).notCollected.find((o) => o.fulfillmentOrderId === foId);
    expect(again?.cancellation).toEqual({ status: "failed", error: expect.stringMatching(/stopped following/) });
  });

  it("ends a cancellation in flight 'failed' when the app is uninstalled", async () => {
    await setUp();
    const { row } = await notCollectedOrder("PAID");
    h.sim.failNext({ operationName: "OrderCancel", status: 503 });
    await cancel(row);

    h.sim.uninstallApp(SHOP);
    await deliver();

    expect(await prisma.pickupCancellation.findFirst()).toMatchObject({ status: "failed", activeOrderKey: null });
  });
});
