import { describe, expect, it } from "vitest";
import { upsellEligibleCart } from "./demo-checkout";

const catalog = [
  { id: "gid://shopify/ProductVariant/1", sku: "MUG", price: "18.00" },
  { id: "gid://shopify/ProductVariant/2", sku: "TEE", price: "32.00" },
];

describe("upsellEligibleCart", () => {
  it.each([
    ["no offer: one unit of the first variant", null, { variantId: catalog[0]!.id, quantity: 1 }],
    [
      "leaves out the offered variant",
      { variantId: catalog[0]!.id, minOrderTotal: null },
      { variantId: catalog[1]!.id, quantity: 1 },
    ],
    [
      "reaches the offer's minimum order total",
      { variantId: catalog[1]!.id, minOrderTotal: "50.00" },
      { variantId: catalog[0]!.id, quantity: 3 },
    ],
  ])("%s", (_name, offer, cart) => {
    expect(upsellEligibleCart(catalog, offer)).toEqual(cart);
  });

  it("has no cart when the only variant is the offered one", () => {
    expect(upsellEligibleCart(catalog.slice(0, 1), { variantId: catalog[0]!.id, minOrderTotal: null })).toBeNull();
  });
});
