// The cart the demo's "simulate a checkout" control buys: one the merchant's first enabled offer
// can be shown for — without the offered variant (an offer is never for an item already in the
// order) and worth at least the offer's minimum order total. Pure.

/** Why no offer was shown: the shop has no enabled offer, the app offered none, or its offer call failed. */
export type NoOfferReason = "no-enabled-offer" | "not-offered" | "offer-failed";

interface CatalogVariant {
  id: string;
  sku: string;
  price: string;
}

export interface OfferConditions {
  variantId: string;
  minOrderTotal: string | null;
}

/** Units of one variant, so a test can read which variant and how many at a glance. */
export function upsellEligibleCart(
  catalog: readonly CatalogVariant[],
  offer: OfferConditions | null,
): { variantId: string; quantity: number } | null {
  const variant = catalog.find((v) => v.id !== offer?.variantId && Number(v.price) > 0);
  if (!variant) return null;
  const minimum = offer?.minOrderTotal ? Number(offer.minOrderTotal) : 0;
  const quantity = Math.max(1, Math.ceil(minimum / Number(variant.price)));
  return { variantId: variant.id, quantity };
}
