// Shopify's HMAC covers the raw body only, not the headers
// (https://shopify.dev/docs/apps/build/webhooks/verify-deliveries):
// a body signed for one topic or shop can be replayed under another `X-Shopify-Topic` and
// `X-Shopify-Shop-Domain`. Before a destructive handler may act on the headers, the body must say
// the same thing: the same shop, and the shape of the topic it claims to be.
// Pure: ingest checks before recording, the processing job again before acting.
import type { TopicKind } from "./topics";

type PayloadCheck = { ok: true } | { ok: false; reason: string };

type Body = Record<string, unknown>;

const OK: PayloadCheck = { ok: true };
const fail = (reason: string): PayloadCheck => ({ ok: false, reason });

const isObject = (value: unknown): value is Body =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isId = (value: unknown) =>
  (typeof value === "number" && Number.isInteger(value)) || (typeof value === "string" && /^\d+$/.test(value));
const sameDomain = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The compliance payloads all carry `shop_id` and `shop_domain`
 * (https://shopify.dev/docs/apps/build/compliance/privacy-law-compliance); each topic adds its own
 * keys, and a body that carries another compliance topic's keys was signed for that topic.
 */
function checkCompliance(body: Body, shop: string, required: string[], foreign: string[]): PayloadCheck {
  if (!isId(body.shop_id)) return fail("the body has no shop_id");
  if (typeof body.shop_domain !== "string") return fail("the body has no shop_domain");
  if (!sameDomain(body.shop_domain, shop))
    return fail(`the body's shop_domain (${body.shop_domain}) is not X-Shopify-Shop-Domain (${shop})`);
  const missing = required.filter((key) => !(key in body));
  if (missing.length) return fail(`the body lacks ${missing.join(", ")}`);
  const stray = foreign.filter((key) => key in body);
  if (stray.length) return fail(`the body carries ${stray.join(", ")}, which this topic never sends`);
  return OK;
}

/**
 * Whether `payload` can be the body of a delivery of this topic kind for `shop`. Only the kinds
 * whose handler deletes or reports data are checked; the sync kinds only name orders to re-read
 * through the header shop's own Admin access, so a foreign body cannot reach another shop's rows.
 */
export function checkPayloadAgainstHeaders(kind: TopicKind, shop: string, payload: unknown): PayloadCheck {
  if (kind === "order" || kind === "fulfillment-order") return OK;
  if (!isObject(payload)) return fail("the body is not a JSON object");
  switch (kind) {
    case "shop-redact":
      // https://shopify.dev/docs/apps/build/compliance/privacy-law-compliance#shop-redact
      return checkCompliance(payload, shop, [], ["customer", "orders_to_redact", "orders_requested", "data_request"]);
    case "customers-redact":
      // https://shopify.dev/docs/apps/build/compliance/privacy-law-compliance#customers-redact
      return checkCompliance(payload, shop, ["customer", "orders_to_redact"], ["orders_requested", "data_request"]);
    case "customers-data-request":
      // https://shopify.dev/docs/apps/build/compliance/privacy-law-compliance#customers-data_request
      return checkCompliance(payload, shop, ["customer", "orders_requested"], ["orders_to_redact"]);
    case "app-uninstalled": {
      // The body is the REST Shop resource (https://shopify.dev/docs/api/webhooks?reference=toml#list-of-topics-app/uninstalled).
      // Shopify's own sample sends `myshopify_domain: null`, so a null is accepted; a domain, when
      // given, must be the header's. The key itself must be there: no other topic's body has it.
      if (!isId(payload.id)) return fail("the body has no shop id");
      if (!("myshopify_domain" in payload)) return fail("the body is not a shop (no myshopify_domain)");
      const domain = payload.myshopify_domain;
      if (domain !== null && (typeof domain !== "string" || !sameDomain(domain, shop)))
        return fail(`the body's myshopify_domain (${String(domain)}) is not X-Shopify-Shop-Domain (${shop})`);
      return OK;
    }
    case "app-scopes-update":
      // https://shopify.dev/docs/api/webhooks?reference=toml#list-of-topics-app/scopes_update
      return Array.isArray(payload.current) ? OK : fail("the body has no current scopes");
    case "order-deleted":
      // orders/delete sends only the order id (Shopify's sample: { "id": … }).
      return isId(payload.id) ? OK : fail("the body has no order id");
  }
}
