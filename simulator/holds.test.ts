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

  it.each([
    ["some of its lines", (fo: { lineItems: { id: string }[] }) => [{ id: fo.lineItems[0]!.id, quantity: 1 }]],
    ["every line", (fo: { lineItems: { id: string }[] }) => [{ id: fo.lineItems[0]!.id, quantity: 3 }]],
  ])("refuses a hold naming %s on a fulfillment order already on hold: not splittable", async (_name, lines) => {
    const { gql, fo, sim } = merchantOrder(3);
    await gql(HOLD, { id: fo.id, hold: { reason: "OTHER", handle: "first" } });
    const res = await gql(HOLD, {
      id: fo.id,
      hold: { reason: "OTHER", handle: "second", fulfillmentOrderLineItems: lines(fo) },
    });
    expect(res.data.fulfillmentOrderHold).toMatchObject({
      fulfillmentHold: null,
      userErrors: [
        { code: "FULFILLMENT_ORDER_NOT_SPLITTABLE", field: ["fulfillmentHold", "fulfillmentOrderLineItems"] },
      ],
    });
    expect(sim.getFulfillmentOrder(fo.id).holds.map((h) => h.handle)).toEqual(["first"]);
  });

  it("releases every hold when only an externalId is given: it names the releaser, it is no filter", async () => {
    const { gql, fo, sim } = merchantOrder();
    await gql(HOLD, { id: fo.id, hold: { reason: "OTHER", handle: "a", externalId: "wms-1" } });
    await gql(HOLD, { id: fo.id, hold: { reason: "OTHER", handle: "b", externalId: "wms-2" } });
    const res = await gql(
      `mutation($id: ID!, $externalId: String) { fulfillmentOrderReleaseHold(id: $id, externalId: $externalId) {
        fulfillmentOrder { status fulfillmentHolds { handle } } userErrors { code } } }`,
      { id: fo.id, externalId: "wms-1" },
    );
    expect(res.data.fulfillmentOrderReleaseHold).toMatchObject({
      fulfillmentOrder: { status: "OPEN", fulfillmentHolds: [] },
      userErrors: [],
    });
    expect(sim.getFulfillmentOrder(fo.id).holds).toEqual([]);
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
  it("holds the fulfillment order until the post-purchase offer completes, then puts the accepted items on a new FO at the same location", async () => {
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
      lineItems: { nodes: [{ totalQuantity: 1, lineItem: { sku: "MUG-1" } }] },
      order: { displayFulfillmentStatus: "UNFULFILLED" },
    });
    // The accepted items: a new open FO at the held FO's location, which the two can merge with.
    const upsell = sim.fulfillmentOrdersOf(order.id).find((x) => x.id !== fo.id)!;
    expect(upsell).toMatchObject({ status: "OPEN", requestStatus: "UNSUBMITTED", locationId: warehouse.id, holds: [] });
    const actions = async (id: string) =>
      ((await gql(q, { id })).data.fulfillmentOrder.supportedActions as { action: string }[]).map((a) => a.action);
    expect(await actions(fo.id)).toContain("MERGE");
    expect(await actions(upsell.id)).toContain("MERGE");
    expect((await gql(q, { id: upsell.id })).data.fulfillmentOrder.lineItems.nodes).toEqual([
      { totalQuantity: 2, lineItem: { sku: "TEE-1" } },
    ]);
    expect(sim.inventoryLevel(tee.id, warehouse.id)).toEqual({ available: 8, committed: 2 });
    expect(sim.emitted.map((e) => e.topic)).toContain("fulfillment_orders/hold_released");
  });

  type OrderBody = { line_items: { id: number; fulfillable_quantity: number }[] };
  const lastBody = (sim: ReturnType<typeof setupStore>["sim"], topic: string) =>
    sim.emitted.filter((e) => e.topic === topic).at(-1)?.payload as OrderBody & {
      order_edit: { order_id: number; line_items: { additions: { id: number; delta: number }[] } };
    };
  const legacy = (gid: string) => Number(gid.split("/").pop());

  it("reports fulfillable_quantity 0 in order webhooks while held, and the full quantity once released", () => {
    const { sim, mug } = setupStore();
    const order = sim.createOrder(SHOP, { lineItems: [{ variantId: mug.id, quantity: 3 }], postPurchaseOffer: true });
    expect(lastBody(sim, "orders/create").line_items.map((li) => li.fulfillable_quantity)).toEqual([0]);
    sim.completePostPurchase(order.id);
    expect(lastBody(sim, "orders/updated").line_items.map((li) => li.fulfillable_quantity)).toEqual([3]);
  });

  it("sends an accepted offer as an order edit (orders/edited) naming the added line", () => {
    const { sim, mug, tee } = setupStore();
    const order = sim.createOrder(SHOP, { lineItems: [{ variantId: mug.id, quantity: 1 }], postPurchaseOffer: true });
    sim.completePostPurchase(order.id, { addLineItems: [{ variantId: tee.id, quantity: 2 }] });
    const added = sim.getOrder(order.id).lineItems[1]!;
    expect(lastBody(sim, "orders/edited").order_edit).toMatchObject({
      order_id: legacy(order.id),
      line_items: { additions: [{ id: legacy(added.id), delta: 2 }] },
    });
  });

  it("releases the hold without an order edit when the buyer declines or reaches the thank-you page", () => {
    const { sim, mug } = setupStore();
    const order = sim.createOrder(SHOP, { lineItems: [{ variantId: mug.id, quantity: 1 }], postPurchaseOffer: true });
    sim.completePostPurchase(order.id);
    expect(sim.fulfillmentOrdersOf(order.id)[0]).toMatchObject({ status: "OPEN", holds: [] });
    expect(sim.emitted.map((e) => e.topic)).not.toContain("orders/edited");
  });

  it("lifts the hold by itself 60 minutes after the order when the buyer never answers", async () => {
    const { sim, gql, mug, clock } = setupStore();
    const order = sim.createOrder(SHOP, { lineItems: [{ variantId: mug.id, quantity: 1 }], postPurchaseOffer: true });
    const fo = sim.fulfillmentOrdersOf(order.id)[0]!;
    const status = async () =>
      (await gql(`query($id: ID!) { fulfillmentOrder(id: $id) { status } }`, { id: fo.id })).data.fulfillmentOrder
        .status as string;
    clock.advance(60 * 60_000 - 1_000);
    expect(await status()).toBe("ON_HOLD");
    clock.advance(1_000);
    expect(await status()).toBe("OPEN");
    expect(sim.emitted.slice(-3).map((e) => e.topic)).toEqual([
      "fulfillment_holds/released",
      "fulfillment_orders/hold_released",
      "orders/updated",
    ]);
    expect(lastBody(sim, "orders/updated").line_items.map((li) => li.fulfillable_quantity)).toEqual([1]);
  });

  it("counts the 60 minutes from when the order was placed", async () => {
    const { sim, gql, mug, clock } = setupStore();
    const placed = new Date(clock.now().getTime() - 61 * 60_000);
    const order = sim.createOrder(SHOP, {
      lineItems: [{ variantId: mug.id, quantity: 1 }],
      postPurchaseOffer: true,
      createdAt: placed,
    });
    const fo = sim.fulfillmentOrdersOf(order.id)[0]!;
    const res = await gql(`query($id: ID!) { fulfillmentOrder(id: $id) { status } }`, { id: fo.id });
    expect(res.data.fulfillmentOrder.status).toBe("OPEN");
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
