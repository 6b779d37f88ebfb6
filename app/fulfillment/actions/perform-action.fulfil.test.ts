import { afterEach, describe, expect, it } from "vitest";
import { ledgerView, simulatorView } from "../../../tests/support/ledger-truth";
import { UNAVAILABLE_REASONS } from "../available-actions";
import { findPreparedForPickup } from "../ledger.server";
import { ACTOR, eventsOf, ledgerRow, ledgerRowsOfOrder, startKit } from "../../../tests/support/action-kit";
import { listLocationsForMove, performFulfillmentAction } from "./perform-action.server";

const kit = startKit();
afterEach(() => kit.get().h.close());

async function order(shop: string, where: "warehouse" | "pickup") {
  const k = await kit.start(shop);
  const placed = await k.placeOrder({
    lineItems: [
      { variantId: k.seed.tee.id, quantity: 3 },
      { variantId: k.seed.mug.id, quantity: 2 },
    ],
    locationId: k.seed[where].id,
    ...(where === "pickup" ? { deliveryMethod: "PICK_UP" as const } : {}),
  });
  const foId = placed.fulfillmentOrderIds[0]!;
  const act = (raw: unknown) => performFulfillmentAction(k.graphql, { shop, actor: ACTOR }, raw);
  return { k, foId, orderId: placed.orderId, act };
}

describe("fulfil", () => {
  it("fulfils chosen quantities with tracking; the FO stays open for the rest", async () => {
    const { k, foId, orderId, act } = await order("fulfil-partial.myshopify.com", "warehouse");
    const [tee, mug] = k.h.sim.getFulfillmentOrder(foId).lineItems;
    const result = await act(
      await k.form(foId, {
        intent: "fulfil",
        lines: [
          { id: tee!.id, quantity: "2" },
          { id: mug!.id, quantity: "0" },
        ],
        trackingCompany: "UPS",
        trackingNumber: "1Z999AA10123456784",
        trackingUrl: "https://www.ups.com/track?tracknum=1Z999AA10123456784",
        notifyCustomer: false,
      }),
    );
    expect(result).toMatchObject({ ok: true, fulfillmentOrderIds: [foId], message: "Fulfilled" });
    const [fulfillment] = k.h.sim.snapshot(k.shop).fulfillments.filter((f) => f.orderId === orderId);
    expect(fulfillment).toMatchObject({
      trackingInfo: [
        { company: "UPS", number: "1Z999AA10123456784", url: "https://www.ups.com/track?tracknum=1Z999AA10123456784" },
      ],
      lineItems: [{ fulfillmentOrderLineItemId: tee!.id, quantity: 2 }],
    });
    expect(await ledgerView(k.shop)).toEqual(simulatorView(k.h.sim, k.shop));
    expect(await ledgerRow(k.shop, foId)).toMatchObject({ status: "IN_PROGRESS", remainingQuantity: 3 });
    expect(await eventsOf(k.shop, foId)).toContainEqual({
      kind: "status",
      from: "OPEN",
      to: "IN_PROGRESS",
      source: "user",
      actor: ACTOR,
    });
  });

  it("shows Shopify's refusal of a quantity above the remaining one next to that line", async () => {
    const { k, foId, act } = await order("fulfil-too-many.myshopify.com", "warehouse");
    const [tee] = k.h.sim.getFulfillmentOrder(foId).lineItems;
    const before = simulatorView(k.h.sim, k.shop);
    const result = await act(await k.form(foId, { intent: "fulfil", lines: [{ id: tee!.id, quantity: "9" }] }));
    expect(result).toMatchObject({ ok: false, kind: "user-errors", errors: [{ field: "lines.0.quantity" }] });
    expect(simulatorView(k.h.sim, k.shop)).toEqual(before);
  });

  it("refuses a tracking URL that isn't one, before Shopify", async () => {
    const { k, foId, act } = await order("fulfil-bad-url.myshopify.com", "warehouse");
    const result = await act(await k.form(foId, { intent: "fulfil", trackingUrl: "not a url" }));
    expect(result).toMatchObject({ ok: false, kind: "invalid", errors: [{ field: "trackingUrl" }] });
    expect(k.operations).toEqual([]);
  });
});

