import { describe, expect, it } from "vitest";
import { SHOP, setupStore } from "../tests/support/simulator-fixture";

const CREATE = `mutation($fulfillment: FulfillmentInput!) { fulfillmentCreate(fulfillment: $fulfillment) {
  fulfillment { id status totalQuantity trackingInfo { company number url } order { displayFulfillmentStatus } }
  userErrors { field message } } }`;
const MOVE = `mutation($id: ID!, $to: ID!, $items: [FulfillmentOrderLineItemInput!]) { fulfillmentOrderMove(id: $id, newLocationId: $to, fulfillmentOrderLineItems: $items) {
  movedFulfillmentOrder { id status assignedLocation { name location { id } } lineItems(first: 5) { nodes { totalQuantity } } }
  originalFulfillmentOrder { id status assignedLocation { name } lineItems(first: 5) { nodes { totalQuantity } } }
  remainingFulfillmentOrder { id }
  userErrors { field message } } }`;

function order(locationKey: "warehouse" | "thirdParty" | "store" = "warehouse", deliveryMethod?: "PICK_UP") {
  const ctx = setupStore();
  const o = ctx.sim.createOrder(SHOP, {
    lineItems: [
      { variantId: ctx.mug.id, quantity: 3 },
      { variantId: ctx.tee.id, quantity: 1 },
    ],
    locationId: ctx[locationKey].id,
    ...(deliveryMethod ? { deliveryMethod } : {}),
  });
  return { ...ctx, order: o, fo: ctx.sim.fulfillmentOrdersOf(o.id)[0]! };
}

describe("fulfillmentCreate", () => {
  it("fulfills part of a fulfillment order, then the rest, updating order status and inventory", async () => {
    const { sim, gql, fo, order: o, mug, warehouse } = order();
    expect(sim.inventoryLevel(mug.id, warehouse.id)).toEqual({ available: 7, committed: 3 });
    const partial = await gql(CREATE, {
      fulfillment: {
        lineItemsByFulfillmentOrder: [
          { fulfillmentOrderId: fo.id, fulfillmentOrderLineItems: [{ id: fo.lineItems[0]!.id, quantity: 2 }] },
        ],
        trackingInfo: { company: "UPS", number: "1Z1", url: "https://ups.example/1Z1" },
        notifyCustomer: true,
      },
    });
    expect(partial.data.fulfillmentCreate).toEqual({
      fulfillment: {
        id: expect.any(String),
        status: "SUCCESS",
        totalQuantity: 2,
        trackingInfo: [{ company: "UPS", number: "1Z1", url: "https://ups.example/1Z1" }],
        order: { displayFulfillmentStatus: "PARTIALLY_FULFILLED" },
      },
      userErrors: [],
    });
    expect(sim.inventoryLevel(mug.id, warehouse.id)).toEqual({ available: 7, committed: 1 });
    expect(sim.getFulfillmentOrder(fo.id).status).toBe("IN_PROGRESS");
    expect(sim.emitted.at(-1)?.topic).toBe("orders/partially_fulfilled");

    const rest = await gql(CREATE, { fulfillment: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fo.id }] } });
    expect(rest.data.fulfillmentCreate.fulfillment).toMatchObject({
      totalQuantity: 2,
      order: { displayFulfillmentStatus: "FULFILLED" },
    });
    expect(sim.getFulfillmentOrder(fo.id).status).toBe("CLOSED");
    expect(sim.getOrder(o.id).closedAt).not.toBeNull();
    expect(sim.inventoryLevel(mug.id, warehouse.id)).toEqual({ available: 7, committed: 0 });
    expect(sim.emitted.at(-1)?.topic).toBe("orders/fulfilled");
  });

  it("refuses quantities above what remains", async () => {
    const { gql, fo } = order();
    const res = await gql(CREATE, {
      fulfillment: {
        lineItemsByFulfillmentOrder: [
          { fulfillmentOrderId: fo.id, fulfillmentOrderLineItems: [{ id: fo.lineItems[0]!.id, quantity: 9 }] },
        ],
      },
    });
    expect(res.data.fulfillmentCreate).toMatchObject({
      fulfillment: null,
      userErrors: [
        { field: ["fulfillment", "lineItemsByFulfillmentOrder", "0", "fulfillmentOrderLineItems", "0", "quantity"] },
      ],
    });
  });

  it("refuses to fulfill a fulfillment order assigned to a 3PL's location", async () => {
    const { gql, fo } = order("thirdParty");
    const res = await gql(CREATE, { fulfillment: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fo.id }] } });
    expect(res.data.fulfillmentCreate).toMatchObject({
      fulfillment: null,
      userErrors: [{ field: ["fulfillment", "lineItemsByFulfillmentOrder", "0", "fulfillmentOrderId"] }],
    });
  });

  it("refuses one fulfillment across fulfillment orders at different locations", async () => {
    const { gql, fo, store } = order();
    const moved = await gql(MOVE, { id: fo.id, to: store.id, items: [{ id: fo.lineItems[1]!.id, quantity: 1 }] });
    const other = moved.data.fulfillmentOrderMove.movedFulfillmentOrder.id;
    const res = await gql(CREATE, {
      fulfillment: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fo.id }, { fulfillmentOrderId: other }] },
    });
    expect(res.data.fulfillmentCreate.userErrors[0].message).toBe(
      "All fulfillment orders must be assigned to the same location.",
    );
  });

  it("refuses to fulfill a fulfillment order that is on hold", async () => {
    const { gql, fo } = order();
    await gql(
      `mutation($id: ID!) { fulfillmentOrderHold(id: $id, fulfillmentHold: { reason: OTHER }) { userErrors { message } } }`,
      { id: fo.id },
    );
    const res = await gql(CREATE, { fulfillment: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fo.id }] } });
    expect(res.data.fulfillmentCreate.userErrors).toHaveLength(1);
  });
});

