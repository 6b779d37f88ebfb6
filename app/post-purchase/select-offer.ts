// Which offer the buyer sees after paying: the merchant's offers in their order, the first whose
// conditions hold. Pure: the I/O (offer rows, the variant's stock) is in offer.server.ts.
import type { VariantAvailability } from "~/shopify/admin/variant-availability.server";
import { fromCents, toBasisPoints, toCents } from "./money";

export interface OfferRule {
  id: string;
  enabled: boolean;
  position: number;
  productId: string;
  variantId: string;
  quantity: number;
  discountPercent: string;
  maxDiscountAmount: string | null;
  minOrderTotal: string | null;
}

/** What the extension's token says was bought (numeric ids, as the token carries them). */
export interface InitialPurchase {
  totalAmount: string;
  currencyCode: string;
  lines: { productId: number; variantId: number }[];
}

export interface OfferDiscount {
  value: number;
  valueType: "percentage" | "fixed_amount";
  title: string;
}

export interface OfferQuote {
  offerId: string;
  variantLegacyId: number;
  quantity: number;
  /** Unit prices, decimal strings. */
  originalPrice: string;
  discountedPrice: string;
  discount: OfferDiscount;
}

/** The number of a GID ("gid://shopify/ProductVariant/7" → 7). */
const numberOf = (gid: string): number => Number(gid.split("/").pop());

/**
 * The enabled offers whose order conditions hold (not already bought, the purchase reaches the
 * minimum), lowest position first. Stock is checked after, one candidate at a time.
 */
export function candidateOffers<T extends OfferRule>(offers: readonly T[], purchase: InitialPurchase): T[] {
  const total = toCents(purchase.totalAmount) ?? 0;
  const boughtProducts = new Set(purchase.lines.map((l) => l.productId));
  const boughtVariants = new Set(purchase.lines.map((l) => l.variantId));
  return [...offers]
    .sort((a, b) => a.position - b.position)
    .filter((offer) => {
      if (!offer.enabled) return false;
      if (boughtVariants.has(numberOf(offer.variantId)) || boughtProducts.has(numberOf(offer.productId))) return false;
      const minimum = offer.minOrderTotal === null ? 0 : toCents(offer.minOrderTotal);
      return minimum !== null && total >= minimum;
    });
}

/** In stock for the whole quantity at one location that can ship it. */
function inStock(availability: VariantAvailability, quantity: number): boolean {
  return availability.stock.some((s) => s.canShip && s.available >= quantity && s.available > 0);
}

/**
 * The offer's prices and discount, or null when it can't be offered (out of stock, a price or
 * percent that doesn't parse). The discount is `discountPercent` of price × quantity; above
 * `maxDiscountAmount` it becomes a fixed amount per unit. The changeset docs don't say whether a
 * `fixed_amount` discount applies per unit or to the line
 * (https://shopify.dev/docs/api/checkout-extensions/post-purchase/api#applychangeset); the
 * simulator takes it per unit, so we send the cap divided by the quantity, rounded down: the
 * buyer never gets more than the cap either way.
 */
export function quoteOffer(offer: OfferRule, availability: VariantAvailability, title: string): OfferQuote | null {
  if (!Number.isInteger(offer.quantity) || offer.quantity < 1 || !inStock(availability, offer.quantity)) return null;
  const unit = toCents(availability.price);
  const basisPoints = toBasisPoints(offer.discountPercent);
  const cap = offer.maxDiscountAmount === null ? null : toCents(offer.maxDiscountAmount);
  if (unit === null || basisPoints === null || basisPoints <= 0 || basisPoints > 10_000) return null;
  if (offer.maxDiscountAmount !== null && cap === null) return null;
  const gross = unit * offer.quantity;
  const percentOff = Math.round((gross * basisPoints) / 10_000);
  const capped = cap !== null && percentOff > cap;
  const unitOffWhenCapped = cap === null ? 0 : Math.floor(cap / offer.quantity);
  const off = capped ? unitOffWhenCapped * offer.quantity : percentOff;
  return {
    offerId: offer.id,
    variantLegacyId: availability.legacyId,
    quantity: offer.quantity,
    originalPrice: fromCents(unit),
    // Per unit, as the buyer reads it next to the original; rounded to the cent.
    discountedPrice: fromCents(Math.round((gross - off) / offer.quantity)),
    discount: capped
      ? { value: unitOffWhenCapped / 100, valueType: "fixed_amount", title }
      : { value: basisPoints / 100, valueType: "percentage", title },
  };
}
