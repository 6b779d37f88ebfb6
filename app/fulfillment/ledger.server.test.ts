import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { shopAdminGraphql } from "~/shopify/admin/shop-admin.server";
import { seedLocations } from "../../tests/support/seed";
import { installShop, type SimulatorHarness, startSimulator } from "../../tests/support/simulator";
import { refreshOrder } from "./refresh-order.server";

// What the ledger keeps of an order for automation rules: each line's vendor and product tags,
// where each FO ships, when the order's lines last changed and when Shopify's post-purchase hold
// was first seen.
let h: SimulatorHarness;
let clock = Date.parse("2026-11-20T10:00:00Z");
let n = 0;

async function shopWithStock() {
  const shop = `ledger-${++n}.myshopify.com`;
  await installShop(h.sim, shop);
  return { shop, s: seedLocations(h.sim, shop) };
}

async function refresh(shop: string, orderId: string, now = new Date(clock)) {
  const graphql = await shopAdminGraphql(shop);
  await refreshOrder(graphql!, shop, orderId, { source: "webhook", now });
}

const orderRow = (shop: string, shopifyId: string) =>
  prisma.order.findUniqueOrThrow({ where: { shop_shopifyId: { shop, shopifyId } } });

beforeEach(() => {
  h = startSimulator({ now: () => new Date(clock) });
});
afterEach(() => h.close());

describe("line facts and destination", () => {
  it("stores each line's vendor and product tags and the FO's destination country and province code", async () => {
    const { shop, s } = await shopWithStock();
    const order = h.sim.createOrder(shop, {
      lineItems: [
        { variantId: s.mug.id, quantity: 1 },
        { variantId: s.tee.id, quantity: 2 },
      ],
      shippingAddress: { countryCode: "US", provinceCode: "NY", province: "New York" },
    });
    h.sim.deleteProduct(shop, s.tee.id);
    await refresh(shop, order.id);
    const fo = await prisma.fulfillmentOrder.findFirstOrThrow({ where: { shop, orderShopifyId: order.id } });
    expect(fo).toMatchObject({ destinationCountryCode: "US", destinationProvinceCode: "NY" });
    const lines = fo.lineItems as { sku: string; vendor: string | null; productTags: string[] }[];
    expect(lines.map(({ sku, vendor, productTags }) => ({ sku, vendor, productTags }))).toEqual([
      { sku: "MUG-1", vendor: "Clayworks", productTags: ["ceramics", "fragile"] },
      // The product is gone: no tags, the line still names its vendor.
      { sku: "TEE-1", vendor: "Loomhouse", productTags: [] },
    ]);
  });

  it("stores each line's variant id, which the upsell statistics match the offer's variant by", async () => {
    const { shop, s } = await shopWithStock();
    const order = h.sim.createOrder(shop, {
      lineItems: [
        { variantId: s.mug.id, quantity: 1 },
        { variantId: s.tee.id, quantity: 2 },
      ],
    });
    await refresh(shop, order.id);
    const fo = await prisma.fulfillmentOrder.findFirstOrThrow({ where: { shop, orderShopifyId: order.id } });
    const lines = fo.lineItems as { variantId: string | null }[];
    expect(lines.map((l) => l.variantId)).toEqual([s.mug.id, s.tee.id]);
  });

  it("stores no destination for a pickup FO", async () => {
    const { shop, s } = await shopWithStock();
    const order = h.sim.createOrder(shop, {
      lineItems: [{ variantId: s.mug.id, quantity: 1 }],
      locationId: s.pickup.id,
      deliveryMethod: "PICK_UP",
    });
    await refresh(shop, order.id);
    const fo = await prisma.fulfillmentOrder.findFirstOrThrow({ where: { shop, orderShopifyId: order.id } });
    expect(fo).toMatchObject({ destinationCountryCode: null, destinationProvinceCode: null });
  });

  it("updates the destination when a later snapshot differs only there", async () => {
    const { shop, s } = await shopWithStock();
    const order = h.sim.createOrder(shop, { lineItems: [{ variantId: s.mug.id, quantity: 1 }] });
    await refresh(shop, order.id);
    // The ledger had missed the destination (a row written before it was read): the next refresh repairs it.
    await prisma.fulfillmentOrder.updateMany({
      where: { shop },
      data: { destinationCountryCode: null, destinationProvinceCode: null },
    });
    await refresh(shop, order.id);
    const fo = await prisma.fulfillmentOrder.findFirstOrThrow({ where: { shop, orderShopifyId: order.id } });
    expect(fo).toMatchObject({ destinationCountryCode: "CA", destinationProvinceCode: "ON" });
  });
});

