import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { registerJobHandlers } from "~/background.server";
import { prisma } from "~/db.server";
import { findOrderIdOfFulfillmentOrder } from "~/fulfillment/ledger.server";
import { getJobQueue, getJobRunner } from "~/jobs/runtime.server";
import { ledgerView } from "../../tests/support/ledger-truth";
import { seedLocations } from "../../tests/support/seed";
import { installShop, type SimulatorHarness, startSimulator } from "../../tests/support/simulator";
import { callWebhookRoute, signedWebhook } from "../../tests/support/webhook-routes";

let h: SimulatorHarness;
beforeAll(() => registerJobHandlers());
beforeEach(() => {
  h = startSimulator();
});
afterEach(() => h.close());

async function shopWithOrders(shop: string, customers: { firstName: string; lastName: string; email: string }[]) {
  await installShop(h.sim, shop);
  const s = seedLocations(h.sim, shop);
  const orders = customers.map((customer) =>
    h.sim.createOrder(shop, {
      lineItems: [{ variantId: s.tee.id, quantity: 1 }],
      locationId: s.warehouse.id,
      customer,
    }),
  );
  await h.webhooks.flush();
  await getJobRunner().drain();
  return orders;
}

async function deliver(topic: string, shop: string, payload: unknown) {
  const response = await callWebhookRoute(signedWebhook({ topic, shop, body: JSON.stringify(payload) }));
  expect(response.status).toBe(200);
  await getJobRunner().drain();
}

const ADA = { firstName: "Ada", lastName: "Lovelace", email: "ada@example.com" };
const ALAN = { firstName: "Alan", lastName: "Turing", email: "alan@example.com" };

describe("app/uninstalled", () => {
  it("deletes the shop's sessions, marks it inactive and cancels its queued jobs", async () => {
    const shop = "leaving.myshopify.com";
    await shopWithOrders(shop, [ADA]);
    await getJobQueue().enqueue(
      "reconcile.shop",
      { shop, trigger: "scheduled" },
      { shop, runAt: new Date(Date.now() + 3_600_000) },
    );
    await deliver("app/uninstalled", shop, { id: 1, name: "Leaving", domain: shop });
    expect(await prisma.session.count({ where: { shop } })).toBe(0);
    expect((await prisma.shop.findUniqueOrThrow({ where: { shop } })).uninstalledAt).toBeInstanceOf(Date);
    expect(await prisma.job.count({ where: { shop, status: "queued" } })).toBe(0);
    expect(await prisma.job.count({ where: { shop, status: "cancelled" } })).toBe(1);
  });
});

describe("shop/redact", () => {
  it("deletes every row of that shop and nothing of any other shop", async () => {
    const gone = "redact-me.myshopify.com";
    const kept = "keep-me.myshopify.com";
    await shopWithOrders(gone, [ADA, ALAN]);
    await shopWithOrders(kept, [ADA]);
    const keptBefore = await ledgerView(kept);
    await deliver("shop/redact", gone, { shop_id: 1, shop_domain: gone });
    for (const table of [
      prisma.session,
      prisma.shop,
      prisma.order,
      prisma.fulfillmentOrder,
      prisma.fulfillmentOrderEvent,
      prisma.webhookDelivery,
      prisma.reconcileRun,
      prisma.customerDataRequest,
      prisma.cancellationRun,
      prisma.cancellationRunItem,
      prisma.staleOrderPolicy,
      prisma.auditEvent,
      prisma.actionRequest,
      prisma.shopSettings,
    ] as unknown as { count: (args: object) => Promise<number> }[]) {
      expect(await table.count({ where: { shop: gone } })).toBe(0);
    }
    // Only the redaction job's own row is left, and it names no customer.
    expect((await prisma.job.findMany({ where: { shop: gone } })).map((j) => j.type)).toEqual(["webhook.process"]);
    expect(await ledgerView(kept)).toEqual(keptBefore);
    expect(await prisma.session.count({ where: { shop: kept } })).toBe(1);
  });
});

