// Test-only: a post-purchase offer of a seeded variant, as the offer screen would save it.
import type { UpsellOffer } from "@prisma/client";
import { prisma } from "~/db.server";

interface OfferedVariant {
  id: string;
  productId: string;
}

/** Offers `variant` ("Tee") at 20% off unless `extra` says otherwise. */
export function createUpsellOffer(
  shop: string,
  variant: OfferedVariant,
  extra: Partial<Omit<UpsellOffer, "id" | "shop">> = {},
): Promise<UpsellOffer> {
  return prisma.upsellOffer.create({
    data: {
      shop,
      name: "Tee after a mug",
      productId: variant.productId,
      variantId: variant.id,
      productTitle: "Tee",
      variantTitle: null,
      discountPercent: "20",
      ...extra,
    },
  });
}
