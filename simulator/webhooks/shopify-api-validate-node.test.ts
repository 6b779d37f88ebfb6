// @shopify/shopify-api itself must accept what the dispatcher sends. This file
// uses the node adapter, whose rawRequest is an IncomingMessage-like object
// (it copies `req.headers`, so a fetch Request would look header-less); the
// web-api adapter that shopify-app-remix uses is covered in
// shopify-api-validate-web.test.ts. Adapters are global, hence two files.
import "@shopify/shopify-api/adapters/node";
import { shopifyApi, type ApiVersion } from "@shopify/shopify-api";
import { describe, expect, it } from "vitest";
import { WebhookDispatcher } from "./webhook-dispatcher";

describe("HMAC and headers with @shopify/shopify-api (node adapter)", () => {
  it("validates a delivery produced by the dispatcher and rejects a wrong secret", async () => {
    const shopify = shopifyApi({
      apiKey: "k",
      apiSecretKey: "s",
      apiVersion: "2026-10" as ApiVersion,
      hostName: "localhost",
      isEmbeddedApp: true,
      logger: { level: 0 },
    });
    const seen: Array<{
      rawBody: string;
      rawRequest: { headers: Record<string, string>; method: string; url: string };
    }> = [];
    const dispatcher = new WebhookDispatcher({
      secret: "s",
      apiVersion: "2026-10",
      target: async (request) => {
        seen.push({
          rawBody: await request.text(),
          rawRequest: { headers: Object.fromEntries(request.headers), method: request.method, url: request.url },
        });
        return new Response(null, { status: 200 });
      },
    });
    dispatcher.emit({
      shop: "a.myshopify.com",
      topic: "orders/create",
      payload: { id: 1001 },
      triggeredAt: new Date(),
    });
    await dispatcher.idle();

    const delivery = seen[0];
    if (!delivery) throw new Error("nothing delivered");
    const result = await shopify.webhooks.validate(delivery);
    expect(result).toMatchObject({
      valid: true,
      topic: "ORDERS_CREATE",
      domain: "a.myshopify.com",
      apiVersion: "2026-10",
      webhookId: dispatcher.deliveries[0]?.webhookId,
      eventId: dispatcher.deliveries[0]?.eventId,
    });

    const other = shopifyApi({
      apiKey: "k",
      apiSecretKey: "other",
      apiVersion: "2026-10" as ApiVersion,
      hostName: "localhost",
      isEmbeddedApp: true,
      logger: { level: 0 },
    });
    expect(await other.webhooks.validate(delivery)).toMatchObject({ valid: false, reason: "invalid_hmac" });
  });
});
