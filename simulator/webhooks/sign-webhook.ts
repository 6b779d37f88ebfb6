// Signs a webhook exactly as Shopify's HTTPS delivery does, for the dispatcher
// and for tests that hand-craft requests (e.g. Shopify's sample files read raw).
import { createHmac, randomUUID } from "node:crypto";
import { serializeWebhookPayload } from "./payload-values";

/**
 * Shopify's User-Agent for webhook deliveries. Observed on real deliveries,
 * not listed on shopify.dev; apps should not depend on it.
 */
const SHOPIFY_WEBHOOK_USER_AGENT = "Shopify-Captain-Hook";

/**
 * Base64 HMAC-SHA256 of the raw body keyed with the app's client secret
 * (https://shopify.dev/docs/apps/build/webhooks/verify-deliveries).
 */
export function computeWebhookHmac(secret: string, rawBody: string): string {
  return createHmac("sha256", secret).update(rawBody, "utf8").digest("base64");
}

type SignWebhookInput = {
  secret: string;
  topic: string;
  shop: string;
  /** A string is signed and returned byte-for-byte; anything else is serialised once. */
  body: string | unknown;
  apiVersion: string;
  webhookId?: string;
  eventId?: string;
  triggeredAt?: Date | string;
  /** Subscription name; only then does Shopify send `X-Shopify-Name`. */
  name?: string;
};

type SignedWebhook = { headers: Record<string, string>; body: string };

/**
 * Headers per https://shopify.dev/docs/apps/build/webhooks/delivery-structure#headers.
 * `X-Shopify-Webhook-Id` is the delivery id (stable across retries);
 * `X-Shopify-Event-Id` identifies the event and repeats on duplicates
 * (https://shopify.dev/apps/build/webhooks/ignore-duplicates);
 * `X-Shopify-Triggered-At` is when the event happened, so retries carry the
 * original time (https://shopify.dev/changelog/updates-to-webhook-retry-mechanism);
 * `X-Shopify-Name` only for named subscriptions
 * (https://shopify.dev/changelog/webhook-subscriptions-now-support-a-name-field-for-identification).
 */
export function signWebhook(input: SignWebhookInput): SignedWebhook {
  const body = typeof input.body === "string" ? input.body : serializeWebhookPayload(input.body);
  const triggeredAt =
    input.triggeredAt instanceof Date
      ? input.triggeredAt.toISOString()
      : (input.triggeredAt ?? new Date().toISOString());
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    "User-Agent": SHOPIFY_WEBHOOK_USER_AGENT,
    "X-Shopify-Topic": input.topic,
    "X-Shopify-Hmac-Sha256": computeWebhookHmac(input.secret, body),
    "X-Shopify-Shop-Domain": input.shop,
    "X-Shopify-API-Version": input.apiVersion,
    "X-Shopify-Webhook-Id": input.webhookId ?? randomUUID(),
    "X-Shopify-Event-Id": input.eventId ?? randomUUID(),
    "X-Shopify-Triggered-At": triggeredAt,
  };
  if (input.name) headers["X-Shopify-Name"] = input.name;
  return { headers, body };
}
