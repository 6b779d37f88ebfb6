// The offers screens' data: the list with each offer's statistics, and one offer for the editor.
import type { UpsellOffer } from "@prisma/client";
import { getOffer, listOffers } from "./offer-store.server";
import { type OfferEditorView, type OffersScreenView, EMPTY_OFFER_FORM } from "./offer-views";
import { countPresentations } from "./statistics";
import { loadUpsellStatistics } from "./statistics.server";

const NEVER_SHOWN = countPresentations([]);

export async function loadOffersScreen(shop: string, demoCheckout: boolean): Promise<OffersScreenView> {
  const [offers, stats] = await Promise.all([listOffers(shop), loadUpsellStatistics(shop)]);
  return {
    offers: offers.map((o) => ({
      id: o.id,
      name: o.name,
      productTitle: o.productTitle,
      variantTitle: o.variantTitle,
      imageUrl: o.imageUrl,
      discountPercent: o.discountPercent,
      enabled: o.enabled,
      ...(stats.perOffer[o.id] ?? NEVER_SHOWN),
    })),
    total: stats.total,
    sameRequest: stats.sameRequest,
    demoCheckout,
  };
}

const formValuesOf = (o: UpsellOffer) => ({
  name: o.name,
  productId: o.productId,
  variantId: o.variantId,
  productTitle: o.productTitle,
  variantTitle: o.variantTitle ?? "",
  imageUrl: o.imageUrl ?? "",
  discountPercent: o.discountPercent,
  maxDiscountAmount: o.maxDiscountAmount ?? "",
  minOrderTotal: o.minOrderTotal ?? "",
  quantity: String(o.quantity),
  enabled: o.enabled,
});

/** The editor's view; null when the offer does not exist for this shop. */
export async function loadOfferEditor(shop: string, id: string | null, demo: boolean): Promise<OfferEditorView | null> {
  if (id === null) return { id: null, version: 0, values: EMPTY_OFFER_FORM, demo };
  const offer = await getOffer(shop, id);
  return offer ? { id: offer.id, version: offer.version, values: formValuesOf(offer), demo } : null;
}