describe("a refresh that finds nothing new", () => {
  it("leaves a held FO's row alone: its JSON columns are compared by value, whatever order jsonb keeps keys in", async () => {
    const { shop, s } = await shopWithStock();
    const order = h.sim.createOrder(shop, {
      lineItems: [{ variantId: s.mug.id, quantity: 1 }],
      postPurchaseOffer: true,
    });
    await refresh(shop, order.id);
    const foOf = () =>
      prisma.fulfillmentOrder.findFirstOrThrow({
        where: { shop, orderShopifyId: order.id },
        include: { events: true },
      });
    const before = await foOf();
    expect(before.holds).toHaveLength(1);
    clock += 60_000;

    await refresh(shop, order.id, new Date(clock));

    const after = await foOf();
    expect(after.updatedAt).toEqual(before.updatedAt);
    expect(after.events).toHaveLength(before.events.length);
  });
});

describe("order edits and the post-purchase hold", () => {
  it("records when the post-purchase hold was first seen, and keeps that time", async () => {
    const { shop, s } = await shopWithStock();
    const order = h.sim.createOrder(shop, {
      lineItems: [{ variantId: s.mug.id, quantity: 1 }],
      postPurchaseOffer: true,
    });
    const firstSeen = new Date(clock);
    await refresh(shop, order.id, firstSeen);
    expect(await orderRow(shop, order.id)).toMatchObject({ postPurchaseHoldSeenAt: firstSeen, lastEditedAt: null });
    clock += 60_000;
    h.sim.completePostPurchase(order.id);
    await refresh(shop, order.id, new Date(clock));
    expect((await orderRow(shop, order.id)).postPurchaseHoldSeenAt).toEqual(firstSeen);
  });

  it("leaves postPurchaseHoldSeenAt empty for an order Shopify never held for an offer", async () => {
    const { shop, s } = await shopWithStock();
    const order = h.sim.createOrder(shop, { lineItems: [{ variantId: s.mug.id, quantity: 1 }] });
    await refresh(shop, order.id);
    expect((await orderRow(shop, order.id)).postPurchaseHoldSeenAt).toBeNull();
  });

  it("sets lastEditedAt to the order's updatedAt when an accepted offer adds a line, not on first sight", async () => {
    const { shop, s } = await shopWithStock();
    const order = h.sim.createOrder(shop, {
      lineItems: [{ variantId: s.mug.id, quantity: 1 }],
      postPurchaseOffer: true,
    });
    await refresh(shop, order.id);
    expect((await orderRow(shop, order.id)).lastEditedAt).toBeNull();
    clock += 5 * 60_000;
    h.sim.completePostPurchase(order.id, { addLineItems: [{ variantId: s.tee.id, quantity: 1 }] });
    await refresh(shop, order.id);
    const updatedAt = h.sim.getOrder(order.id).updatedAt;
    expect((await orderRow(shop, order.id)).lastEditedAt).toEqual(new Date(updatedAt));
  });

  it("does not read a declined offer, a split or a fulfilment as an edit", async () => {
    const { shop, s } = await shopWithStock();
    const order = h.sim.createOrder(shop, {
      lineItems: [{ variantId: s.mug.id, quantity: 3 }],
      postPurchaseOffer: true,
    });
    await refresh(shop, order.id);
    clock += 60_000;
    h.sim.completePostPurchase(order.id);
    await refresh(shop, order.id);
    const [fo] = h.sim.fulfillmentOrdersOf(order.id);
    clock += 60_000;
    const split = await h.sim.graphql(
      shop,
      `mutation($splits: [FulfillmentOrderSplitInput!]!) { fulfillmentOrderSplit(fulfillmentOrderSplits: $splits) { userErrors { message } } }`,
      {
        splits: [
          { fulfillmentOrderId: fo!.id, fulfillmentOrderLineItems: [{ id: fo!.lineItems[0]!.id, quantity: 1 }] },
        ],
      },
    );
    expect(split.data).toEqual({ fulfillmentOrderSplit: { userErrors: [] } });
    await refresh(shop, order.id);
    clock += 60_000;
    const fulfil = await h.sim.graphql(
      shop,
      `mutation($id: ID!) { fulfillmentCreate(fulfillment: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: $id }] }) { userErrors { message } } }`,
      { id: fo!.id },
    );
    expect(fulfil.data).toEqual({ fulfillmentCreate: { userErrors: [] } });
    await refresh(shop, order.id);
    expect((await orderRow(shop, order.id)).lastEditedAt).toBeNull();
  });
});
