import { describe, expect, it } from "vitest";
import { SHOP, setupStore } from "../tests/support/simulator-fixture";

const HOLD = `mutation($id: ID!, $hold: FulfillmentOrderHoldInput!) { fulfillmentOrderHold(id: $id, fulfillmentHold: $hold) {
  fulfillmentHold { id reason reasonNotes handle displayReason heldByApp { id title } heldByRequestingApp }
  fulfillmentOrder { id status supportedActions { action } lineItems(first: 5) { nodes { id totalQuantity } } }
  remainingFulfillmentOrder { id status lineItems(first: 5) { nodes { totalQuantity } } }
  userErrors { field message code } } }`;
const RELEASE = `mutation($id: ID!, $holdIds: [ID!]) { fulfillmentOrderReleaseHold(id: $id, holdIds: $holdIds) {
  fulfillmentOrder { id status fulfillmentHolds { id handle } } userErrors { field message code } } }`;

function merchantOrder(quantity = 3) {
  const ctx = setupStore();
  const order = ctx.sim.createOrder(SHOP, { lineItems: [{ variantId: ctx.mug.id, quantity }] });
  return { ...ctx, order, fo: ctx.sim.fulfillmentOrdersOf(order.id)[0]! };
}

describe("fulfillment holds", () => {
  it("places a hold attributed to the calling app and offers RELEASE_HOLD", async () => {
    const { sim, gql, fo } = merchantOrder();
    const res = await gql(HOLD, {
      id: fo.id,
      hold: { reason: "AWAITING_PAYMENT", reasonNotes: "Bank transfer", handle: "payment", notifyMerchant: false },
    });
    const p = res.data.fulfillmentOrderHold;
    expect(p.userErrors).toEqual([]);
    expect(p.fulfillmentHold).toMatchObject({
      reason: "AWAITING_PAYMENT",
      reasonNotes: "Bank transfer",
      handle: "payment",
      heldByApp: { id: sim.app.id, title: "Fulfillment Desk" },
      heldByRequestingApp: true,
    });
    expect(p.fulfillmentOrder).toMatchObject({
      id: fo.id,
      status: "ON_HOLD",
      supportedActions: [{ action: "RELEASE_HOLD" }, { action: "HOLD" }, { action: "MOVE" }],
    });
    expect(p.remainingFulfillmentOrder).toBeNull();
    expect(sim.emitted.slice(-2).map((e) => e.topic)).toEqual([
      "fulfillment_holds/added",
      "fulfillment_orders/placed_on_hold",
    ]);
  });

  it("splits the unheld quantities into a remaining fulfillment order on a partial hold", async () => {
    const { gql, fo } = merchantOrder(3);
    const res = await gql(HOLD, {
      id: fo.id,
      hold: { reason: "INVENTORY_OUT_OF_STOCK", fulfillmentOrderLineItems: [{ id: fo.lineItems[0]!.id, quantity: 1 }] },
    });
    const p = res.data.fulfillmentOrderHold;
    expect(p.fulfillmentOrder).toMatchObject({
      id: fo.id,
      status: "ON_HOLD",
      lineItems: { nodes: [{ totalQuantity: 1 }] },
    });
    expect(p.remainingFulfillmentOrder).toMatchObject({ status: "OPEN", lineItems: { nodes: [{ totalQuantity: 2 }] } });
  });

  it("stacks several holds by handle and refuses a duplicate handle", async () => {
    const { gql, fo, sim } = merchantOrder();
    await gql(HOLD, { id: fo.id, hold: { reason: "OTHER", handle: "a" } });
    const second = await gql(HOLD, { id: fo.id, hold: { reason: "HIGH_RISK_OF_FRAUD", handle: "b" } });
    expect(second.data.fulfillmentOrderHold.userErrors).toEqual([]);
    expect(sim.getFulfillmentOrder(fo.id).holds.map((h) => h.handle)).toEqual(["a", "b"]);
    const dup = await gql(HOLD, { id: fo.id, hold: { reason: "OTHER", handle: "a" } });
    expect(dup.data.fulfillmentOrderHold.userErrors[0]).toMatchObject({
      code: "DUPLICATE_FULFILLMENT_HOLD_HANDLE",
      field: ["fulfillmentHold", "handle"],
    });
  });

  it("refuses to hold a closed fulfillment order", async () => {
    const { gql, fo } = merchantOrder();
    await gql(
      `mutation($id: ID!) { fulfillmentCreate(fulfillment: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: $id }] }) { userErrors { message } } }`,
      { id: fo.id },
    );
    const res = await gql(HOLD, { id: fo.id, hold: { reason: "OTHER" } });
    expect(res.data.fulfillmentOrderHold).toMatchObject({ fulfillmentHold: null, userErrors: [{ field: ["id"] }] });
  });

  it("releases one hold by id, keeping the fulfillment order on hold while others remain", async () => {
    const { gql, fo, sim } = merchantOrder();
    const a = (await gql(HOLD, { id: fo.id, hold: { reason: "OTHER", handle: "a" } })).data.fulfillmentOrderHold
      .fulfillmentHold.id;
    await gql(HOLD, { id: fo.id, hold: { reason: "OTHER", handle: "b" } });
    const one = await gql(RELEASE, { id: fo.id, holdIds: [a] });
    expect(one.data.fulfillmentOrderReleaseHold.fulfillmentOrder).toMatchObject({
      status: "ON_HOLD",
      fulfillmentHolds: [{ handle: "b" }],
    });
    const all = await gql(RELEASE, { id: fo.id });
    expect(all.data.fulfillmentOrderReleaseHold.fulfillmentOrder).toMatchObject({
      status: "OPEN",
      fulfillmentHolds: [],
    });
    expect(sim.emitted.at(-1)?.topic).toBe("fulfillment_orders/hold_released");
  });

  it("refuses to release a hold id that isn't on the fulfillment order", async () => {
    const { gql, fo } = merchantOrder();
    await gql(HOLD, { id: fo.id, hold: { reason: "OTHER" } });
    const res = await gql(RELEASE, { id: fo.id, holdIds: ["gid://shopify/FulfillmentHold/424242"] });
    expect(res.data.fulfillmentOrderReleaseHold).toMatchObject({
      fulfillmentOrder: null,
      userErrors: [{ field: ["holdIds"] }],
    });
  });

  it("shows another app's hold as not held by the requesting app", async () => {
    const { sim, gql, fo } = merchantOrder();
    sim.placeHoldAsOtherApp(fo.id, { reason: "HIGH_RISK_OF_FRAUD", handle: "fraud", appTitle: "Fraud Guard" });
    const res = await gql(
      `query($id: ID!) { fulfillmentOrder(id: $id) { status fulfillmentHolds { reason handle heldByApp { title } heldByRequestingApp } } }`,
      { id: fo.id },
    );
    expect(res.data.fulfillmentOrder).toEqual({
      status: "ON_HOLD",
      fulfillmentHolds: [
        {
          reason: "HIGH_RISK_OF_FRAUD",
          handle: "fraud",
          heldByApp: { title: "Fraud Guard" },
          heldByRequestingApp: false,
        },
      ],
    });
  });

  it("releases only the given holds, but every hold — other apps' too — when holdIds is omitted", async () => {
    const { sim, gql, fo } = merchantOrder();
    sim.placeHoldAsOtherApp(fo.id, { reason: "HIGH_RISK_OF_FRAUD", handle: "fraud", appTitle: "Fraud Guard" });
    const mine = (await gql(HOLD, { id: fo.id, hold: { reason: "OTHER", handle: "mine" } })).data.fulfillmentOrderHold
      .fulfillmentHold.id;
    const byId = await gql(RELEASE, { id: fo.id, holdIds: [mine] });
    expect(byId.data.fulfillmentOrderReleaseHold.fulfillmentOrder).toMatchObject({
      status: "ON_HOLD",
      fulfillmentHolds: [{ handle: "fraud" }],
    });
    await gql(HOLD, { id: fo.id, hold: { reason: "OTHER", handle: "mine" } });
    const all = await gql(RELEASE, { id: fo.id });
    expect(all.data.fulfillmentOrderReleaseHold.fulfillmentOrder).toMatchObject({
      status: "OPEN",
      fulfillmentHolds: [],
    });
  });
});

