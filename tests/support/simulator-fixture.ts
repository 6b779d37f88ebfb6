// The simulator's own tests: the one seed (./seed.ts) in a fresh simulator with a controllable
// clock, and a GraphQL helper for that shop.
import { StoreSimulator } from "../../simulator/store-simulator";
import { seedLocations } from "./seed";

export const SHOP = "demo.myshopify.com";
export const API_KEY = "test-api-key";
export const API_SECRET = "test-api-secret";
export const TOKEN = "shpat_test_token";

// Test assertions walk arbitrary response JSON.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type LooseBody = { data?: any; errors?: any[]; extensions?: any };

export function setupStore(opts: { plan?: Parameters<StoreSimulator["createShop"]>[0]["plan"] } = {}) {
  let now = new Date("2026-11-01T10:00:00Z");
  const clock = {
    now: () => now,
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
  };
  const sim = new StoreSimulator({ apiKey: API_KEY, apiSecret: API_SECRET, now: clock.now });
  sim.createShop({ domain: SHOP, name: "Demo", accessToken: TOKEN, ...(opts.plan ? { plan: opts.plan } : {}) });
  const { warehouse, thirdParty, pickup: store, closedStore, mug, tee } = seedLocations(sim, SHOP);
  const gql = async (query: string, variables?: Record<string, unknown>) =>
    (await sim.graphql(SHOP, query, variables)) as LooseBody;
  return { sim, clock, warehouse, thirdParty, store, closedStore, mug, tee, gql };
}
