// Same check through the web-api adapter, which is what shopify-app-remix
// loads; the dispatcher's fetch Request is passed as-is, as the app's
// `authenticate.webhook(request)` would.
import "@shopify/shopify-api/adapters/web-api";
import { shopifyApi, type ApiVersion } from "@shopify/shopify-api";
import { describe, expect, it } from "vitest";
import { WebhookDispatcher } from "./webhook-dispatcher";

describe("HMAC and headers with @shopify/shopify-api (web-api adapter)", () => {
  it("validates the dispatcher's Request exactly as delivered", async () => {
    const shopify = shopifyApi({
      apiKey: "k",
      apiSecretKey: "s",
      apiVersion: "2026-10" as ApiVersion,
      hostName: "localhost",
      isEmbeddedApp: true,
      logger: { level: 0 },
    });
    const results: unknown[] = [];
    const dispatcher = new WebhookDispatcher({
      secret: "s",
      apiVersion: "2026-10",
      subscriptionName: () => "fulfillment-desk",
      target: async (request) => {
        const rawBody = await request.clone().text();
        results.push(await shopify.webhooks.validate({ rawBody, rawRequest: request }));
        return new Response(null, { status: 200 });
      },
    });
    dispatcher.emit({
      shop: "a.myshopify.com",
      topic: "fulfillment_orders/placed_on_hold",
      payload: { fulfillment_order: { id: "gid://shopify/FulfillmentOrder/1", status: "on_hold" } },
      triggeredAt: new Date("2026-11-20T10:00:00Z"),
    });
    await dispatcher.idle();
    expect(results).toEqual([
      expect.objectContaining({
        valid: true,
        topic: "FULFILLMENT_ORDERS_PLACED_ON_HOLD",
        domain: "a.myshopify.com",
        name: "fulfillment-desk",
        triggeredAt: "2026-11-20T10:00:00.000Z",
      }),
    ]);
  });
});
