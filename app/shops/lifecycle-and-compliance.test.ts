import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { registerJobHandlers } from "~/background.server";
import { Prisma } from "@prisma/client";
import { prisma } from "~/db.server";
import { findOrderIdOfFulfillmentOrder } from "~/fulfillment/ledger.server";
import { getJobQueue, getJobWorker } from "~/jobs/runtime.server";
import { ledgerView } from "../../tests/support/ledger-truth";
import { seedLocations } from "../../tests/support/seed";
import { installShop, type SimulatorHarness, startSimulator } from "../../tests/support/simulator";
import { callWebhookRoute, signedWebhook } from "../../tests/support/webhook-routes";
import { turnOnAutomation } from "../../tests/support/automation";
import { createUpsellOffer } from "../../tests/support/upsell";

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
  await getJobWorker().runUntilIdle();
  return orders;
}

async function deliver(topic: string, shop: string, payload: unknown) {
  const response = await callWebhookRoute(signedWebhook({ topic, shop, body: JSON.stringify(payload) }));
  expect(response.status).toBe(200);
  await getJobWorker().runUntilIdle();
}

const uninstalledBody = (shop: string) => ({ id: 1, name: "Leaving", domain: shop, myshopify_domain: shop });

/** A body Shopify signed, sent again under other headers: refused before anything is recorded. */
async function replay(topic: string, shop: string, payload: unknown) {
  const webhookId = randomUUID();
  const response = await callWebhookRoute(signedWebhook({ topic, shop, body: JSON.stringify(payload), webhookId }));
  await getJobWorker().runUntilIdle();
  return { status: response.status, message: await response.text(), webhookId };
}

/** A recorded automation decision of the shop (what issue 10's runtime writes). */
const decisionRow = (shop: string) => ({
  shop,
  decisionKey: `${shop}:redact-test`,
  fulfillmentOrderShopifyId: "gid://shopify/FulfillmentOrder/1",
  orderShopifyId: "gid://shopify/Order/1",
  trigger: "created",
  outcome: "skip",
  status: "decided",
  reason: "test",
});

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
    await deliver("app/uninstalled", shop, uninstalledBody(shop));
    expect(await prisma.session.count({ where: { shop } })).toBe(0);
    expect((await prisma.shop.findUniqueOrThrow({ where: { shop } })).uninstalledAt).toBeInstanceOf(Date);
    expect(await getJobQueue().jobCounts(shop)).toMatchObject({ queued: 0, cancelled: 1 });
  });
});

describe("shop/redact", () => {
  it("deletes every row of that shop and nothing of any other shop", async () => {
    const gone = "redact-me.myshopify.com";
    const kept = "keep-me.myshopify.com";
    await shopWithOrders(gone, [ADA, ALAN]);
    await shopWithOrders(kept, [ADA]);
    // Automation's settings, rule versions and decisions, and the post-purchase offers and what
    // they showed, exist for the shop too.
    await turnOnAutomation(gone);
    const s = seedLocations(h.sim, gone);
    const offer = await createUpsellOffer(gone, s.tee);
    await prisma.upsellPresentation.create({
      data: {
        shop: gone,
        offerId: offer.id,
        referenceId: "checkout-1",
        variantId: s.tee.id,
        quantity: 1,
        originalPrice: "24.00",
        discountedPrice: "19.20",
        currencyCode: "USD",
      },
    });
    await prisma.automationDecision.create({ data: decisionRow(gone) });
    // Written by the Admin client on PostgreSQL only; seeded so both databases check it.
    await prisma.adminApiBudget.upsert({
      where: { shop: gone },
      create: { shop: gone, available: 1, maximum: 2000, restoreRate: 100, at: new Date() },
      update: {},
    });
    const keptBefore = await ledgerView(kept);
    await deliver("app/uninstalled", gone, uninstalledBody(gone));
    await deliver("shop/redact", gone, { shop_id: 1, shop_domain: gone });
    // Every model with a shop column, read from the schema: a new table can't be forgotten.
    const scoped = Prisma.dmmf.datamodel.models.filter((m) => m.fields.some((f) => f.name === "shop"));
    expect(scoped.map((m) => m.name)).toEqual(expect.arrayContaining(["AutomationDecision", "UpsellPresentation"]));
    for (const model of scoped) {
      // Jobs are counted through the JobQueue below: on pg-boss they live in its own schema, not in `Job`.
      if (model.name === "Job") continue;
      const delegate = (prisma as unknown as Record<string, { count: (args: object) => Promise<number> }>)[
        model.name[0]!.toLowerCase() + model.name.slice(1)
      ]!;
      const left = await delegate.count({ where: { shop: gone } });
      expect({ model: model.name, left }).toEqual({ model: model.name, left: 0 });
    }
    // Only the redaction job's own row is left, and it names no customer.
    expect((await getJobQueue().listJobs({ shop: gone })).map((j) => j.type)).toEqual(["webhook.process"]);
    expect(await ledgerView(kept)).toEqual(keptBefore);
    expect(await prisma.session.count({ where: { shop: kept } })).toBe(1);
  });
});

