import { readFileSync } from "node:fs";
import { parse } from "smol-toml";
import { describe, expect, it } from "vitest";
import { API_VERSION } from "./api-version";
import { apiVersion } from "~/shopify.server";

describe("Admin API version", () => {
  it("is 2026-10 in code, in shopifyApp() and in shopify.app.toml", () => {
    const toml = parse(readFileSync("shopify.app.toml", "utf8")) as { webhooks: { api_version: string } };
    expect(API_VERSION).toBe("2026-10");
    expect(apiVersion).toBe(API_VERSION);
    expect(toml.webhooks.api_version).toBe(API_VERSION);
  });
});
