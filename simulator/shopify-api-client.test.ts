// The simulator must be a drop-in for Shopify as @shopify/shopify-api v15 talks to
// it: token exchange (auth.tokenExchange) and the GraphQL client, over the
// global fetch that the test setup's network guard routes to the simulator.
import "@shopify/shopify-api/adapters/node";
import { RequestedTokenType, shopifyApi, type ApiVersion } from "@shopify/shopify-api";
import { afterEach, describe, expect, it } from "vitest";
import { routeRequests } from "../tests/support/network-guard";
import { signHs256 } from "../app/auth/jwt.server";
import { StoreSimulator } from "./store-simulator";

const SHOP = "client-test.myshopify.com";
const KEY = "client-key";
const SECRET = "client-secret";

let unroute: (() => void) | null = null;
afterEach(() => {
  unroute?.();
  unroute = null;
});

function setup() {
  const sim = new StoreSimulator({ apiKey: KEY, apiSecret: SECRET });
  sim.createShop({ domain: SHOP, name: "Client Test" });
  unroute = routeRequests(
    (url) => url.hostname === SHOP,
    (request) => sim.fetch(request),
  );
  const shopify = shopifyApi({
    apiKey: KEY,
    apiSecretKey: SECRET,
    apiVersion: "2026-10" as ApiVersion,
    hostName: "fulfillment-desk.test",
    isEmbeddedApp: true,
    logger: { level: 0 },
  });
  const now = Math.floor(Date.now() / 1000);
  const sessionToken = signHs256(
    {
      iss: `https://${SHOP}/admin`,
      dest: `https://${SHOP}`,
      aud: KEY,
      sub: "7",
      exp: now + 60,
      nbf: now - 1,
      iat: now,
      jti: "jti-1",
      sid: "sid-1",
    },
    SECRET,
  );
  return { sim, shopify, sessionToken };
}

describe("@shopify/shopify-api against the simulator", () => {
  it("exchanges a session token for an offline session and queries the Admin API with it", async () => {
    const { shopify, sessionToken } = setup();
    const { session } = await shopify.auth.tokenExchange({
      shop: SHOP,
      sessionToken,
      requestedTokenType: RequestedTokenType.OfflineAccessToken,
    });
    expect(session).toMatchObject({ shop: SHOP, isOnline: false, accessToken: expect.stringMatching(/^shpat_/) });
    const client = new shopify.clients.Graphql({ session });
    const res = await client.request(`query ShopName { shop { name myshopifyDomain } }`);
    expect(res.data).toEqual({ shop: { name: "Client Test", myshopifyDomain: SHOP } });
    expect(res.extensions).toMatchObject({ cost: { requestedQueryCost: 1, actualQueryCost: 1 } });
  });

  it("gets an expiring offline session with a refresh token, and an online session with its user", async () => {
    const { shopify, sessionToken } = setup();
    const offline = await shopify.auth.tokenExchange({
      shop: SHOP,
      sessionToken,
      requestedTokenType: RequestedTokenType.OfflineAccessToken,
      expiring: true,
    });
    expect(offline.session.refreshToken).toEqual(expect.any(String));
    expect(offline.session.expires).toBeInstanceOf(Date);
    const online = await shopify.auth.tokenExchange({
      shop: SHOP,
      sessionToken,
      requestedTokenType: RequestedTokenType.OnlineAccessToken,
    });
    expect(online.session).toMatchObject({ isOnline: true, onlineAccessInfo: { associated_user: { id: 7 } } });
  });

  it("surfaces the 401 for an unknown token as an HttpResponseError", async () => {
    const { shopify } = setup();
    const session = shopify.session.customAppSession(SHOP);
    session.accessToken = "shpat_nope";
    const client = new shopify.clients.Graphql({ session });
    await expect(client.request(`{ shop { name } }`)).rejects.toMatchObject({ response: { code: 401 } });
  });
});
