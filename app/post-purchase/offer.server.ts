// The offer endpoint's work: the offer for one checkout, chosen once and then the same on every
// call (one UpsellPresentation per checkout), so a repeated ShouldRender counts one "shown".
import type { UpsellOffer, UpsellPresentation } from "@prisma/client";
import { prisma } from "~/db.server";
import { isUniqueViolation } from "~/db/unique-violation";
import { en } from "~/i18n/en";
import { shopAdminGraphql } from "~/shopify/admin/shop-admin.server";
import { fetchVariantAvailability } from "~/shopify/admin/variant-availability.server";
import type { CheckoutContext } from "./input-token.server";
import { candidateOffers, type OfferDiscount, type OfferQuote, quoteOffer } from "./select-offer";

interface OfferView {
  offerId: string;
  productTitle: string;
  variantTitle: string | null;
  imageUrl: string | null;
  variantId: number;
  quantity: number;
  originalPrice: string;
  discountedPrice: string;
  currencyCode: string;
  discount: OfferDiscount;
}

/** The number of a GID: Shopify's numeric (legacy) id, which the changeset's add_variant takes. */
export const legacyIdOf = (gid: string): number => Number(gid.split("/").pop());

/** The discount as stored on the presentation; null for a row written without one. */
export function storedDiscount(p: UpsellPresentation): OfferDiscount | null {
  if (p.discountValueType !== "percentage" && p.discountValueType !== "fixed_amount") return null;
  return { valueType: p.discountValueType, value: Number(p.discountValue), title: p.discountTitle ?? "" };
}

function viewOf(offer: UpsellOffer, p: UpsellPresentation, imageUrl: string | null): OfferView | null {
  const discount = storedDiscount(p);
  if (!discount) return null;
  return {
    offerId: offer.id,
    productTitle: offer.productTitle,
    variantTitle: offer.variantTitle,
    imageUrl: offer.imageUrl ?? imageUrl,
    variantId: legacyIdOf(p.variantId),
    quantity: p.quantity,
    originalPrice: p.originalPrice,
    discountedPrice: p.discountedPrice,
    currencyCode: p.currencyCode,
    discount,
  };
}

/** The first offer whose conditions hold and whose variant is in stock where it can ship. */
async function chooseOffer(
  checkout: CheckoutContext,
): Promise<{ offer: UpsellOffer; quote: OfferQuote; imageUrl: string | null } | null> {
  const offers = await prisma.upsellOffer.findMany({
    where: { shop: checkout.shop, enabled: true },
    // Equal positions: the older offer first, so the choice never depends on the database's row order.
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
  });
  const candidates = candidateOffers(offers, checkout.purchase);
  if (candidates.length === 0) return null;
  const graphql = await shopAdminGraphql(checkout.shop);
  if (!graphql) return null;
  for (const offer of candidates) {
    const availability = await fetchVariantAvailability(graphql, offer.variantId);
    const quote = availability && quoteOffer(offer, availability, en.postPurchaseApi.discountTitle);
    if (quote) return { offer, quote, imageUrl: availability.imageUrl };
  }
  return null;
}

/** The offer to show for this checkout, or null. Call only after the token is verified. */
export async function offerFor(checkout: CheckoutContext, shown: UpsellPresentation | null): Promise<OfferView | null> {
  if (shown) {
    const offer = await prisma.upsellOffer.findUnique({ where: { id: shown.offerId } });
    return offer?.enabled ? viewOf(offer, shown, null) : null;
  }
  const chosen = await chooseOffer(checkout);
  if (!chosen) return null;
  const { offer, quote } = chosen;
  let presentation: UpsellPresentation;
  try {
    presentation = await prisma.upsellPresentation.create({
      data: {
        shop: checkout.shop,
        offerId: offer.id,
        referenceId: checkout.referenceId,
        variantId: offer.variantId,
        quantity: quote.quantity,
        originalPrice: quote.originalPrice,
        discountedPrice: quote.discountedPrice,
        currencyCode: checkout.purchase.currencyCode,
        discountValueType: quote.discount.valueType,
        discountValue: String(quote.discount.value),
        discountTitle: quote.discount.title,
      },
    });
  } catch (error) {
    // A concurrent call for the same checkout recorded it first: answer what it recorded.
    if (!isUniqueViolation(error)) throw error;
    const first = await prisma.upsellPresentation.findUniqueOrThrow({
      where: { shop_referenceId: { shop: checkout.shop, referenceId: checkout.referenceId } },
    });
    return offerFor(checkout, first);
  }
  return viewOf(offer, presentation, chosen.imageUrl);
}
