import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerJobHandlers } from "~/background.server";
import { getJobWorker } from "~/jobs/runtime.server";
import { ledgerView, simulatorView } from "../../tests/support/ledger-truth";
import { seedLocations } from "../../tests/support/seed";
import { ShopifyActions } from "../../tests/support/shopify-actions";
import { installShop, startSimulator } from "../../tests/support/simulator";
import { callWebhookRoute, signedWebhook } from "../../tests/support/webhook-routes";
import { topicDefinition, WEBHOOK_TOPICS } from "./topics";

// The "out of order" rung of every sync route's ladder: a delivery describing an older state
// arrives after the ledger already holds a newer one, and must not take the ledger back.
const SYNC_TOPICS = Object.keys(WEBHOOK_TOPICS).filter((t) => {
  const kind = topicDefinition(t)!.kind;
  return kind === "order" || kind === "fulfillment-order";
});

const h = startSimulator();
const shop = "out-of-order.myshopify.com";
let orderId = "";
let foId = "";
let staleUpdatedAt = "";

beforeAll(async () => {
  registerJobHandlers();
  await installShop(h.sim, shop);
  const s = seedLocations(h.sim, shop);
  const order = h.sim.createOrder(shop, {
    lineItems: [{ variantId: s.tee.id, quantity: 2 }],
    locationId: s.warehouse.id,
  });
  orderId = order.id;
  foId = h.sim.fulfillmentOrdersOf(order.id)[0]!.id;
  staleUpdatedAt = new Date(Date.parse(order.updatedAt) - 60_000).toISOString();
  // The newer state: the FO was put on hold, and the ledger knows it.
  await new ShopifyActions(h.sim, shop).hold(h.sim.getFulfillmentOrder(foId), "AWAITING_PAYMENT");
  await h.webhooks.flush();
  await getJobWorker().runUntilIdle();
  expect((await ledgerView(shop))[0]!.fulfillmentOrders[0]!.status).toBe("ON_HOLD");
});
afterAll(() => h.close());

/** A payload of the topic's shape that describes the state before the hold. */
function stalePayload(topic: string) {
  if (topic.startsWith("orders/")) {
    const legacy = orderId.split("/").pop();
    return topic === "orders/edited"
      ? { order_edit: { id: 1, order_id: Number(legacy) } }
      : { id: Number(legacy), admin_graphql_api_id: orderId, updated_at: staleUpdatedAt, name: "#1001" };
  }
  return { fulfillment_order: { id: foId, status: "open", request_status: "unsubmitted" } };
}

describe.each(SYNC_TOPICS)("the /webhooks/%s route, out of order", (topic) => {
  it("never lets an older delivery take the ledger back", async () => {
    const request = signedWebhook({ topic, shop, body: JSON.stringify(stalePayload(topic)), webhookId: randomUUID() });
    expect((await callWebhookRoute(request)).status).toBe(200);
    const run = await getJobWorker().runUntilIdle();
    expect(run.retried + run.dead).toBe(0);
    const ledger = await ledgerView(shop);
    expect(ledger[0]!.fulfillmentOrders[0]!.status).toBe("ON_HOLD");
    expect(ledger).toEqual(simulatorView(h.sim, shop));
  });
});
