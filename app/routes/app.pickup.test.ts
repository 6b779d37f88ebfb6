// The local pickup board through the real authenticate.admin, with pickup orders placed in the
// simulator and brought into the ledger by their webhooks.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import type { PickupBoardView } from "~/fulfillment/pickup/board";
import { getJobWorker } from "~/jobs/runtime.server";
import { callRoute, fetchRequest } from "../../tests/support/embedded-request";
import { seedLocations } from "../../tests/support/seed";
import { routeHarness } from "../../tests/support/route-harness";
import type { SimulatorHarness } from "../../tests/support/simulator";
import { action as detailAction } from "./app.fulfillment-orders.$id";
import { action, loader } from "./app.pickup";

const SHOP = "pickup-a.myshopify.com";
const OTHER_SHOP = "pickup-b.myshopify.com";
const DAY = 24 * 60 * 60_000;

const harness = routeHarness({ shops: [SHOP, OTHER_SHOP] });
let h: SimulatorHarness;
let s: ReturnType<typeof seedLocations>;
beforeEach(() => {
  h = harness.h;
  s = harness.seed();
});

async function deliver() {
  await h.webhooks.flush();
  await getJobWorker().runUntilIdle();
}

async function placePickupOrder(shop = SHOP, locations = s) {
  const order = h.sim.createOrder(shop, {
    lineItems: [{ variantId: locations.mug.id, quantity: 2 }],
    locationId: locations.pickup.id,
    deliveryMethod: "PICK_UP",
    customer: { firstName: "Grace", lastName: "Hopper", email: "grace@example.com" },
  });
  await deliver();
  return { orderName: order.name, foId: h.sim.fulfillmentOrdersOf(order.id)[0]!.id };
}

async function board(shop = SHOP): Promise<PickupBoardView> {
  const response = await callRoute(loader, fetchRequest("/app/pickup", shop));
  expect(response.status).toBe(200);
  return ((await response.json()) as { board: PickupBoardView }).board;
}

/** A quick action on the board posts to the FO detail route's action. */
async function quickAction(foId: string, intent: "ready-for-pickup" | "picked-up") {
  const row = (await board()).awaiting
    .concat((await board()).ready, (await board()).notCollected)
    .find((o) => o.fulfillmentOrderId === foId)!;
  const response = await detailAction({
    request: fetchRequest(`/app/fulfillment-orders/${encodeURIComponent(foId)}`, SHOP, {
      form: {
        intent,
        fulfillmentOrderId: foId,
        expectedUpdatedAt: row.expectedUpdatedAt,
        idempotencyKey: randomUUID(),
      },
    }),
    params: { id: foId },
    context: {},
  });
  return response.json();
}

const names = (orders: { orderName: string }[]) => orders.map((o) => o.orderName);

describe("the pickup board", () => {
  it("lists pickup orders awaiting preparation with a ready quick action, and no shipping orders", async () => {
    const pickup = await placePickupOrder();
    h.sim.createOrder(SHOP, { lineItems: [{ variantId: s.tee.id, quantity: 1 }], locationId: s.warehouse.id });
    await deliver();

    const view = await board();

    expect(view.notCollectedDays).toBe(3);
    expect(names(view.awaiting)).toEqual([pickup.orderName]);
    expect(view.awaiting[0]).toMatchObject({
      customerName: "Grace Hopper",
      locationName: "Downtown store",
      remainingQuantity: 2,
      preparedForPickupAt: null,
      readyForPickup: { available: true },
      pickedUp: { available: false },
    });
    expect(view.ready).toEqual([]);
    expect(view.notCollected).toEqual([]);
  });

  it("moves an order to Ready when marked ready, and off the board when picked up", async () => {
    const { foId, orderName } = await placePickupOrder();

    expect(await quickAction(foId, "ready-for-pickup")).toMatchObject({ ok: true });
    let view = await board();
    expect(names(view.ready)).toEqual([orderName]);
    expect(view.ready[0]!.preparedForPickupAt).not.toBeNull();
    expect(view.ready[0]!.pickedUp).toMatchObject({ available: true });
    expect(h.sim.getFulfillmentOrder(foId).preparedForPickup).toBe(true);

    expect(await quickAction(foId, "picked-up")).toMatchObject({ ok: true });
    view = await board();
    expect([...view.awaiting, ...view.ready, ...view.notCollected]).toEqual([]);
    expect(h.sim.getFulfillmentOrder(foId).status).toBe("CLOSED");
  });

  it("shows ready orders waiting N days or more as not collected, with N editable", async () => {
    const { foId, orderName } = await placePickupOrder();
    await quickAction(foId, "ready-for-pickup");
    // Marked ready two days ago.
    await prisma.fulfillmentOrder.updateMany({
      where: { shop: SHOP, preparedForPickupAt: { not: null } },
      data: { preparedForPickupAt: new Date(Date.now() - 2 * DAY) },
    });
    expect(names((await board()).ready)).toEqual([orderName]);

    const saved = await callRoute(
      action,
      fetchRequest("/app/pickup", SHOP, {
        form: { intent: "save-not-collected-days", notCollectedDays: "1", idempotencyKey: randomUUID() },
      }),
    );

    expect(await saved.json()).toEqual({ ok: true, notCollectedDays: 1 });
    expect(await prisma.shopSettings.findUnique({ where: { shop: SHOP } })).toMatchObject({
      pickupNotCollectedDays: 1,
    });
    const view = await board();
    expect(view.notCollectedDays).toBe(1);
    expect(names(view.notCollected)).toEqual([orderName]);
    expect(view.ready).toEqual([]);
    // Another shop keeps the default.
    expect((await board(OTHER_SHOP)).notCollectedDays).toBe(3);
  });

  it.each(["0", "61", "two", ""])("refuses %j days with 422 and keeps the setting", async (days) => {
    const response = await callRoute(
      action,
      fetchRequest("/app/pickup", SHOP, {
        form: { intent: "save-not-collected-days", notCollectedDays: days, idempotencyKey: randomUUID() },
      }),
    );

    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ ok: false });
    expect(await prisma.shopSettings.count()).toBe(0);
  });

  it("refuses to save the setting without a submission key (400), and keeps it", async () => {
    const response = await callRoute(
      action,
      fetchRequest("/app/pickup", SHOP, { form: { intent: "save-not-collected-days", notCollectedDays: "5" } }),
    );

    expect(response.status).toBe(400);
    expect(await prisma.shopSettings.count()).toBe(0);
  });

  it("never shows another shop's pickup orders", async () => {
    const b = seedLocations(h.sim, OTHER_SHOP);
    await placePickupOrder(OTHER_SHOP, b);

    const view = await board(SHOP);

    expect([...view.awaiting, ...view.ready, ...view.notCollected]).toEqual([]);
    expect((await board(OTHER_SHOP)).awaiting).toHaveLength(1);
  });
});
