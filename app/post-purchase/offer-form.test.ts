// The offer editor's validation: every field's bounds, one message per field.
import { describe, expect, it } from "vitest";
import { en } from "~/i18n/en";
import { parseOfferDraft } from "./offer-form";

const t = en.upsell.errors;

const VALID_OFFER_FORM = {
  name: "Socks with every tee",
  productId: "gid://shopify/Product/1",
  variantId: "gid://shopify/ProductVariant/11",
  productTitle: "Socks",
  variantTitle: "Blue",
  imageUrl: "https://cdn.example.com/socks.png",
  discountPercent: "20",
  maxDiscountAmount: "",
  minOrderTotal: "25.00",
  quantity: "1",
  enabled: "on",
};

describe("parseOfferDraft", () => {
  it("accepts a complete offer and reads empty conditions as none", () => {
    expect(parseOfferDraft(VALID_OFFER_FORM)).toEqual({
      ok: true,
      draft: {
        ...VALID_OFFER_FORM,
        maxDiscountAmount: null,
        quantity: 1,
        enabled: true,
      },
    });
  });

  it.each([
    ["discountPercent", "0", t.discountPercent],
    ["discountPercent", "100.01", t.discountPercent],
    ["discountPercent", "-5", t.discountPercent],
    ["discountPercent", "abc", t.discountPercent],
    ["maxDiscountAmount", "-1", t.maxDiscountAmount],
    ["maxDiscountAmount", "1e3", t.maxDiscountAmount],
    ["minOrderTotal", "-0.01", t.minOrderTotal],
    ["quantity", "0", t.quantity],
    ["quantity", "11", t.quantity],
    ["quantity", "1.5", t.quantity],
    ["name", "", t.name],
    ["name", "   ", t.name],
    ["name", "x".repeat(81), t.name],
    ["productId", "", t.product],
    ["variantId", "gid://shopify/Product/1", t.product],
  ])("refuses %s = %j with its field message", (field, value, message) => {
    const result = parseOfferDraft({ ...VALID_OFFER_FORM, [field]: value });
    const shownUnder = field === "variantId" ? "productId" : field;
    expect(result).toEqual({ ok: false, fieldErrors: { [shownUnder]: message } });
  });

  it("accepts the bounds themselves: 100% off, a 0 maximum, 10 items, 80 characters", () => {
    const result = parseOfferDraft({
      ...VALID_OFFER_FORM,
      discountPercent: "100",
      maxDiscountAmount: "0",
      quantity: "10",
      name: "x".repeat(80),
    });
    expect(result.ok).toBe(true);
  });

  it("shows every invalid field at once, and a missing product under the picker", () => {
    const result = parseOfferDraft({ name: "", discountPercent: "0", quantity: "0" });
    expect(result).toEqual({
      ok: false,
      fieldErrors: { name: t.name, productId: t.product, discountPercent: t.discountPercent, quantity: t.quantity },
    });
  });

  it("reads a posted checkbox as on whatever its value, and a missing one as off", () => {
    const enabled = (value: string | undefined) => {
      const result = parseOfferDraft({ ...VALID_OFFER_FORM, enabled: value });
      return result.ok && result.draft.enabled;
    };
    expect([enabled("on"), enabled("true"), enabled(""), enabled(undefined), enabled("false")]).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it("drops an image address that is not http(s) instead of storing it", () => {
    const result = parseOfferDraft({ ...VALID_OFFER_FORM, imageUrl: "javascript:alert(1)" });
    expect(result.ok && result.draft.imageUrl).toBeNull();
  });
});
