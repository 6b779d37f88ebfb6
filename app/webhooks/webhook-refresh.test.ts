import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { registerJobHandlers } from "~/background.server";
import { prisma } from "~/db.server";
import { refreshOrder } from "~/fulfillment/refresh-order.server";
import { getJobWorker } from "~/jobs/runtime.server";
import { shopAdminGraphql } from "~/shopify/admin/shop-admin.server";
import { ledgerView, simulatorView } from "../../tests/support/ledger-truth";
import { seedLocations } from "../../tests/support/seed";
import { ShopifyActions } from "../../tests/support/shopify-actions";
import { installShop, type SimulatorHarness, startSimulator } from "../../tests/support/simulator";

const HOLD = `mutation Hold($id: ID!, $hold: FulfillmentOrderHoldInput!) {
  fulfillmentOrderHold(id: $id, fulfillmentHold: $hold) { userErrors { message } }
}`;

let h: SimulatorHarness;
const drain = () => getJobWorker().runUntilIdle();

/** An installed shop on a simulator whose clock moves a minute per tick(): updatedAt differs. */
async function clockedShop(shop: string) {
  let clock = Date.parse("2026-11-20T10:00:00Z");
  h.close();
  h = startSimulator({ now: () => new Date(clock) });
  await installShop(h.sim, shop);
  return {
    s: seedLocations(h.sim, shop),
    tick: () => (clock += 60_000),
    advance: (ms: number) => (clock += ms),
  };
}

/** An order Shopify holds while the buyer sees a post-purchase offer, already in the ledger. */
async function postPurchaseOrder(shop: string, s: ReturnType<typeof seedLocations>) {
  const order = h.sim.createOrder(shop, {
    lineItems: [{ variantId: s.mug.id, quantity: 1 }],
    locationId: s.warehouse.id,
    postPurchaseOffer: true,
  });
  await h.webhooks.flush();
  await drain();
  expect((await ledgerView(shop))[0]!.fulfillmentOrders.map((fo) => fo.status)).toEqual(["ON_HOLD"]);
  return order;
}

beforeAll(() => registerJobHandlers());
beforeEach(() => {
  h = startSimulator();
});
afterEach(() => h.close());

