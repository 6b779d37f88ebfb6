import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { StoreSimulator } from "./store-simulator";
import { shapeDifferences } from "./webhooks/key-tree";
import { WebhookDispatcher } from "./webhooks/webhook-dispatcher";
import { SHOP, setupStore } from "../tests/support/simulator-fixture";

const SAMPLES = "/work/shared/shopify/webhooks";

function sample(topic: string): unknown {
  return JSON.parse(readFileSync(`${SAMPLES}/${topic.replace("/", "__")}.json`, "utf8"));
}

/**
 * True when the payload has null or [] somewhere along `path` (e.g. no customer,
 * no shipping lines): the sim has no data there, which is not a shape error.
 */
function absentAlong(payload: unknown, path: string): boolean {
  let value: unknown = payload;
  for (const part of path
    .replace(/^\$\.?/, "")
    .split(".")
    .filter(Boolean)) {
    const key = part.replace(/\[\]$/, "");
    if (value === null || typeof value !== "object") return value === null;
    value = (value as Record<string, unknown>)[key];
    if (value === null || (Array.isArray(value) && value.length === 0)) return true;
    if (part.endsWith("[]") && Array.isArray(value)) value = value[0];
  }
  return false;
}

/** Drives the simulator through every flow that emits a webhook. */
async function everyTopic() {
  const ctx = setupStore();
  const { sim, gql, mug, tee, thirdParty, store, clock } = ctx;
  const o1 = sim.createOrder(SHOP, {
    lineItems: [
      { variantId: mug.id, quantity: 2 },
      { variantId: tee.id, quantity: 1 },
    ],
    financialStatus: "PENDING",
    customer: { firstName: "A", lastName: "B", email: "a@b.c" },
  });
  sim.markPaid(o1.id);
  const fo1 = sim.fulfillmentOrdersOf(o1.id)[0]!;
  await gql(
    `mutation($id: ID!, $li: ID!) { fulfillmentOrderHold(id: $id, fulfillmentHold: { reason: OTHER, handle: "h", fulfillmentOrderLineItems: [{ id: $li, quantity: 1 }] }) { userErrors { message } } }`,
    { id: fo1.id, li: fo1.lineItems[0]!.id },
  );
  await gql(`mutation($id: ID!) { fulfillmentOrderReleaseHold(id: $id) { userErrors { message } } }`, { id: fo1.id });
  await gql(
    `mutation($id: ID!, $to: ID!) { fulfillmentOrderMove(id: $id, newLocationId: $to) { userErrors { message } } }`,
    { id: fo1.id, to: thirdParty.id },
  );
  await gql(
    `mutation($id: ID!) { fulfillmentOrderSubmitFulfillmentRequest(id: $id, message: "hi") { userErrors { message } } }`,
    { id: fo1.id },
  );
  sim.acceptFulfillmentRequest(fo1.id, { message: "ok" });
  await gql(
    `mutation($id: ID!) { fulfillmentOrderSubmitCancellationRequest(id: $id, message: "stop") { userErrors { message } } }`,
    { id: fo1.id },
  );
  sim.rejectCancellationRequest(fo1.id, { message: "too late" });
  sim.fulfillAsService(fo1.id, { trackingNumber: "T1" });
  const rest1 = sim.fulfillmentOrdersOf(o1.id).find((fo) => fo.status === "OPEN")!;
  await gql(
    `mutation($id: ID!) { fulfillmentCreate(fulfillment: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: $id }] }) { userErrors { message } } }`,
    { id: rest1.id },
  );

  const o2 = sim.createOrder(SHOP, { lineItems: [{ variantId: mug.id, quantity: 1 }], locationId: thirdParty.id });
  const fo2 = sim.fulfillmentOrdersOf(o2.id)[0]!;
  await gql(`mutation($id: ID!) { fulfillmentOrderSubmitFulfillmentRequest(id: $id) { userErrors { message } } }`, {
    id: fo2.id,
  });
  sim.rejectFulfillmentRequest(fo2.id, { message: "no" });
  await gql(`mutation($id: ID!) { fulfillmentOrderSubmitFulfillmentRequest(id: $id) { userErrors { message } } }`, {
    id: fo2.id,
  });
  sim.acceptFulfillmentRequest(fo2.id);
  await gql(`mutation($id: ID!) { fulfillmentOrderSubmitCancellationRequest(id: $id) { userErrors { message } } }`, {
    id: fo2.id,
  });
  sim.acceptCancellationRequest(fo2.id, { message: "fine" });
  await gql(
    `mutation($id: ID!) { orderCancel(orderId: $id, reason: CUSTOMER, restock: true) { orderCancelUserErrors { message } } }`,
    { id: o2.id },
  );
  clock.advance(100);
  sim.getOrder(o2.id);

  const o3 = sim.createOrder(SHOP, {
    lineItems: [{ variantId: mug.id, quantity: 2 }],
    locationId: store.id,
    deliveryMethod: "PICK_UP",
    postPurchaseOffer: true,
  });
  sim.completePostPurchase(o3.id);
  const fo3 = sim.fulfillmentOrdersOf(o3.id)[0]!;
  await gql(
    `mutation($id: ID!) { fulfillmentOrderLineItemsPreparedForPickup(input: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: $id }] }) { userErrors { message } } }`,
    { id: fo3.id },
  );
  await gql(
    `mutation($id: ID!, $li: ID!) { fulfillmentCreate(fulfillment: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: $id, fulfillmentOrderLineItems: [{ id: $li, quantity: 1 }] }] }) { userErrors { message } } }`,
    { id: fo3.id, li: fo3.lineItems[0]!.id },
  );

  const o4 = sim.createOrder(SHOP, { lineItems: [{ variantId: tee.id, quantity: 1 }], locationId: thirdParty.id });
  const fo4 = sim.fulfillmentOrdersOf(o4.id)[0]!;
  await gql(`mutation($id: ID!) { fulfillmentOrderSubmitFulfillmentRequest(id: $id) { userErrors { message } } }`, {
    id: fo4.id,
  });
  await gql(`mutation($id: ID!) { fulfillmentOrderCancel(id: $id) { userErrors { message } } }`, { id: fo4.id });

  const o5 = sim.createOrder(SHOP, { lineItems: [{ variantId: mug.id, quantity: 1 }], postPurchaseOffer: true });
  sim.completePostPurchase(o5.id, { addLineItems: [{ variantId: tee.id, quantity: 1 }] });
  const [fo5, upsell5] = sim.fulfillmentOrdersOf(o5.id);
  await gql(
    `mutation($inputs: [FulfillmentOrderMergeInput!]!) { fulfillmentOrderMerge(fulfillmentOrderMergeInputs: $inputs) { userErrors { message } } }`,
    { inputs: [{ mergeIntents: [{ fulfillmentOrderId: fo5!.id }, { fulfillmentOrderId: upsell5!.id }] }] },
  );
  sim.uninstallApp(SHOP);
  return sim.emitted;
}

