// The post-purchase reads against the store simulator: the variant's price and stock per location
// with the flags that say it can ship, and the ledger's order read, whose new checkoutToken costs
// nothing (a scalar: https://shopify.dev/docs/api/usage/limits#cost-calculation).
import { beforeEach, describe, expect, it } from "vitest";
import { StoreSimulator } from "../../../simulator/store-simulator";
import { SEED_STOCK, seedLocations } from "../../../tests/support/seed";
import { TEST_ENV } from "../../../tests/support/test-env";
import { fetchOrderFulfillmentStatePage } from "./order-fulfillment-state.server";
import type { AdminGraphql } from "./run-operation.server";
import { fetchVariantAvailability } from "./variant-availability.server";

const SHOP = "variant-read.myshopify.com";
let sim: StoreSimulator;
let seed: ReturnType<typeof seedLocations>;
let documents: string[];

const graphql: AdminGraphql = async (query, options) => {
  documents.push(query);
  return new Response(JSON.stringify(await sim.graphql(SHOP, query, options?.variables)));
};

const requestedCost = async (query: string, variables: Record<string, unknown>) =>
  ((await sim.graphql(SHOP, query, variables)) as { extensions?: { cost?: { requestedQueryCost?: number } } })
    .extensions?.cost?.requestedQueryCost;

beforeEach(() => {
  sim = new StoreSimulator({ apiKey: TEST_ENV.SHOPIFY_API_KEY, apiSecret: TEST_ENV.SHOPIFY_API_SECRET });
  sim.createShop({ domain: SHOP, accessToken: "shpat_x" });
  seed = seedLocations(sim, SHOP);
  documents = [];
});

describe("fetchVariantAvailability", () => {
  it("reads price, titles, the numeric id and each location's stock and ship flags", async () => {
    const read = await fetchVariantAvailability(graphql, seed.tee.id);
    expect(read).toMatchObject({
      variantId: seed.tee.id,
      legacyId: Number(seed.tee.id.split("/").pop()),
      title: "Tee",
      productTitle: "Tee",
      imageUrl: null,
      price: "20.00",
    });
    const byLocation = Object.fromEntries(read!.stock.map((s) => [s.locationId, s]));
    expect(byLocation[seed.warehouse.id]).toMatchObject({ available: SEED_STOCK.warehouse, canShip: true });
    expect(byLocation[seed.thirdParty.id]).toMatchObject({ available: SEED_STOCK.thirdParty, canShip: true });
    // A pickup store doesn't ship inventory.
    expect(byLocation[seed.pickup.id]).toMatchObject({ available: SEED_STOCK.pickup, canShip: false });
  });

  it("answers null for a variant Shopify doesn't have", async () => {
    expect(await fetchVariantAvailability(graphql, "gid://shopify/ProductVariant/999999")).toBeNull();
  });
});

describe("the ledger's order read", () => {
  it("carries the checkout token at no extra cost", async () => {
    const order = sim.createOrder(SHOP, { lineItems: [{ variantId: seed.mug.id, quantity: 1 }] });
    const page = await fetchOrderFulfillmentStatePage(graphql, order.id);
    expect(page!.order.checkoutToken).toBe(order.checkoutToken);

    const document = documents[0]!;
    const without = document.replace(/^\s*checkoutToken\s*$/m, "");
    expect(without).not.toContain("checkoutToken");
    const variables = { id: order.id, foAfter: null };
    expect(await requestedCost(document, variables)).toBe(await requestedCost(without, variables));
  });
});
