// Shared setup for the simulator's own tests: a shop with a merchant warehouse,
// a 3PL location, a pickup store, one variant, and a controllable clock.
import { StoreSimulator } from "../../simulator/store-simulator";

export const SHOP = "demo.myshopify.com";
export const API_KEY = "test-api-key";
export const API_SECRET = "test-api-secret";
export const TOKEN = "shpat_test_token";

// Test assertions walk arbitrary response JSON.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LooseBody = { data?: any; errors?: any[]; extensions?: any };

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
  const warehouse = sim.addLocation(SHOP, { name: "Warehouse", kind: "merchant" });
  const thirdParty = sim.addLocation(SHOP, { name: "ShipBob", kind: "fulfillment_service" });
  const store = sim.addLocation(SHOP, { name: "Downtown store", kind: "pickup" });
  const closedStore = sim.addLocation(SHOP, { name: "Old store", kind: "merchant", active: false });
  const mug = sim.addVariant(SHOP, {
    title: "Mug",
    sku: "MUG-1",
    price: "12.50",
    inventory: { [warehouse.id]: 10, [thirdParty.id]: 20, [store.id]: 5 },
  });
  const tee = sim.addVariant(SHOP, {
    title: "Tee",
    sku: "TEE-1",
    price: "20.00",
    inventory: { [warehouse.id]: 10, [thirdParty.id]: 20, [store.id]: 5 },
  });
  const gql = async (query: string, variables?: Record<string, unknown>) =>
    (await sim.graphql(SHOP, query, variables)) as LooseBody;
  return { sim, clock, warehouse, thirdParty, store, closedStore, mug, tee, gql };
}
