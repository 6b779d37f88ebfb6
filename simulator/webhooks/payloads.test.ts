import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { webhookSamplesDir } from "../../tests/support/shopify-reference";
import { shapeDifferences } from "./key-tree";
import { SAMPLE_INPUTS, orderInput } from "./payload-fixtures";
import {
  buildPayload,
  legacyIdFromGid,
  orderPayload,
  restFulfillmentStatus,
  serializeWebhookPayload,
  TOPIC_PAYLOAD_BUILDERS,
  type PayloadTopic,
} from "./payloads";

// Shopify's published samples live in ../shared (never copied in); a missing directory fails the run.
const SAMPLES_DIR = webhookSamplesDir();

const topics = Object.keys(TOPIC_PAYLOAD_BUILDERS) as PayloadTopic[];
const sampleFile = (topic: string) => join(SAMPLES_DIR, `${topic.replace("/", "__")}.json`);
// JSON.parse rounds ids above 2^53, which is irrelevant for comparing shapes.
const readSample = (topic: string): unknown => JSON.parse(readFileSync(sampleFile(topic), "utf8"));

const ENUM_KEYS = new Set([
  "financial_status",
  "fulfillment_status",
  "cancel_reason",
  "status",
  "request_status",
  "reason",
  "method_type",
  "initial_status",
  "state",
  "shipment_status",
]);

function enumValues(value: unknown, out: Array<[string, string]> = []): Array<[string, string]> {
  if (Array.isArray(value)) value.forEach((v) => enumValues(v, out));
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (ENUM_KEYS.has(k) && typeof v === "string") out.push([k, v]);
      else enumValues(v, out);
    }
  }
  return out;
}

describe("payloads match Shopify's sample payloads", () => {
  it("has a builder for every sample topic on disk", () => {
    const onDisk = readdirSync(SAMPLES_DIR)
      .filter((f) => f.endsWith(".json"))
      .map((f) => f.replace(/\.json$/, "").replace("__", "/"));
    expect(onDisk.filter((t) => !(t in TOPIC_PAYLOAD_BUILDERS))).toEqual([]);
  });

  it.each(topics)("builds %s with the sample's keys, key order, array shapes and value kinds", (topic) => {
    const built: unknown = JSON.parse(serializeWebhookPayload(buildPayload(topic, SAMPLE_INPUTS[topic] as never)));
    expect(shapeDifferences(readSample(topic), built)).toEqual([]);
  });

  it.each(topics)("writes %s enums in lowercase like the sample", (topic) => {
    const values = enumValues(buildPayload(topic, SAMPLE_INPUTS[topic] as never));
    for (const [key, value] of values) expect(`${key}=${value}`).toBe(`${key}=${value.toLowerCase()}`);
    // The sample itself follows the same rule.
    for (const [key, value] of enumValues(readSample(topic)))
      expect(`${key}=${value}`).toBe(`${key}=${value.toLowerCase()}`);
  });
});

describe("payload values", () => {
  it("derives numeric ids from GIDs and keeps the GID in admin_graphql_api_id", () => {
    const p = orderPayload(orderInput);
    expect(p.id).toBe(1001);
    expect(p.admin_graphql_api_id).toBe("gid://shopify/Order/1001");
    expect(p.line_items[0]?.id).toBe(2001);
    expect(p.line_items[0]?.product_id).toBe(3001);
    expect(p.customer?.default_address?.customer_id).toBe(7001);
  });

  it("lowercases GraphQL enums and joins tags the REST way", () => {
    const p = buildPayload("orders/cancelled", SAMPLE_INPUTS["orders/cancelled"]);
    expect(p.financial_status).toBe("voided");
    expect(p.cancel_reason).toBe("customer");
    expect(p.tags).toBe("wholesale, priority");
    expect(restFulfillmentStatus("PARTIALLY_FULFILLED")).toBe("partial");
    expect(restFulfillmentStatus("UNFULFILLED")).toBeNull();
  });

  it("computes totals from line items, shipping and discounts", () => {
    const p = orderPayload({ ...orderInput, totalDiscounts: "4.50" });
    expect(p.total_line_items_price).toBe("244.50");
    expect(p.subtotal_price).toBe("240.00");
    expect(p.total_price).toBe("250.00");
    expect(p.total_price_set.shop_money).toEqual({ amount: "250.00", currency_code: "USD" });
    expect(p.total_outstanding).toBe("0.00");
  });

  it("keeps ids above 2^53 exact through serialisation", () => {
    const big = "gid://shopify/Order/820982911946154508";
    expect(legacyIdFromGid(big)).toBe(820982911946154508n);
    const json = serializeWebhookPayload(orderPayload({ ...orderInput, id: big }));
    expect(json).toContain('"id":820982911946154508,');
    expect(json).toContain(`"admin_graphql_api_id":"${big}"`);
  });

  it("rejects ids that are not numeric GIDs", () => {
    expect(() => legacyIdFromGid("1001")).toThrow(/GID/);
  });
});
