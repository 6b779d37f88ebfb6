import "@shopify/shopify-api/adapters/node";
import { ApiVersion, shopifyApi } from "@shopify/shopify-api";
import { describe, expect, it } from "vitest";
import { mintSessionToken, SESSION_TOKEN_LIFETIME_SECONDS, sessionTokenClaims } from "./session-token.server";

const SHOP = "demo-shop.myshopify.com";
const API_KEY = "demo-key";
const API_SECRET = "demo-secret-0123456789";

// The library authenticate.admin uses to validate session tokens is the judge of "the way Shopify does".
const api = shopifyApi({
  apiKey: API_KEY,
  apiSecretKey: API_SECRET,
  hostName: "fulfillment-desk.test",
  apiVersion: ApiVersion.October25,
  isEmbeddedApp: true,
  logger: { level: 0 },
});

describe("mintSessionToken", () => {
  it("mints a token that @shopify/shopify-api accepts for the shop, app and staff member", async () => {
    const token = mintSessionToken({ shop: SHOP, apiKey: API_KEY, apiSecret: API_SECRET, userId: "42" });

    const payload = await api.session.decodeSessionToken(token);

    expect(payload).toMatchObject({
      iss: `https://${SHOP}/admin`,
      dest: `https://${SHOP}`,
      aud: API_KEY,
      sub: "42",
    });
    expect(payload.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(payload.sid).toMatch(/^[0-9a-f]{32}$/);
  });

  it("is refused when signed with another app's secret", async () => {
    const token = mintSessionToken({ shop: SHOP, apiKey: API_KEY, apiSecret: "someone-else", userId: "42" });

    await expect(api.session.decodeSessionToken(token)).rejects.toThrow(/Failed to parse session token/);
  });

  it("lives one minute from the moment it is issued, like Shopify's", () => {
    const now = new Date("2026-11-22T12:00:00Z");

    const claims = sessionTokenClaims({ shop: SHOP, apiKey: API_KEY, apiSecret: API_SECRET, userId: "42", now });

    expect(claims.iat).toBe(now.getTime() / 1000);
    expect(claims.nbf).toBe(claims.iat);
    expect(claims.exp - claims.iat).toBe(SESSION_TOKEN_LIFETIME_SECONDS);
  });

  it("gives every token its own jti but keeps the admin session id", () => {
    const input = { shop: SHOP, apiKey: API_KEY, apiSecret: API_SECRET, userId: "42" };

    const [a, b] = [sessionTokenClaims(input), sessionTokenClaims(input)];

    expect(a.jti).not.toBe(b.jti);
    expect(a.sid).toBe(b.sid);
  });
});
