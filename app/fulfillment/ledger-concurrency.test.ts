import { afterEach, beforeEach, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { shopAdminGraphql } from "~/shopify/admin/shop-admin.server";
import { seedLocations } from "../../tests/support/seed";
import { installShop, type SimulatorHarness, startSimulator } from "../../tests/support/simulator";
import { refreshOrder } from "./refresh-order.server";

// Writers of one order at the same moment (a webhook job in one worker, the sweep in another):
// on PostgreSQL they run concurrently, and without the ledger's transaction lock both read "no
// such order" and both insert it (docs/decisions/0035-one-schema-two-providers.md).
let h: SimulatorHarness;

beforeEach(() => {
  h = startSimulator();
});
afterEach(() => h.close());

it("lets concurrent writers of one new order all succeed, leaving one order and its FOs once", async () => {
  const shop = "ledger-concurrent.myshopify.com";
  await installShop(h.sim, shop);
  const s = seedLocations(h.sim, shop);
  const graphql = (await shopAdminGraphql(shop))!;

  for (let round = 0; round < 4; round += 1) {
    const order = h.sim.createOrder(shop, { lineItems: [{ variantId: s.mug.id, quantity: 1 }] });
    const writes = await Promise.allSettled(
      Array.from({ length: 6 }, () => refreshOrder(graphql, shop, order.id, { source: "webhook" })),
    );
    expect(writes.filter((w) => w.status === "rejected")).toEqual([]);
    expect(await prisma.order.count({ where: { shop, shopifyId: order.id } })).toBe(1);
    expect(await prisma.fulfillmentOrder.count({ where: { shop, orderShopifyId: order.id } })).toBe(
      h.sim.fulfillmentOrdersOf(order.id).length,
    );
  }
});