describe("customers/redact", () => {
  it("removes that customer's personal data and keeps everyone else's", async () => {
    const shop = "privacy.myshopify.com";
    const [adaOrder, alanOrder] = await shopWithOrders(shop, [ADA, ALAN]);
    const ada = h.sim.getOrder(adaOrder!.id).customer!;
    await deliver("customers/redact", shop, {
      shop_id: 1,
      shop_domain: shop,
      customer: { id: Number(ada.id.split("/").pop()), email: ada.email, phone: null },
      orders_to_redact: [Number(adaOrder!.id.split("/").pop())],
    });
    const orders = await prisma.order.findMany({ where: { shop }, orderBy: { name: "asc" } });
    expect(orders.find((o) => o.shopifyId === adaOrder!.id)).toMatchObject({
      customerName: null,
      customerShopifyId: null,
    });
    expect(orders.find((o) => o.shopifyId === alanOrder!.id)?.customerName).toBe("Alan Turing");
    // AND the queue's searchable copy of the name is gone from Ada's FOs, kept on Alan's
    const searchOf = async (orderShopifyId: string) =>
      (await prisma.fulfillmentOrder.findMany({ where: { shop, orderShopifyId } })).map((fo) => fo.customerSearch);
    expect(await searchOf(adaOrder!.id)).toEqual([null]);
    expect(await searchOf(alanOrder!.id)).toEqual(["alan turing"]);
    const payloads = await prisma.webhookDelivery.findMany({ where: { shop, topic: { startsWith: "orders/" } } });
    expect(payloads.some((d) => d.payload.includes("ada@example.com"))).toBe(false);
    expect(payloads.some((d) => d.payload.includes("alan@example.com"))).toBe(true);
  });
});

describe("customers/data_request", () => {
  it("records the request and what we store about that customer", async () => {
    const shop = "asks.myshopify.com";
    const [adaOrder] = await shopWithOrders(shop, [ADA, ALAN]);
    const ada = h.sim.getOrder(adaOrder!.id).customer!;
    await deliver("customers/data_request", shop, {
      shop_id: 1,
      shop_domain: shop,
      customer: { id: Number(ada.id.split("/").pop()), email: ada.email, phone: null },
      orders_requested: [Number(adaOrder!.id.split("/").pop())],
      data_request: { id: 9999 },
    });
    const [request] = await prisma.customerDataRequest.findMany({ where: { shop } });
    const report = JSON.parse(request!.report) as { orders: { shopifyId: string; customerName: string }[] };
    expect(report.orders.map((o) => [o.shopifyId, o.customerName])).toEqual([[adaOrder!.id, "Ada Lovelace"]]);
  });
});

describe("shop isolation", () => {
  it("never lets one shop's lookups or webhooks reach another shop's rows", async () => {
    const a = "isolated-a.myshopify.com";
    const b = "isolated-b.myshopify.com";
    const [orderA] = await shopWithOrders(a, [ADA]);
    await shopWithOrders(b, [ALAN]);
    const foOfA = h.sim.fulfillmentOrdersOf(orderA!.id)[0]!.id;
    expect(await findOrderIdOfFulfillmentOrder(a, foOfA)).toBe(orderA!.id);
    expect(await findOrderIdOfFulfillmentOrder(b, foOfA)).toBeNull();
    // Shop B's webhook naming shop A's order re-reads it through shop B's own Admin access,
    // where it does not exist: shop A's ledger is untouched, shop B gains nothing.
    const aBefore = await ledgerView(a);
    const bBefore = await ledgerView(b);
    await deliver("orders/updated", b, {
      id: 1,
      admin_graphql_api_id: orderA!.id,
      updated_at: new Date().toISOString(),
    });
    expect(await ledgerView(a)).toEqual(aBefore);
    expect(await ledgerView(b)).toEqual(bBefore);
  });
});
