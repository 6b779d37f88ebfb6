import { describe, expect, it } from "vitest";
import { SHOP, setupStore } from "../tests/support/simulator-fixture";

describe("test controls and truth readers", () => {
  it("switches the throttle bucket when the plan changes", async () => {
    const { sim, gql } = setupStore();
    sim.setPlan(SHOP, { bucketSize: 50, restoreRate: 5 });
    expect((await gql(`{ shop { name } }`)).extensions?.cost.throttleStatus).toEqual({
      maximumAvailable: 50,
      currentlyAvailable: 49,
      restoreRate: 5,
    });
    sim.setPlan(SHOP, "plus");
    expect((await gql(`{ shop { plan { shopifyPlus } } }`)).data).toEqual({ shop: { plan: { shopifyPlus: true } } });
  });

  it("returns deep copies from snapshot and getters", () => {
    const { sim, mug } = setupStore();
    const order = sim.createOrder(SHOP, { lineItems: [{ variantId: mug.id, quantity: 1 }] });
    const snap = sim.snapshot(SHOP);
    snap.orders[0]!.tags.push("mutated");
    sim.getOrder(order.id).tags.push("mutated");
    expect(sim.getOrder(order.id).tags).toEqual([]);
  });

  it("marks an order paid, emitting orders/paid, and closes it once it is also fulfilled", async () => {
    const { sim, gql, mug } = setupStore();
    const order = sim.createOrder(SHOP, {
      lineItems: [{ variantId: mug.id, quantity: 1 }],
      financialStatus: "PENDING",
    });
    const fo = sim.fulfillmentOrdersOf(order.id)[0]!;
    await gql(
      `mutation($id: ID!) { fulfillmentCreate(fulfillment: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: $id }] }) { userErrors { message } } }`,
      { id: fo.id },
    );
    expect(sim.orderStatus(order.id)).toMatchObject({ displayFulfillmentStatus: "FULFILLED", closed: false });
    sim.markPaid(order.id);
    expect(sim.orderStatus(order.id)).toMatchObject({ displayFinancialStatus: "PAID", closed: true });
    expect(sim.emitted.map((e) => e.topic)).toContain("orders/paid");
  });

  it("refuses 3PL actions that don't fit the fulfillment order's request status", () => {
    const { sim, mug, thirdParty } = setupStore();
    const order = sim.createOrder(SHOP, { lineItems: [{ variantId: mug.id, quantity: 1 }], locationId: thirdParty.id });
    const fo = sim.fulfillmentOrdersOf(order.id)[0]!;
    expect(() => sim.acceptFulfillmentRequest(fo.id)).toThrow(/request status is UNSUBMITTED/);
    expect(() => sim.fulfillAsService(fo.id)).toThrow(/can't fulfill/);
  });

  it("commits inventory at the assigned location when an order is created", () => {
    const { sim, mug, tee, warehouse } = setupStore();
    sim.createOrder(SHOP, {
      lineItems: [
        { variantId: mug.id, quantity: 3 },
        { variantId: tee.id, quantity: 2 },
      ],
    });
    expect(sim.inventoryLevel(mug.id, warehouse.id)).toEqual({ available: 7, committed: 3 });
    expect(sim.inventoryLevel(tee.id, warehouse.id)).toEqual({ available: 8, committed: 2 });
    expect(sim.emitted.map((e) => e.topic)).toEqual([
      "orders/create",
      "orders/paid",
      "fulfillment_orders/order_routing_complete",
    ]);
  });
});