describe("local pickup", () => {
  it("marks the FO ready, then picked up, recording both as the staff member's", async () => {
    const { k, foId, act } = await order("pickup-flow.myshopify.com", "pickup");
    // Picked up before ready isn't offered
    expect(await act(await k.form(foId, { intent: "picked-up" }))).toEqual({
      ok: false,
      kind: "unavailable",
      message: UNAVAILABLE_REASONS.notPrepared,
    });
    // WHEN it's marked ready
    const ready = await act(await k.form(foId, { intent: "ready-for-pickup" }));
    expect(ready).toMatchObject({ ok: true, fulfillmentOrderIds: [foId] });
    expect(k.h.sim.getFulfillmentOrder(foId).preparedForPickup).toBe(true);
    expect((await findPreparedForPickup(k.shop, [foId])).has(foId)).toBe(true);
    expect(await eventsOf(k.shop, foId)).toContainEqual(
      expect.objectContaining({ kind: "prepared_for_pickup", source: "user", actor: ACTOR }),
    );
    expect(await act(await k.form(foId, { intent: "ready-for-pickup" }))).toMatchObject({
      kind: "unavailable",
      message: UNAVAILABLE_REASONS.alreadyPrepared,
    });
    // WHEN the customer picks it up
    const picked = await act(await k.form(foId, { intent: "picked-up" }));
    expect(picked).toMatchObject({ ok: true, message: "Marked picked up" });
    expect(k.h.sim.getFulfillmentOrder(foId).status).toBe("CLOSED");
    expect(await ledgerView(k.shop)).toEqual(simulatorView(k.h.sim, k.shop));
    expect(await eventsOf(k.shop, foId)).toContainEqual({
      kind: "status",
      from: "OPEN",
      to: "CLOSED",
      source: "user",
      actor: ACTOR,
    });
  });

  it("refuses to prepare only some items: Shopify prepares whole FOs", async () => {
    const { k, foId, act } = await order("pickup-partial.myshopify.com", "pickup");
    const [tee] = k.h.sim.getFulfillmentOrder(foId).lineItems;
    const result = await act(await k.form(foId, { intent: "ready-for-pickup", lines: [{ id: tee!.id, quantity: 1 }] }));
    expect(result).toMatchObject({ ok: false, kind: "invalid", errors: [{ field: "lines" }] });
    expect(k.mutations()).toEqual([]);
  });

  it("doesn't offer pickup on a shipping FO", async () => {
    const { k, foId, act } = await order("pickup-shipping.myshopify.com", "warehouse");
    expect(await act(await k.form(foId, { intent: "ready-for-pickup" }))).toMatchObject({
      kind: "unavailable",
      message: UNAVAILABLE_REASONS.notPickup,
    });
  });
});

describe("move", () => {
  it("lists the locations it can move to, and moves it", async () => {
    const { k, foId, act } = await order("move-whole.myshopify.com", "warehouse");
    const locations = await listLocationsForMove(k.graphql, foId);
    expect(locations).toEqual(
      expect.arrayContaining([
        { locationId: k.seed.pickup.id, name: "Downtown store", movable: true, message: null },
        { locationId: k.seed.thirdParty.id, name: "ShipFast 3PL", movable: true, message: null },
      ]),
    );
    expect(locations?.map((l) => l.locationId)).not.toContain(k.seed.warehouse.id);
    const result = await act(await k.form(foId, { intent: "move", locationId: k.seed.pickup.id }));
    expect(result).toMatchObject({ ok: true, fulfillmentOrderIds: [foId], message: "Moved to Downtown store" });
    expect(k.h.sim.getFulfillmentOrder(foId).locationId).toBe(k.seed.pickup.id);
    expect(await ledgerView(k.shop)).toEqual(simulatorView(k.h.sim, k.shop));
    expect(await eventsOf(k.shop, foId)).toContainEqual({
      kind: "location",
      from: "Warehouse",
      to: "Downtown store",
      source: "user",
      actor: ACTOR,
    });
  });

  it("moves some quantities into a new FO, with lineage", async () => {
    const { k, foId, orderId, act } = await order("move-partial.myshopify.com", "warehouse");
    const [tee] = k.h.sim.getFulfillmentOrder(foId).lineItems;
    const result = await act(
      await k.form(foId, { intent: "move", locationId: k.seed.pickup.id, lines: [{ id: tee!.id, quantity: 1 }] }),
    );
    const moved = k.h.sim.fulfillmentOrdersOf(orderId).find((fo) => fo.id !== foId)!;
    expect(result).toMatchObject({ ok: true, fulfillmentOrderIds: [foId, moved.id] });
    expect(await ledgerView(k.shop)).toEqual(simulatorView(k.h.sim, k.shop));
    const rows = await ledgerRowsOfOrder(k.shop, orderId);
    expect(rows.find((r) => r.shopifyId === moved.id)).toMatchObject({
      parentShopifyId: foId,
      lineageReason: "moved",
      locationShopifyId: k.seed.pickup.id,
    });
  });

  it("shows Shopify's refusal to move to an inactive location on the location field", async () => {
    const { k, foId, act } = await order("move-inactive.myshopify.com", "warehouse");
    const closedStore = k.h.sim.addLocation(k.shop, { name: "Closed store", kind: "merchant", active: false });
    const before = simulatorView(k.h.sim, k.shop);
    const result = await act(await k.form(foId, { intent: "move", locationId: closedStore.id }));
    expect(result).toEqual({
      ok: false,
      kind: "user-errors",
      errors: [{ field: "locationId", message: "Cannot move to an inactive location." }],
    });
    expect(simulatorView(k.h.sim, k.shop)).toEqual(before);
  });
});