const TOPICS = [
  "orders/create",
  "orders/updated",
  "orders/paid",
  "orders/cancelled",
  "orders/fulfilled",
  "orders/partially_fulfilled",
  "orders/edited",
  "fulfillment_orders/order_routing_complete",
  "fulfillment_orders/fulfillment_request_submitted",
  "fulfillment_orders/fulfillment_request_accepted",
  "fulfillment_orders/fulfillment_request_rejected",
  "fulfillment_orders/cancellation_request_submitted",
  "fulfillment_orders/cancellation_request_accepted",
  "fulfillment_orders/cancellation_request_rejected",
  "fulfillment_orders/cancelled",
  "fulfillment_orders/placed_on_hold",
  "fulfillment_orders/hold_released",
  "fulfillment_orders/moved",
  "fulfillment_orders/split",
  "fulfillment_orders/merged",
  "fulfillment_orders/line_items_prepared_for_pickup",
  "fulfillment_holds/added",
  "fulfillment_holds/released",
  "app/uninstalled",
];

describe("webhooks emitted by state changes", () => {
  it("emits every topic the app subscribes to, each with the shape of Shopify's sample payload", async () => {
    const emitted = await everyTopic();
    const seen = new Set(emitted.map((e) => e.topic));
    expect([...TOPICS].filter((t) => !seen.has(t))).toEqual([]);
    const problems = emitted.flatMap((e) =>
      shapeDifferences(sample(e.topic), e.payload)
        .filter((d) => !(d.problem === "missing" && absentAlong(e.payload, d.path)))
        .map((d) => `${e.topic} ${d.path}: ${d.problem}`),
    );
    expect([...new Set(problems)]).toEqual([]);
  });

  it("stamps events with the shop and the simulator clock", async () => {
    const { sim, mug, clock } = setupStore();
    clock.advance(1000);
    sim.createOrder(SHOP, { lineItems: [{ variantId: mug.id, quantity: 1 }] });
    expect(sim.emitted[0]).toMatchObject({
      shop: SHOP,
      topic: "orders/create",
      triggeredAt: new Date("2026-11-01T10:00:01Z"),
    });
  });
});

describe("with the webhook dispatcher plugged in", () => {
  it("delivers the simulator's events as signed HTTP requests", async () => {
    const received: { topic: string | null; shop: string | null; body: unknown }[] = [];
    const dispatcher = new WebhookDispatcher({
      secret: "test-api-secret",
      apiVersion: "2026-10",
      target: async (request) => {
        received.push({
          topic: request.headers.get("x-shopify-topic"),
          shop: request.headers.get("x-shopify-shop-domain"),
          body: await request.json(),
        });
        return new Response(null, { status: 200 });
      },
    });
    const sim = new StoreSimulator({ apiKey: "k", apiSecret: "test-api-secret", webhooks: dispatcher });
    sim.createShop({ domain: SHOP });
    const warehouse = sim.addLocation(SHOP, { name: "Warehouse", kind: "merchant" });
    const mug = sim.addVariant(SHOP, { title: "Mug", sku: "MUG-1", price: "12.50", inventory: { [warehouse.id]: 5 } });
    const order = sim.createOrder(SHOP, { lineItems: [{ variantId: mug.id, quantity: 1 }] });
    await dispatcher.idle();
    expect(received.map((r) => r.topic)).toEqual([
      "orders/create",
      "orders/paid",
      "fulfillment_orders/order_routing_complete",
    ]);
    expect(received[0]).toMatchObject({ shop: SHOP, body: { admin_graphql_api_id: order.id, name: "#1001" } });
    expect(sim.emitted).toHaveLength(3);
  });
});
