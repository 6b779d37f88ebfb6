// The delivery every benchmark request carries: Shopify's own orders/create sample, read raw
// (byte for byte, as Shopify would send it) and signed once. Only the webhook and event ids
// change per request, and they are headers, so the HMAC of the body stays valid.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { signWebhook } from "../../simulator/webhooks/sign-webhook";
import { API_VERSION } from "../../app/shopify/api-version";

export const BENCH_SHOP = "bench-shop.myshopify.com";
export const BENCH_API_KEY = "bench-api-key-not-a-real-app";
export const BENCH_API_SECRET = "bench-api-secret-not-a-real-app-0123456789";
export const BENCH_TOPIC = "orders/create";

export interface SignedDelivery {
  headers: Record<string, string>;
  body: string;
  bytes: number;
}

export function sampleOrdersCreatePath(root: string): string {
  return resolve(root, "../shared/shopify/webhooks/orders__create.json");
}

export function signedOrdersCreate(root: string): SignedDelivery {
  const body = readFileSync(sampleOrdersCreatePath(root), "utf8");
  const { headers } = signWebhook({
    secret: BENCH_API_SECRET,
    topic: BENCH_TOPIC,
    shop: BENCH_SHOP,
    body,
    apiVersion: API_VERSION,
  });
  return { headers, body, bytes: Buffer.byteLength(body) };
}
