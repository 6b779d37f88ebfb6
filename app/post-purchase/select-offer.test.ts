import { describe, expect, it } from "vitest";
import type { VariantAvailability } from "~/shopify/admin/variant-availability.server";
import { candidateOffers, type InitialPurchase, type OfferRule, quoteOffer } from "./select-offer";

const offer = (over: Partial<OfferRule> = {}): OfferRule => ({
  id: "o1",
  enabled: true,
  position: 0,
  productId: "gid://shopify/Product/10",
  variantId: "gid://shopify/ProductVariant/11",
  quantity: 1,
  discountPercent: "20",
  maxDiscountAmount: null,
  minOrderTotal: null,
  ...over,
});

const purchase = (over: Partial<InitialPurchase> = {}): InitialPurchase => ({
  totalAmount: "50.00",
  currencyCode: "USD",
  lines: [{ productId: 1, variantId: 2 }],
  ...over,
});

const stock = (over: Partial<VariantAvailability> = {}): VariantAvailability => ({
  variantId: "gid://shopify/ProductVariant/11",
  legacyId: 11,
  title: "Blue",
  productTitle: "Mug",
  imageUrl: null,
  price: "12.00",
  stock: [{ locationId: "gid://shopify/Location/1", available: 5, canShip: true }],
  ...over,
});

describe("candidateOffers", () => {
  it.each([
    ["offered", [offer()], purchase(), ["o1"]],
    ["disabled", [offer({ enabled: false })], purchase(), []],
    ["variant in the order already", [offer()], purchase({ lines: [{ productId: 99, variantId: 11 }] }), []],
    ["product in the order already", [offer()], purchase({ lines: [{ productId: 10, variantId: 98 }] }), []],
    ["below the minimum", [offer({ minOrderTotal: "50.01" })], purchase(), []],
    ["at the minimum", [offer({ minOrderTotal: "50" })], purchase(), ["o1"]],
    ["unreadable minimum", [offer({ minOrderTotal: "lots" })], purchase(), []],
    [
      "position order, first match first",
      [
        offer({ id: "late", position: 5 }),
        offer({ id: "early", position: 1 }),
        offer({ id: "off", position: 0, enabled: false }),
      ],
      purchase(),
      ["early", "late"],
    ],
  ] as const)("%s", (_name, offers, bought, expected) => {
    expect(candidateOffers(offers, bought).map((o) => o.id)).toEqual(expected);
  });
});

describe("quoteOffer", () => {
  it.each([
    [
      "percentage",
      offer(),
      stock(),
      { originalPrice: "12.00", discountedPrice: "9.60", discount: { value: 20, valueType: "percentage" } },
    ],
    [
      "capped: the cap as a fixed amount per unit",
      offer({ quantity: 2, maxDiscountAmount: "3.00" }),
      stock(),
      { originalPrice: "12.00", discountedPrice: "10.50", discount: { value: 1.5, valueType: "fixed_amount" } },
    ],
    [
      "capped: the per-unit amount rounds down, so the total never passes the cap",
      offer({ quantity: 3, maxDiscountAmount: "1.00" }),
      stock(),
      { originalPrice: "12.00", discountedPrice: "11.67", discount: { value: 0.33, valueType: "fixed_amount" } },
    ],
    [
      "under the cap stays a percentage",
      offer({ maxDiscountAmount: "5" }),
      stock(),
      { discountedPrice: "9.60", discount: { value: 20, valueType: "percentage" } },
    ],
    [
      "cents never drift",
      offer({ quantity: 3, discountPercent: "10" }),
      stock({ price: "19.99" }),
      { discountedPrice: "17.99" },
    ],
  ] as const)("%s", (_name, rule, availability, expected) => {
    expect(quoteOffer(rule, availability, "Thanks")).toMatchObject(expected);
  });

  it.each([
    ["out of stock", stock({ stock: [{ locationId: "l", available: 0, canShip: true }] }), offer()],
    [
      "not enough for the quantity",
      stock({ stock: [{ locationId: "l", available: 1, canShip: true }] }),
      offer({ quantity: 2 }),
    ],
    ["stock only where nothing ships", stock({ stock: [{ locationId: "l", available: 9, canShip: false }] }), offer()],
    ["no levels at all", stock({ stock: [] }), offer()],
    ["a percent above 100", stock(), offer({ discountPercent: "101" })],
    ["a quantity below 1", stock(), offer({ quantity: 0 })],
  ] as const)("none when %s", (_name, availability, rule) => {
    expect(quoteOffer(rule, availability, "Thanks")).toBeNull();
  });
});
