// The carrier list must be Shopify's, spelled exactly as Shopify spells it: compare it with the
// description of FulfillmentTrackingInfo.company in the cached Admin schema (2026-10).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { SUPPORTED_TRACKING_COMPANIES } from "./tracking-companies";

const SCHEMA = fileURLToPath(
  new URL("../../../node_modules/.cache/shopify-admin-schema/admin-2026-10.graphql", import.meta.url),
);

describe("SUPPORTED_TRACKING_COMPANIES", () => {
  it("is the global list of FulfillmentTrackingInfo.company in the app's Admin API version", () => {
    const sdl = readFileSync(SCHEMA, "utf8");
    const start = sdl.indexOf("The following tracking companies display for shops located in any country:");
    const end = sdl.indexOf("The following tracking companies are displayed for shops located in specific countries");
    expect(start).toBeGreaterThan(0);
    const listed = [...sdl.slice(start, end).matchAll(/\* (.+)/g)].map((m) => m[1]!.trim());

    expect([...SUPPORTED_TRACKING_COMPANIES]).toEqual(listed);
    expect(SUPPORTED_TRACKING_COMPANIES).toContain("UPS");
    expect(SUPPORTED_TRACKING_COMPANIES).toContain("DHL Express");
  });
});
