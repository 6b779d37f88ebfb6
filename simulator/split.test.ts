import { describe, expect, it } from "vitest";
import { SHOP, setupStore } from "../tests/support/simulator-fixture";

const SPLIT = `mutation($splits: [FulfillmentOrderSplitInput!]!) { fulfillmentOrderSplit(fulfillmentOrderSplits: $splits) {
  fulfillmentOrderSplits {
    fulfillmentOrder { id status lineItems(first: 5) { nodes { id totalQuantity remainingQuantity } } }
    remainingFulfillmentOrder { id status assignedLocation { location { id } } lineItems(first: 5) { nodes { totalQuantity } } }
    replacementFulfillmentOrder { id }
  }
  userErrors { field message code } } }`;

function order(quantity = 3) {
  const ctx = setupStore();
  const created = ctx.sim.createOrder(SHOP, { lineItems: [{ variantId: ctx.mug.id, quantity }] });
  return { ...ctx, fo: ctx.sim.fulfillmentOrdersOf(created.id)[0]! };
}

describe("fulfillmentOrderSplit", () => {
  it("moves the given quantities into a new FO at the same location and sends fulfillment_orders/split", async () => {
    const { sim, gql, fo, warehouse } = order(3);
    const line = fo.lineItems[0]!;
    const res = await gql(SPLIT, {
      splits: [{ fulfillmentOrderId: fo.id, fulfillmentOrderLineItems: [{ id: line.id, quantity: 1 }] }],
    });
    const [split] = res.data.fulfillmentOrderSplit.fulfillmentOrderSplits;
    expect(res.data.fulfillmentOrderSplit.userErrors).toEqual([]);
    expect(split.fulfillmentOrder.lineItems.nodes).toEqual([{ id: line.id, totalQuantity: 2, remainingQuantity: 2 }]);
    expect(split.remainingFulfillmentOrder).toMatchObject({
      status: "OPEN",
      assignedLocation: { location: { id: warehouse.id } },
      lineItems: { nodes: [{ totalQuantity: 1 }] },
    });
    expect(split.replacementFulfillmentOrder).toBeNull();
    const event = sim.emitted.find((e) => e.topic === "fulfillment_orders/split");
    expect(event?.payload).toMatchObject({
      fulfillment_order: { id: fo.id },
      remaining_fulfillment_order: { id: split.remainingFulfillmentOrder.id },
    });
  });

  it("refuses to split off every remaining unit", async () => {
    const { gql, fo } = order(2);
    const res = await gql(SPLIT, {
      splits: [{ fulfillmentOrderId: fo.id, fulfillmentOrderLineItems: [{ id: fo.lineItems[0]!.id, quantity: 2 }] }],
    });
    expect(res.data.fulfillmentOrderSplit.fulfillmentOrderSplits).toBeNull();
    expect(res.data.fulfillmentOrderSplit.userErrors).toEqual([
      expect.objectContaining({
        code: "GREATER_THAN",
        field: ["fulfillmentOrderSplits", "0", "fulfillmentOrderLineItems"],
      }),
    ]);
  });

  it("refuses quantities above what remains and unknown FOs", async () => {
    const { gql, fo } = order(2);
    const res = await gql(SPLIT, {
      splits: [
        { fulfillmentOrderId: fo.id, fulfillmentOrderLineItems: [{ id: fo.lineItems[0]!.id, quantity: 5 }] },
        {
          fulfillmentOrderId: "gid://shopify/FulfillmentOrder/999999",
          fulfillmentOrderLineItems: [{ id: "x", quantity: 1 }],
        },
      ],
    });
    const codes = res.data.fulfillmentOrderSplit.userErrors.map((e: { code: string }) => e.code);
    expect(codes).toEqual(["INVALID_LINE_ITEM_QUANTITY", "FULFILLMENT_ORDER_NOT_FOUND"]);
  });
});
