import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seedLocations } from "../../../tests/support/seed";
import { installShop, type SimulatorHarness, startSimulator } from "../../../tests/support/simulator";
import { ShopifyUserError } from "./errors";
import { mergeFulfillmentOrders } from "./fulfillment-order-merge.server";
import { shopAdminGraphql } from "./shop-admin.server";

let h: SimulatorHarness;
let n = 0;

beforeEach(() => {
  h = startSimulator();
});
afterEach(() => h.close());

/** An order whose accepted post-purchase offer left two open FOs at the warehouse. */
async function orderWithUpsell() {
  const shop = `merge-${++n}.myshopify.com`;
  await installShop(h.sim, shop);
  const s = seedLocations(h.sim, shop);
  const order = h.sim.createOrder(shop, {
    lineItems: [{ variantId: s.mug.id, quantity: 1 }],
    postPurchaseOffer: true,
  });
  h.sim.completePostPurchase(order.id, { addLineItems: [{ variantId: s.tee.id, quantity: 2 }] });
  const [first, upsell] = h.sim.fulfillmentOrdersOf(order.id);
  return { shop, order, first: first!, upsell: upsell!, graphql: (await shopAdminGraphql(shop))! };
}

describe("mergeFulfillmentOrders", () => {
  it("merges the FOs and returns the new FO's id, which holds every line", async () => {
    const { order, first, upsell, graphql } = await orderWithUpsell();
    const mergedId = await mergeFulfillmentOrders(graphql, [
      { fulfillmentOrderId: first.id, lines: [] },
      { fulfillmentOrderId: upsell.id, lines: [] },
    ]);
    expect(mergedId).not.toBeNull();
    expect([first.id, upsell.id]).not.toContain(mergedId);
    const merged = h.sim.getFulfillmentOrder(mergedId!);
    expect(merged).toMatchObject({ orderId: order.id, status: "OPEN", requestStatus: "UNSUBMITTED" });
    expect(merged.lineItems.map((li) => li.totalQuantity)).toEqual([1, 2]);
  });

  it("throws Shopify's refusal as a ShopifyUserError naming the field, and merges nothing", async () => {
    const { order, first, graphql } = await orderWithUpsell();
    const refused = mergeFulfillmentOrders(graphql, [
      { fulfillmentOrderId: first.id, lines: [] },
      { fulfillmentOrderId: "gid://shopify/FulfillmentOrder/999999", lines: [] },
    ]);
    await expect(refused).rejects.toBeInstanceOf(ShopifyUserError);
    await expect(refused).rejects.toMatchObject({
      userErrors: [
        {
          field: ["fulfillmentOrderMergeInputs", "0", "mergeIntents", "1", "fulfillmentOrderId"],
          code: "FULFILLMENT_ORDER_NOT_FOUND",
        },
      ],
    });
    expect(h.sim.fulfillmentOrdersOf(order.id).map((fo) => fo.status)).toEqual(["OPEN", "OPEN"]);
  });
});