describe("local pickup", () => {
  const PREPARE = `mutation($id: ID!) { fulfillmentOrderLineItemsPreparedForPickup(input: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: $id }] }) { userErrors { field message code } } }`;

  it("marks a pickup fulfillment order ready, then completes the pickup with fulfillmentCreate", async () => {
    const { sim, gql, fo, order: o } = order("store", "PICK_UP");
    const method = await gql(`query($id: ID!) { fulfillmentOrder(id: $id) { deliveryMethod { methodType } } }`, {
      id: fo.id,
    });
    expect(method.data.fulfillmentOrder.deliveryMethod).toEqual({ methodType: "PICK_UP" });
    const ready = await gql(PREPARE, { id: fo.id });
    expect(ready.data.fulfillmentOrderLineItemsPreparedForPickup.userErrors).toEqual([]);
    expect(sim.emitted.at(-1)?.topic).toBe("fulfillment_orders/line_items_prepared_for_pickup");
    const picked = await gql(CREATE, { fulfillment: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fo.id }] } });
    expect(picked.data.fulfillmentCreate.userErrors).toEqual([]);
    expect(sim.getFulfillmentOrder(fo.id).status).toBe("CLOSED");
    expect(
      (await gql(`query($id: ID!) { order(id: $id) { displayFulfillmentStatus } }`, { id: o.id })).data.order
        .displayFulfillmentStatus,
    ).toBe("FULFILLED");
  });

  it("refuses to prepare a shipping fulfillment order for pickup", async () => {
    const { gql, fo } = order();
    const res = await gql(PREPARE, { id: fo.id });
    expect(res.data.fulfillmentOrderLineItemsPreparedForPickup.userErrors[0]).toMatchObject({
      code: "FULFILLMENT_ORDER_INVALID",
    });
  });
});

