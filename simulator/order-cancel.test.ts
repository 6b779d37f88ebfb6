import { describe, expect, it } from "vitest";
import { SHOP, setupStore } from "../tests/support/simulator-fixture";

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

  describe("refunds", () => {
    const CANCEL_REFUND = `mutation($id: ID!, $refundMethod: OrderCancelRefundMethodInput) {
      orderCancel(orderId: $id, reason: CUSTOMER, restock: true, refundMethod: $refundMethod) {
        job { id done } orderCancelUserErrors { field message code } } }`;
    const ORDER = `query($id: ID!) { order(id: $id) {
      displayFinancialStatus cancelledAt totalRefundedSet { shopMoney { amount currencyCode } }
      refunds(first: 5) { id totalRefundedSet { shopMoney { amount } } } } }`;

    it.each(["2026-10", "2026-07"] as const)(
      "refunds a paid pickup order to its original payment methods and restocks its store (%s)",
      async (apiVersion) => {
        const { sim, gql, mug, store, clock } = setupStore();
        const order = sim.createOrder(SHOP, {
          lineItems: [{ variantId: mug.id, quantity: 2 }],
          locationId: store.id,
          deliveryMethod: "PICK_UP",
        });
        expect(sim.inventoryLevel(mug.id, store.id)).toEqual({ available: 3, committed: 2 });

        const res = await sim.graphql(
          SHOP,
          CANCEL_REFUND,
          { id: order.id, refundMethod: { originalPaymentMethodsRefund: true } },
          { apiVersion },
        );
        expect(res.errors).toBeUndefined();
        expect(
          (res.data as { orderCancel: { orderCancelUserErrors: unknown[] } }).orderCancel.orderCancelUserErrors,
        ).toEqual([]);
        // Nothing happens before the job completes.
        expect((await gql(ORDER, { id: order.id })).data.order.displayFinancialStatus).toBe("PAID");

        clock.advance(50);
        const after = (await gql(ORDER, { id: order.id })).data.order;
        expect(after).toMatchObject({
          displayFinancialStatus: "REFUNDED",
          cancelledAt: expect.any(String),
          totalRefundedSet: { shopMoney: { amount: "25.0", currencyCode: "USD" } },
          refunds: [
            {
              id: expect.stringMatching(/^gid:\/\/shopify\/Refund\//),
              totalRefundedSet: { shopMoney: { amount: "25.0" } },
            },
          ],
        });
        expect(sim.inventoryLevel(mug.id, store.id)).toEqual({ available: 5, committed: 0 });
      },
    );

    it("leaves a paid order PAID, with no refund, when no refund method is given", async () => {
      const { sim, gql, mug, clock } = setupStore();
      const order = sim.createOrder(SHOP, { lineItems: [{ variantId: mug.id, quantity: 1 }] });
      await gql(CANCEL_REFUND, { id: order.id, refundMethod: null });
      clock.advance(50);
      const after = (await gql(ORDER, { id: order.id })).data.order;
      expect(after).toMatchObject({ displayFinancialStatus: "PAID", refunds: [], cancelledAt: expect.any(String) });
      expect(after.totalRefundedSet.shopMoney.amount).toBe("0.0");
    });

    it("has nothing to refund on an unpaid order", async () => {
      const { sim, gql, mug, clock } = setupStore();
      const order = sim.createOrder(SHOP, {
        lineItems: [{ variantId: mug.id, quantity: 1 }],
        financialStatus: "PENDING",
      });
      await gql(CANCEL_REFUND, { id: order.id, refundMethod: { originalPaymentMethodsRefund: true } });
      clock.advance(50);
      expect((await gql(ORDER, { id: order.id })).data.order).toMatchObject({
        displayFinancialStatus: "PENDING",
        refunds: [],
      });
    });

    it("rejects a refund method naming both ways, as Shopify's @oneOf input does", async () => {
      const { sim, gql, mug } = setupStore();
      const order = sim.createOrder(SHOP, { lineItems: [{ variantId: mug.id, quantity: 1 }] });
      const res = await gql(CANCEL_REFUND, {
        id: order.id,
        refundMethod: { originalPaymentMethodsRefund: true, storeCreditRefund: {} },
      });
      expect(res.errors?.length).toBeGreaterThan(0);
      expect(sim.getOrder(order.id).cancelledAt).toBeNull();
    });
  });
});
