import { describe, expect, it } from "vitest";
import { SHOP, setupStore } from "../tests/support/simulator-fixture";

const MERGE = `mutation($inputs: [FulfillmentOrderMergeInput!]!) { fulfillmentOrderMerge(fulfillmentOrderMergeInputs: $inputs) {
  fulfillmentOrderMerges { fulfillmentOrder { id status requestStatus assignedLocation { location { id } }
    lineItems(first: 5) { nodes { totalQuantity remainingQuantity lineItem { sku } } } } }
  userErrors { field message code } } }`;

const SPLIT = `mutation($splits: [FulfillmentOrderSplitInput!]!) { fulfillmentOrderSplit(fulfillmentOrderSplits: $splits) {
  fulfillmentOrderSplits { remainingFulfillmentOrder { id } } userErrors { message } } }`;

const ACTIONS = `query($id: ID!) { fulfillmentOrder(id: $id) { supportedActions { action } } }`;

/** An order of 3 mugs whose FO was split into 2 + 1 at the warehouse. */
async function splitOrder() {
  const ctx = setupStore();
  const order = ctx.sim.createOrder(SHOP, { lineItems: [{ variantId: ctx.mug.id, quantity: 3 }] });
  const fo = ctx.sim.fulfillmentOrdersOf(order.id)[0]!;
  const split = await ctx.gql(SPLIT, {
    splits: [{ fulfillmentOrderId: fo.id, fulfillmentOrderLineItems: [{ id: fo.lineItems[0]!.id, quantity: 1 }] }],
  });
  const rest = split.data.fulfillmentOrderSplit.fulfillmentOrderSplits[0].remainingFulfillmentOrder.id as string;
  return { ...ctx, order, fo, rest };
}

const intents = (...ids: string[]) => [{ mergeIntents: ids.map((fulfillmentOrderId) => ({ fulfillmentOrderId })) }];
const actionsOf = async (gql: ReturnType<typeof setupStore>["gql"], id: string) =>
  ((await gql(ACTIONS, { id })).data.fulfillmentOrder.supportedActions as { action: string }[]).map((a) => a.action);

