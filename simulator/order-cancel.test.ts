import { describe, expect, it } from "vitest";
import { SHOP, setupStore } from "./test-fixtures";

const CANCEL = `mutation($id: ID!, $restock: Boolean!) { orderCancel(orderId: $id, reason: CUSTOMER, restock: $restock, notifyCustomer: false, staffNote: "asked by phone") {
  job { id done } orderCancelUserErrors { field message code } } }`;
const JOB = `query($id: ID!) { job(id: $id) { id done } }`;

describe("orderCancel", () => {
  it("returns a job that completes later, cancelling the order and restocking committed inventory", async () => {
    const { sim, gql, mug, warehouse, clock } = setupStore();
    const order = sim.createOrder(SHOP, { lineItems: [{ variantId: mug.id, quantity: 4 }] });
    expect(sim.inventoryLevel(mug.id, warehouse.id)).toEqual({ available: 6, committed: 4 });
    const res = await gql(CANCEL, { id: order.id, restock: true });
    const { job, orderCancelUserErrors } = res.data.orderCancel;
    expect(orderCancelUserErrors).toEqual([]);
    expect(job).toEqual({ id: expect.stringMatching(/^gid:\/\/shopify\/Job\//), done: false });
    expect((await gql(JOB, { id: job.id })).data.job.done).toBe(false);
    expect(sim.getOrder(order.id).cancelledAt).toBeNull();

    clock.advance(50);
    expect((await gql(JOB, { id: job.id })).data.job).toEqual({ id: job.id, done: true });
    const after = await gql(
      `query($id: ID!) { order(id: $id) { cancelledAt closed fulfillmentOrders(first: 5) { nodes { status supportedActions { action } } } } }`,
      { id: order.id },
    );
    expect(after.data.order).toEqual({
      cancelledAt: "2026-11-01T10:00:00Z",
      closed: true,
      fulfillmentOrders: { nodes: [{ status: "CANCELLED", supportedActions: [] }] },
    });
    expect(sim.inventoryLevel(mug.id, warehouse.id)).toEqual({ available: 10, committed: 0 });
    expect(sim.orderStatus(order.id)).toEqual({
      displayFulfillmentStatus: "UNFULFILLED",
      displayFinancialStatus: "PAID",
      closed: true,
      cancelled: true,
    });
    expect(sim.emitted.map((e) => e.topic)).toEqual(
      expect.arrayContaining(["orders/cancelled", "fulfillment_orders/cancelled"]),
    );
  });

  it("leaves inventory out of stock when restock is false", async () => {
    const { sim, gql, mug, warehouse, clock } = setupStore();
    const order = sim.createOrder(SHOP, { lineItems: [{ variantId: mug.id, quantity: 4 }] });
    await gql(CANCEL, { id: order.id, restock: false });
    clock.advance(60);
    expect(sim.inventoryLevel(mug.id, warehouse.id)).toEqual({ available: 6, committed: 0 });
  });

  it("refuses to cancel an order twice", async () => {
    const { sim, gql, mug, clock } = setupStore();
    const order = sim.createOrder(SHOP, { lineItems: [{ variantId: mug.id, quantity: 1 }] });
    await gql(CANCEL, { id: order.id, restock: true });
    clock.advance(60);
    const again = await gql(CANCEL, { id: order.id, restock: true });
    expect(again.data.orderCancel).toMatchObject({
      job: null,
      orderCancelUserErrors: [{ field: ["orderId"], code: "INVALID" }],
    });
  });

  it("refuses to restock a paid order into a deactivated location", async () => {
    const { sim, gql, mug } = setupStore();
    const closing = sim.addLocation(SHOP, { name: "Closing soon", kind: "merchant" });
    const order = sim.createOrder(SHOP, { lineItems: [{ variantId: mug.id, quantity: 1 }], locationId: closing.id });
    sim.setLocationActive(closing.id, false);
    const res = await gql(CANCEL, { id: order.id, restock: true });
    expect(res.data.orderCancel).toMatchObject({
      job: null,
      orderCancelUserErrors: [{ field: ["restock"], code: "INVALID" }],
    });
  });

  it("refuses to cancel a fulfilled order", async () => {
    const { sim, gql, mug } = setupStore();
    const order = sim.createOrder(SHOP, { lineItems: [{ variantId: mug.id, quantity: 1 }] });
    const fo = sim.fulfillmentOrdersOf(order.id)[0]!;
    await gql(
      `mutation($id: ID!) { fulfillmentCreate(fulfillment: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: $id }] }) { userErrors { message } } }`,
      { id: fo.id },
    );
    const res = await gql(CANCEL, { id: order.id, restock: true });
    expect(res.data.orderCancel.orderCancelUserErrors[0]).toMatchObject({ code: "INVALID" });
  });
});