describe("webhooks keep the ledger in step with Shopify", () => {
  it("builds an order's fulfillment orders from orders/create and order_routing_complete", async () => {
    // GIVEN an installed shop
    const shop = "sync-create.myshopify.com";
    await installShop(h.sim, shop);
    const s = seedLocations(h.sim, shop);
    // WHEN a customer orders and Shopify's webhooks arrive
    h.sim.createOrder(shop, { lineItems: [{ variantId: s.tee.id, quantity: 2 }], locationId: s.warehouse.id });
    await h.webhooks.flush();
    await drain();
    // THEN the ledger holds what Shopify holds
    const ledger = await ledgerView(shop);
    expect(ledger).toHaveLength(1);
    expect(ledger[0]!.fulfillmentOrders).toHaveLength(1);
    expect(ledger).toEqual(simulatorView(h.sim, shop));
    const events = await prisma.fulfillmentOrderEvent.findMany({ where: { shop } });
    expect(events.map((e) => [e.kind, e.source])).toEqual([["created", "webhook"]]);
  });

  it("records a hold placed in Shopify as a transition in the FO's history", async () => {
    const shop = "sync-hold.myshopify.com";
    await installShop(h.sim, shop);
    const s = seedLocations(h.sim, shop);
    h.webhooks.dropNext(1, "orders/create");
    const order = h.sim.createOrder(shop, {
      lineItems: [{ variantId: s.mug.id, quantity: 1 }],
      locationId: s.warehouse.id,
    });
    await h.webhooks.flush();
    await drain();
    const [fo] = h.sim.fulfillmentOrdersOf(order.id);
    const result = await h.sim.graphql(shop, HOLD, {
      id: fo!.id,
      hold: { reason: "AWAITING_PAYMENT", reasonNotes: "bank transfer", handle: "other-app" },
    });
    expect(result.errors).toBeUndefined();
    await h.webhooks.flush();
    await drain();
    expect(await ledgerView(shop)).toEqual(simulatorView(h.sim, shop));
    const events = await prisma.fulfillmentOrderEvent.findMany({ where: { shop }, orderBy: { at: "asc" } });
    expect(events.map((e) => [e.kind, e.fromValue, e.toValue])).toEqual([
      ["created", null, "OPEN"],
      ["status", "OPEN", "ON_HOLD"],
      ["holds", null, "AWAITING_PAYMENT"],
    ]);
  });

  it("follows Shopify's post-purchase hold: an accepted offer arrives as orders/edited and opens the FO beside its items' new FO", async () => {
    // GIVEN an order held by Shopify while the buyer sees a post-purchase offer, in the ledger
    const shop = "sync-post-purchase.myshopify.com";
    await installShop(h.sim, shop);
    const s = seedLocations(h.sim, shop);
    const order = await postPurchaseOrder(shop, s);
    // WHEN the buyer accepts and only the order edit's webhook gets through
    h.webhooks.intercept((d) => (d.topic === "orders/edited" ? "deliver" : "drop"));
    h.sim.completePostPurchase(order.id, { addLineItems: [{ variantId: s.tee.id, quantity: 2 }] });
    await h.webhooks.flush();
    await drain();
    // THEN the ledger holds the open FO and the accepted items' new FO, as Shopify does
    expect(await prisma.webhookDelivery.count({ where: { shop, topic: "orders/edited", status: "processed" } })).toBe(
      1,
    );
    expect(await ledgerView(shop)).toEqual(simulatorView(h.sim, shop));
    expect(h.sim.fulfillmentOrdersOf(order.id).map((fo) => [fo.status, fo.lineItems.length])).toEqual([
      ["OPEN", 1],
      ["OPEN", 1],
    ]);
  });

  it("follows Shopify lifting an unanswered post-purchase hold after 60 minutes", async () => {
    const shop = "sync-post-purchase-timeout.myshopify.com";
    const { s, advance } = await clockedShop(shop);
    const order = await postPurchaseOrder(shop, s);
    // WHEN an hour passes and the app next talks to Shopify
    advance(60 * 60_000);
    await refreshOrder((await shopAdminGraphql(shop))!, shop, order.id, { source: "reconcile" });
    await h.webhooks.flush();
    await drain();
    // THEN the FO is open in Shopify and in the ledger
    expect(h.sim.fulfillmentOrdersOf(order.id).map((fo) => fo.status)).toEqual(["OPEN"]);
    expect(await ledgerView(shop)).toEqual(simulatorView(h.sim, shop));
  });

  it("copies the order's new tags and payment onto every FO the queue filters, and never rolls them back", async () => {
    // GIVEN an order split in two, in the ledger
    const shop = "sync-filters.myshopify.com";
    const { s, tick } = await clockedShop(shop);
    const order = h.sim.createOrder(shop, {
      lineItems: [
        { variantId: s.tee.id, quantity: 1 },
        { variantId: s.mug.id, quantity: 1 },
      ],
      locationId: s.warehouse.id,
      financialStatus: "PENDING",
    });
    const [fo] = h.sim.fulfillmentOrdersOf(order.id);
    expect(await new ShopifyActions(h.sim, shop).split(fo!, [{ id: fo!.lineItems[1]!.id, quantity: 1 }])).toEqual([]);
    await h.webhooks.flush();
    await drain();
    expect(await prisma.fulfillmentOrder.count({ where: { shop } })).toBe(2);
    // WHEN staff tag it in Shopify, then it is paid, and the tag webhook arrives again late
    tick();
    h.sim.setOrderTags(order.id, ["Rush", "VIP"]);
    tick();
    h.sim.markPaid(order.id);
    await h.webhooks.flush();
    await drain();
    const tagged = h.webhooks.deliveries.filter((d) => d.topic === "orders/updated").at(-2)!;
    await h.webhooks.redeliver(tagged.webhookId);
    await h.webhooks.idle();
    await drain();
    // THEN both FOs carry the order's tags and payment as the queue filters them
    const rows = await prisma.fulfillmentOrder.findMany({ where: { shop } });
    expect(rows.map((fo) => [fo.orderTags, fo.orderFinancialStatus])).toEqual([
      [",rush,vip,", "PAID"],
      [",rush,vip,", "PAID"],
    ]);
    expect(await ledgerView(shop)).toEqual(simulatorView(h.sim, shop));
  });

  it("refolds a copy the SQL backfill folded only in ASCII when the unchanged order is synced again", async () => {
    // GIVEN an order of Émile Zola whose FO copy was backfilled by SQL LOWER ("Émile zola")
    const shop = "sync-refold.myshopify.com";
    await installShop(h.sim, shop);
    const s = seedLocations(h.sim, shop);
    const order = h.sim.createOrder(shop, {
      lineItems: [{ variantId: s.tee.id, quantity: 1 }],
      locationId: s.warehouse.id,
      customer: { firstName: "Émile", lastName: "Zola", email: "emile@example.com" },
    });
    await h.webhooks.flush();
    await drain();
    await prisma.fulfillmentOrder.updateMany({ where: { shop }, data: { customerSearch: "Émile zola" } });
    // WHEN the order is synced again while nothing changed in Shopify (a sweep, a re-read)
    const result = await refreshOrder((await shopAdminGraphql(shop))!, shop, order.id, { source: "reconcile" });
    expect(result).toMatchObject({ kind: "refreshed", result: { order: "unchanged" } });
    // THEN the copy is folded fully again, so a search for "émile" finds it
    expect((await prisma.fulfillmentOrder.findFirstOrThrow({ where: { shop } })).customerSearch).toBe("émile zola");
  });

  it("ignores an orders/* delivery older than what the ledger holds, and repeats of one it has", async () => {
    // GIVEN the ledger already synced the order after it was paid
    const shop = "sync-order.myshopify.com";
    const { s, tick } = await clockedShop(shop);
    h.webhooks.dropNext(1, "orders/create");
    const order = h.sim.createOrder(shop, {
      lineItems: [{ variantId: s.tee.id, quantity: 1 }],
      locationId: s.warehouse.id,
      financialStatus: "PENDING",
    });
    tick();
    h.sim.markPaid(order.id);
    await h.webhooks.flush();
    await drain();
    // WHEN orders/create, held back until now, arrives after orders/paid was processed
    const create = h.webhooks.deliveries.find((d) => d.topic === "orders/create")!;
    await h.webhooks.redeliver(create.webhookId);
    await h.webhooks.idle();
    await drain();
    // THEN the older orders/create is ignored and the ledger says paid
    expect((await ledgerView(shop))[0]!.financialStatus).toBe("PAID");
    const deliveries = await prisma.webhookDelivery.findMany({ where: { shop, topic: "orders/create" } });
    expect(deliveries.map((d) => [d.status, d.error])).toEqual([["ignored", "older_than_ledger"]]);
    // AND a redelivery of a webhook already recorded has no second effect
    const recorded = await prisma.webhookDelivery.count({ where: { shop } });
    const paid = h.webhooks.deliveries.find((d) => d.topic === "orders/paid")!;
    const again = await h.webhooks.redeliver(paid.webhookId);
    await h.webhooks.idle();
    expect(again.status).toBe("delivered");
    expect(await prisma.webhookDelivery.count({ where: { shop } })).toBe(recorded);
    expect(await ledgerView(shop)).toEqual(simulatorView(h.sim, shop));
  });
});