describe("fulfillmentOrderMerge", () => {
  it("merges the FOs into a new one at their location, closes the emptied ones and sends fulfillment_orders/merged", async () => {
    const { sim, gql, fo, rest, order, warehouse, mug } = await splitOrder();
    const res = await gql(MERGE, { inputs: intents(fo.id, rest) });
    expect(res.data.fulfillmentOrderMerge.userErrors).toEqual([]);
    const [merged] = res.data.fulfillmentOrderMerge.fulfillmentOrderMerges;
    expect(merged.fulfillmentOrder).toMatchObject({
      status: "OPEN",
      requestStatus: "UNSUBMITTED",
      assignedLocation: { location: { id: warehouse.id } },
      lineItems: { nodes: [{ totalQuantity: 3, remainingQuantity: 3, lineItem: { sku: "MUG-1" } }] },
    });
    expect([fo.id, rest]).not.toContain(merged.fulfillmentOrder.id);
    const statuses = Object.fromEntries(sim.fulfillmentOrdersOf(order.id).map((x) => [x.id, x.status]));
    expect(statuses).toEqual({ [fo.id]: "CLOSED", [rest]: "CLOSED", [merged.fulfillmentOrder.id]: "OPEN" });
    const event = sim.emitted.find((e) => e.topic === "fulfillment_orders/merged");
    expect(event?.payload).toMatchObject({
      merge_intents: [
        { fulfillment_order_id: Number(fo.id.split("/").pop()) },
        { fulfillment_order_id: Number(rest.split("/").pop()) },
      ],
      fulfillment_order_merges: { fulfillment_order: { id: merged.fulfillmentOrder.id, status: "open" } },
    });
    // Same location: the stock stays committed where it was.
    expect(sim.inventoryLevel(mug.id, warehouse.id)).toEqual({ available: 7, committed: 3 });
  });

  it("merges only the named quantities and leaves the rest on the source", async () => {
    const { sim, gql, fo, rest } = await splitOrder();
    const line = sim.getFulfillmentOrder(fo.id).lineItems[0]!;
    const res = await gql(MERGE, {
      inputs: [
        {
          mergeIntents: [
            { fulfillmentOrderId: fo.id, fulfillmentOrderLineItems: [{ id: line.id, quantity: 1 }] },
            { fulfillmentOrderId: rest },
          ],
        },
      ],
    });
    expect(res.data.fulfillmentOrderMerge.userErrors).toEqual([]);
    expect(res.data.fulfillmentOrderMerge.fulfillmentOrderMerges[0].fulfillmentOrder.lineItems.nodes).toEqual([
      { totalQuantity: 2, remainingQuantity: 2, lineItem: { sku: "MUG-1" } },
    ]);
    expect(sim.getFulfillmentOrder(fo.id)).toMatchObject({
      status: "OPEN",
      lineItems: [{ id: line.id, totalQuantity: 1, remainingQuantity: 1 }],
    });
  });

  it("joins an accepted post-purchase offer's FO with the order's first FO", async () => {
    const { sim, gql, mug, tee } = setupStore();
    const order = sim.createOrder(SHOP, { lineItems: [{ variantId: mug.id, quantity: 1 }], postPurchaseOffer: true });
    sim.completePostPurchase(order.id, { addLineItems: [{ variantId: tee.id, quantity: 2 }] });
    const [first, upsell] = sim.fulfillmentOrdersOf(order.id);
    const res = await gql(MERGE, { inputs: intents(first!.id, upsell!.id) });
    expect(res.data.fulfillmentOrderMerge.userErrors).toEqual([]);
    expect(res.data.fulfillmentOrderMerge.fulfillmentOrderMerges[0].fulfillmentOrder.lineItems.nodes).toEqual([
      { totalQuantity: 1, remainingQuantity: 1, lineItem: { sku: "MUG-1" } },
      { totalQuantity: 2, remainingQuantity: 2, lineItem: { sku: "TEE-1" } },
    ]);
    expect(sim.fulfillmentOrdersOf(order.id).filter((x) => x.status === "OPEN")).toHaveLength(1);
  });

  it.each([
    [
      "an unknown FO",
      async (c: Awaited<ReturnType<typeof splitOrder>>) => intents(c.fo.id, "gid://shopify/FulfillmentOrder/999999"),
      {
        code: "FULFILLMENT_ORDER_NOT_FOUND",
        field: ["fulfillmentOrderMergeInputs", "0", "mergeIntents", "1", "fulfillmentOrderId"],
      },
    ],
    [
      "a single FO",
      async (c: Awaited<ReturnType<typeof splitOrder>>) => intents(c.fo.id),
      { code: null, field: ["fulfillmentOrderMergeInputs", "0", "mergeIntents"] },
    ],
    [
      "the same FO twice",
      async (c: Awaited<ReturnType<typeof splitOrder>>) => intents(c.fo.id, c.fo.id),
      { code: null, field: ["fulfillmentOrderMergeInputs", "0", "mergeIntents", "1", "fulfillmentOrderId"] },
    ],
    [
      "an FO on hold",
      async (c: Awaited<ReturnType<typeof splitOrder>>) => {
        c.sim.placeHoldAsOtherApp(c.rest, { reason: "HIGH_RISK_OF_FRAUD", appTitle: "Fraud Filter" });
        return intents(c.fo.id, c.rest);
      },
      { code: null, field: ["fulfillmentOrderMergeInputs", "0", "mergeIntents", "1", "fulfillmentOrderId"] },
    ],
    [
      "FOs at different locations",
      async (c: Awaited<ReturnType<typeof splitOrder>>) => {
        await c.gql(
          `mutation($id: ID!, $to: ID!) { fulfillmentOrderMove(id: $id, newLocationId: $to) { userErrors { message } } }`,
          { id: c.rest, to: c.thirdParty.id },
        );
        return intents(c.fo.id, c.rest);
      },
      { code: null, field: ["fulfillmentOrderMergeInputs", "0", "mergeIntents", "1", "fulfillmentOrderId"] },
    ],
    [
      "FOs of different orders",
      async (c: Awaited<ReturnType<typeof splitOrder>>) => {
        const other = c.sim.createOrder(SHOP, { lineItems: [{ variantId: c.mug.id, quantity: 1 }] });
        return intents(c.fo.id, c.sim.fulfillmentOrdersOf(other.id)[0]!.id);
      },
      { code: null, field: ["fulfillmentOrderMergeInputs", "0", "mergeIntents", "1", "fulfillmentOrderId"] },
    ],
    [
      "more than an FO line has",
      async (c: Awaited<ReturnType<typeof splitOrder>>) => [
        {
          mergeIntents: [
            { fulfillmentOrderId: c.fo.id, fulfillmentOrderLineItems: [{ id: c.fo.lineItems[0]!.id, quantity: 5 }] },
            { fulfillmentOrderId: c.rest },
          ],
        },
      ],
      {
        code: "INVALID_LINE_ITEM_QUANTITY",
        field: ["fulfillmentOrderMergeInputs", "0", "mergeIntents", "0", "fulfillmentOrderLineItems", "0", "quantity"],
      },
    ],
    [
      "a quantity of 0",
      async (c: Awaited<ReturnType<typeof splitOrder>>) => [
        {
          mergeIntents: [
            { fulfillmentOrderId: c.fo.id, fulfillmentOrderLineItems: [{ id: c.fo.lineItems[0]!.id, quantity: 0 }] },
            { fulfillmentOrderId: c.rest },
          ],
        },
      ],
      {
        code: "GREATER_THAN",
        field: ["fulfillmentOrderMergeInputs", "0", "mergeIntents", "0", "fulfillmentOrderLineItems", "0", "quantity"],
      },
    ],
  ])("refuses %s and changes nothing", async (_case, inputsFor, error) => {
    const c = await splitOrder();
    const inputs = await inputsFor(c);
    const before = c.sim.fulfillmentOrdersOf(c.order.id);
    const emitted = c.sim.emitted.length;
    const res = await c.gql(MERGE, { inputs });
    expect(res.data.fulfillmentOrderMerge).toMatchObject({
      fulfillmentOrderMerges: null,
      userErrors: [expect.objectContaining(error)],
    });
    expect(c.sim.fulfillmentOrdersOf(c.order.id)).toEqual(before);
    expect(c.sim.emitted).toHaveLength(emitted);
  });

  it("refuses an FO already submitted to the 3PL", async () => {
    const { sim, gql, mug, thirdParty } = setupStore();
    const order = sim.createOrder(SHOP, { lineItems: [{ variantId: mug.id, quantity: 2 }], locationId: thirdParty.id });
    const fo = sim.fulfillmentOrdersOf(order.id)[0]!;
    const line = fo.lineItems[0]!.id;
    await gql(
      `mutation($id: ID!, $items: [FulfillmentOrderLineItemInput!]) { fulfillmentOrderSubmitFulfillmentRequest(id: $id, fulfillmentOrderLineItems: $items) { userErrors { message } } }`,
      { id: fo.id, items: [{ id: line, quantity: 1 }] },
    );
    const [submitted, unsubmitted] = sim.fulfillmentOrdersOf(order.id);
    expect(submitted!.requestStatus).toBe("SUBMITTED");
    const res = await gql(MERGE, { inputs: intents(submitted!.id, unsubmitted!.id) });
    expect(res.data.fulfillmentOrderMerge.userErrors).toEqual([
      expect.objectContaining({
        field: ["fulfillmentOrderMergeInputs", "0", "mergeIntents", "0", "fulfillmentOrderId"],
      }),
    ]);
  });
});

describe("the MERGE supported action", () => {
  it("is offered only while another open, unsubmitted, unheld FO of the order waits at the same location", async () => {
    const { sim, gql, mug } = setupStore();
    const single = sim.createOrder(SHOP, { lineItems: [{ variantId: mug.id, quantity: 3 }] });
    expect(await actionsOf(gql, sim.fulfillmentOrdersOf(single.id)[0]!.id)).not.toContain("MERGE");
    const c = await splitOrder();
    expect(await actionsOf(c.gql, c.fo.id)).toContain("MERGE");
    expect(await actionsOf(c.gql, c.rest)).toContain("MERGE");
    c.sim.placeHoldAsOtherApp(c.rest, { reason: "HIGH_RISK_OF_FRAUD", appTitle: "Fraud Filter" });
    expect(await actionsOf(c.gql, c.fo.id)).not.toContain("MERGE");
    expect(await actionsOf(c.gql, c.rest)).not.toContain("MERGE");
  });
});
