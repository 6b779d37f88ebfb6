import { existsSync, readFileSync } from "node:fs";
import { parse } from "smol-toml";
import { describe, expect, it } from "vitest";
import { API_VERSION } from "~/shopify/api-version";
import { COMPLIANCE_TOPICS, WEBHOOK_TOPICS } from "./topics";

interface Subscription {
  topics?: string[];
  compliance_topics?: string[];
  uri: string;
  include_fields?: string[];
}

const text = readFileSync("shopify.app.toml", "utf8");
const config = parse(text) as unknown as { webhooks: { api_version: string; subscriptions: Subscription[] } };
const subscriptions = config.webhooks.subscriptions;
const routeFileFor = (uri: string) => `app/routes/${uri.replace(/^\//, "").split("/").join(".")}.tsx`;
const topicsOf = (s: Subscription) => [...(s.topics ?? []), ...(s.compliance_topics ?? [])];

describe("shopify.app.toml webhook subscriptions", () => {
  it("uses the code's API version", () => {
    expect(config.webhooks.api_version).toBe(API_VERSION);
  });

  it.each(subscriptions.map((s) => [s.uri, s] as const))("%s has a route", (uri) => {
    expect(existsSync(routeFileFor(uri)), routeFileFor(uri)).toBe(true);
  });

  it("names the handling route in a '# Handled by' comment above each subscription", () => {
    for (const s of subscriptions) {
      expect(text).toContain(`# Handled by: ${routeFileFor(s.uri)}`);
    }
  });

  it("subscribes to the three compliance topics", () => {
    const compliance = subscriptions.flatMap((s) => s.compliance_topics ?? []);
    expect(compliance.sort()).toEqual([...COMPLIANCE_TOPICS].sort());
  });

  it("subscribes to exactly the topics the app handles", () => {
    expect(subscriptions.flatMap(topicsOf).sort()).toEqual(Object.keys(WEBHOOK_TOPICS).sort());
  });

  it("trims orders/* payloads only to fields that still identify and date the change", () => {
    for (const s of subscriptions.filter((x) => x.include_fields)) {
      expect(s.include_fields).toEqual(expect.arrayContaining(["admin_graphql_api_id", "updated_at"]));
    }
  });
});
