// Repository read for the demo's "simulate a checkout" control: the conditions of the offer a
// checkout would see first (the merchant's first enabled offer, as prisma/schema.prisma orders them).
import { prisma } from "~/db.server";
import type { OfferConditions } from "./demo-checkout";

export function firstEnabledOfferConditions(shop: string): Promise<OfferConditions | null> {
  return prisma.upsellOffer.findFirst({
    where: { shop, enabled: true },
    orderBy: { position: "asc" },
    select: { variantId: true, minOrderTotal: true },
  });
}