describe("post-purchase cross-sell hold", () => {
  it("holds the fulfillment order until the post-purchase offer completes, then adds the accepted items", async () => {
    const { sim, gql, mug, tee, warehouse } = setupStore();
    const order = sim.createOrder(SHOP, { lineItems: [{ variantId: mug.id, quantity: 1 }], postPurchaseOffer: true });
    const fo = sim.fulfillmentOrdersOf(order.id)[0]!;
    const q = `query($id: ID!) { fulfillmentOrder(id: $id) { status supportedActions { action } fulfillmentHolds { reason heldByApp { id } heldByRequestingApp }
      lineItems(first: 5) { nodes { totalQuantity lineItem { sku } } } order { displayFulfillmentStatus } } }`;
    const held = await gql(q, { id: fo.id });
    expect(held.data.fulfillmentOrder).toMatchObject({
      status: "ON_HOLD",
      supportedActions: [{ action: "HOLD" }, { action: "MOVE" }],
      fulfillmentHolds: [
        { reason: "ONLINE_STORE_POST_PURCHASE_CROSS_SELL", heldByApp: null, heldByRequestingApp: false },
      ],
      order: { displayFulfillmentStatus: "ON_HOLD" },
    });
    sim.completePostPurchase(order.id, { addLineItems: [{ variantId: tee.id, quantity: 2 }] });
    const released = await gql(q, { id: fo.id });
    expect(released.data.fulfillmentOrder).toMatchObject({
      status: "OPEN",
      fulfillmentHolds: [],
      lineItems: {
        nodes: [
          { totalQuantity: 1, lineItem: { sku: "MUG-1" } },
          { totalQuantity: 2, lineItem: { sku: "TEE-1" } },
        ],
      },
      order: { displayFulfillmentStatus: "UNFULFILLED" },
    });
    expect(sim.inventoryLevel(tee.id, warehouse.id)).toEqual({ available: 8, committed: 2 });
    expect(sim.emitted.map((e) => e.topic)).toContain("fulfillment_orders/hold_released");
  });

  it("won't let the app release Shopify's post-purchase hold", async () => {
    const { sim, gql, mug } = setupStore();
    const order = sim.createOrder(SHOP, { lineItems: [{ variantId: mug.id, quantity: 1 }], postPurchaseOffer: true });
    const fo = sim.fulfillmentOrdersOf(order.id)[0]!;
    const byId = await gql(RELEASE, { id: fo.id, holdIds: [fo.holds[0]!.id] });
    expect(byId.data.fulfillmentOrderReleaseHold.userErrors[0]).toMatchObject({ code: "INVALID_ACCESS" });
    const all = await gql(RELEASE, { id: fo.id });
    expect(all.data.fulfillmentOrderReleaseHold.fulfillmentOrder).toMatchObject({
      status: "ON_HOLD",
      fulfillmentHolds: [{ handle: null }],
    });
  });
});
