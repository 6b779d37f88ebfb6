import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { webhookSamplePath } from "../../tests/support/shopify-reference";
import { computeWebhookHmac, signWebhook } from "./sign-webhook";

const SAMPLE = webhookSamplePath("orders/create");

describe("signWebhook", () => {
  it("signs a raw string body byte-for-byte and returns it unchanged", () => {
    const raw = '{"id": 820982911946154508,\n  "note": "caf\u00e9"}';
    const { body, headers } = signWebhook({
      secret: "s",
      topic: "orders/create",
      shop: "a.myshopify.com",
      body: raw,
      apiVersion: "2026-10",
    });
    expect(body).toBe(raw);
    expect(headers["X-Shopify-Hmac-Sha256"]).toBe(
      createHmac("sha256", "s").update(Buffer.from(raw, "utf8")).digest("base64"),
    );
  });

  it("signs Shopify's sample file read raw, keeping its 18-digit ids", () => {
    const raw = readFileSync(SAMPLE, "utf8");
    const { body, headers } = signWebhook({
      secret: "s",
      topic: "orders/create",
      shop: "a.myshopify.com",
      body: raw,
      apiVersion: "2026-10",
    });
    expect(body).toBe(raw);
    expect(body).toContain("820982911946154508");
    expect(headers["X-Shopify-Hmac-Sha256"]).toBe(computeWebhookHmac("s", raw));
  });

  it("sends the headers Shopify sends, with the ids and time it was given", () => {
    const triggeredAt = new Date("2026-11-20T10:00:00.000Z");
    const { headers, body } = signWebhook({
      secret: "s",
      topic: "orders/paid",
      shop: "a.myshopify.com",
      body: { id: 1 },
      apiVersion: "2026-10",
      webhookId: "w-1",
      eventId: "e-1",
      triggeredAt,
      name: "orders-paid",
    });
    expect(body).toBe('{"id":1}');
    expect(headers).toMatchObject({
      "Content-Type": "application/json",
      "X-Shopify-Topic": "orders/paid",
      "X-Shopify-Shop-Domain": "a.myshopify.com",
      "X-Shopify-API-Version": "2026-10",
      "X-Shopify-Webhook-Id": "w-1",
      "X-Shopify-Event-Id": "e-1",
      "X-Shopify-Triggered-At": "2026-11-20T10:00:00.000Z",
      "X-Shopify-Name": "orders-paid",
    });
  });

  it("omits X-Shopify-Name for unnamed subscriptions and invents uuids when none are given", () => {
    const { headers } = signWebhook({
      secret: "s",
      topic: "t/x",
      shop: "a.myshopify.com",
      body: "{}",
      apiVersion: "2026-10",
    });
    expect(headers).not.toHaveProperty("X-Shopify-Name");
    expect(headers["X-Shopify-Webhook-Id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(headers["X-Shopify-Event-Id"]).toMatch(/^[0-9a-f-]{36}$/);
  });
});