describe("fulfillmentOrderMove", () => {
  it("reassigns a whole fulfillment order and moves the inventory commitment", async () => {
    const { sim, gql, fo, mug, warehouse, thirdParty } = order();
    const res = await gql(MOVE, { id: fo.id, to: thirdParty.id });
    const p = res.data.fulfillmentOrderMove;
    expect(p.userErrors).toEqual([]);
    expect(p.movedFulfillmentOrder).toMatchObject({
      id: fo.id,
      status: "OPEN",
      assignedLocation: { name: "ShipBob", location: { id: thirdParty.id } },
    });
    expect(p.originalFulfillmentOrder.id).toBe(fo.id);
    expect(p.remainingFulfillmentOrder).toBeNull();
    expect(sim.inventoryLevel(mug.id, warehouse.id)).toEqual({ available: 10, committed: 0 });
    expect(sim.inventoryLevel(mug.id, thirdParty.id)).toEqual({ available: 17, committed: 3 });
    expect(sim.emitted.at(-1)).toMatchObject({
      topic: "fulfillment_orders/moved",
      payload: { destination_location_id: thirdParty.id, source_location: { id: warehouse.id } },
    });
  });

  it("moves a subset of line items into a new fulfillment order at the destination", async () => {
    const { sim, gql, fo, mug, warehouse, store } = order();
    const res = await gql(MOVE, { id: fo.id, to: store.id, items: [{ id: fo.lineItems[0]!.id, quantity: 1 }] });
    const p = res.data.fulfillmentOrderMove;
    expect(p.movedFulfillmentOrder).toMatchObject({
      status: "OPEN",
      assignedLocation: { name: "Downtown store" },
      lineItems: { nodes: [{ totalQuantity: 1 }] },
    });
    expect(p.movedFulfillmentOrder.id).not.toBe(fo.id);
    expect(p.originalFulfillmentOrder).toMatchObject({
      id: fo.id,
      assignedLocation: { name: "Warehouse" },
      lineItems: { nodes: [{ totalQuantity: 2 }, { totalQuantity: 1 }] },
    });
    expect(sim.inventoryLevel(mug.id, warehouse.id)).toEqual({ available: 8, committed: 2 });
    expect(sim.inventoryLevel(mug.id, store.id)).toEqual({ available: 4, committed: 1 });
  });

  it("lists the other active locations as move candidates", async () => {
    const { gql, fo, thirdParty, store } = order();
    const res = await gql(
      `query($id: ID!) { fulfillmentOrder(id: $id) { locationsForMove(first: 10) { nodes { location { id } movable availableLineItemsCount { count } } } } }`,
      { id: fo.id },
    );
    expect(res.data.fulfillmentOrder.locationsForMove.nodes).toEqual([
      { location: { id: thirdParty.id }, movable: true, availableLineItemsCount: { count: 2 } },
      { location: { id: store.id }, movable: true, availableLineItemsCount: { count: 2 } },
    ]);
  });

  it("moves a held fulfillment order only as a whole", async () => {
    const { gql, fo, store } = order();
    await gql(
      `mutation($id: ID!) { fulfillmentOrderHold(id: $id, fulfillmentHold: { reason: OTHER }) { userErrors { message } } }`,
      { id: fo.id },
    );
    const part = await gql(MOVE, { id: fo.id, to: store.id, items: [{ id: fo.lineItems[0]!.id, quantity: 1 }] });
    expect(part.data.fulfillmentOrderMove.userErrors).toHaveLength(1);
    const whole = await gql(MOVE, { id: fo.id, to: store.id });
    expect(whole.data.fulfillmentOrderMove.movedFulfillmentOrder).toMatchObject({
      id: fo.id,
      status: "ON_HOLD",
      assignedLocation: { name: "Downtown store" },
    });
  });

  it("refuses to move to the same location or to an inactive one", async () => {
    const { gql, fo, warehouse, closedStore } = order();
    const same = await gql(MOVE, { id: fo.id, to: warehouse.id });
    expect(same.data.fulfillmentOrderMove).toMatchObject({
      movedFulfillmentOrder: null,
      userErrors: [{ field: ["newLocationId"] }],
    });
    const inactive = await gql(MOVE, { id: fo.id, to: closedStore.id });
    expect(inactive.data.fulfillmentOrderMove.userErrors[0].message).toBe("Cannot move to an inactive location.");
  });
});