describe("shop/redact for a shop that is installed right now", () => {
  it("is recorded and not executed: every row and session stays", async () => {
    // GIVEN a shop that is installed, with orders in the ledger
    const shop = "still-here.myshopify.com";
    await shopWithOrders(shop, [ADA]);
    const before = await ledgerView(shop);

    // WHEN a correctly signed shop/redact for it arrives
    await deliver("shop/redact", shop, { shop_id: 1, shop_domain: shop });

    // THEN nothing is deleted, and the delivery is kept, marked ignored with the reason
    expect(await ledgerView(shop)).toEqual(before);
    expect(await prisma.session.count({ where: { shop } })).toBe(1);
    expect((await prisma.shop.findUniqueOrThrow({ where: { shop } })).uninstalledAt).toBeNull();
    const [redact] = await prisma.webhookDelivery.findMany({ where: { shop, topic: "shop/redact" } });
    expect(redact).toMatchObject({ status: "ignored", error: "shop_installed" });
  });
});

describe("a signed body replayed under other headers (the HMAC does not cover them)", () => {
  it("refuses another shop's shop/redact body sent under this shop's domain, and deletes nothing", async () => {
    // GIVEN a victim shop that has uninstalled (so a genuine shop/redact would run) and kept its rows
    const victim = "victim.myshopify.com";
    await shopWithOrders(victim, [ADA]);
    await deliver("app/uninstalled", victim, uninstalledBody(victim));
    const before = await ledgerView(victim);

    // WHEN the attacker's own shop's shop/redact body is replayed with the victim's domain
    const sent = await replay("shop/redact", victim, { shop_id: 2, shop_domain: "attacker.myshopify.com" });

    // THEN it is refused with a clear 400, nothing is recorded, and the victim's rows stay
    expect(sent.status).toBe(400);
    expect(sent.message).toContain("shop_domain (attacker.myshopify.com) is not X-Shopify-Shop-Domain");
    expect(await prisma.webhookDelivery.count({ where: { webhookId: sent.webhookId } })).toBe(0);
    expect(await ledgerView(victim)).toEqual(before);
    expect(await prisma.shop.count({ where: { shop: victim } })).toBe(1);
  });

  it.each([
    ["an orders/create body", { id: 1, admin_graphql_api_id: "gid://shopify/Order/1", line_items: [] }],
    [
      "a customers/redact body of the same shop",
      { shop_id: 1, shop_domain: "SHOP", customer: { id: 1 }, orders_to_redact: [1] },
    ],
  ])("refuses %s replayed as shop/redact", async (_name, body) => {
    const victim = "victim-shape.myshopify.com";
    await shopWithOrders(victim, [ADA]);
    await deliver("app/uninstalled", victim, uninstalledBody(victim));
    const before = await ledgerView(victim);
    const payload = JSON.parse(JSON.stringify(body).replace("SHOP", victim)) as unknown;
    const sent = await replay("shop/redact", victim, payload);
    expect(sent.status).toBe(400);
    expect(sent.message).toMatch(/^Webhook body does not match its headers: /);
    expect(await ledgerView(victim)).toEqual(before);
  });

  it("refuses another shop's app/uninstalled body sent under this shop's domain: its sessions stay", async () => {
    const victim = "victim-sessions.myshopify.com";
    await shopWithOrders(victim, [ADA]);
    const sent = await replay("app/uninstalled", victim, uninstalledBody("attacker.myshopify.com"));
    expect(sent.status).toBe(400);
    expect(sent.message).toContain("myshopify_domain (attacker.myshopify.com) is not X-Shopify-Shop-Domain");
    expect(await prisma.session.count({ where: { shop: victim } })).toBe(1);
    expect((await prisma.shop.findUniqueOrThrow({ where: { shop: victim } })).uninstalledAt).toBeNull();
  });

  it("ignores, at processing, a mismatched delivery recorded before ingest checked it", async () => {
    const victim = "victim-recorded.myshopify.com";
    await shopWithOrders(victim, [ADA]);
    await deliver("app/uninstalled", victim, uninstalledBody(victim));
    const before = await ledgerView(victim);
    const delivery = await prisma.webhookDelivery.create({
      data: {
        shop: victim,
        topic: "shop/redact",
        webhookId: randomUUID(),
        payload: JSON.stringify({ shop_id: 2, shop_domain: "attacker.myshopify.com" }),
      },
    });
    await getJobQueue().enqueue("webhook.process", { deliveryId: delivery.id }, { shop: victim });
    await getJobWorker().runUntilIdle();
    expect(await ledgerView(victim)).toEqual(before);
    const row = await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(row.status).toBe("ignored");
    expect(row.error).toMatch(/^headers_mismatch: /);
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
    const report = request!.report as unknown as {
      orders: { shopifyId: string; customerName: string }[];
      webhookPayloads: { topic: string; payload: string }[];
      webhookPayloadsKeptForDays: number;
    };
    expect(report.orders.map((o) => [o.shopifyId, o.customerName])).toEqual([[adaOrder!.id, "Ada Lovelace"]]);
    // AND the raw webhook payloads still stored about her (until their retention ends), no one else's
    expect(report.webhookPayloads.map((d) => d.topic)).toContain("orders/create");
    expect(report.webhookPayloads.every((d) => d.payload.includes("ada@example.com"))).toBe(true);
    expect(report.webhookPayloads.some((d) => d.payload.includes("alan@example.com"))).toBe(false);
    expect(report.webhookPayloadsKeptForDays).toBe(30);
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
