// The shop's post-purchase offers (UpsellOffer): created, edited, switched on/off and ordered
// from the offers screen. Every read and write names the shop, so no shop sees another's rows.
// Edits use the row's version: a save from a form opened at an older version is refused, and
// nothing is written, so two merchants editing one offer cannot silently overwrite each other.
import type { UpsellOffer } from "@prisma/client";
import { prisma } from "~/db.server";
import type { OfferDraft } from "./offer-form";

type SaveOfferResult =
  { kind: "saved"; offer: UpsellOffer } | { kind: "stale"; currentVersion: number } | { kind: "not-found" };

/** Offers in the order they are tried at checkout (position, then creation). */
export function listOffers(shop: string): Promise<UpsellOffer[]> {
  return prisma.upsellOffer.findMany({ where: { shop }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] });
}

/** The offer, or null when it does not exist or belongs to another shop. */
export function getOffer(shop: string, id: string): Promise<UpsellOffer | null> {
  return prisma.upsellOffer.findFirst({ where: { id, shop } });
}

const columnsOf = (draft: OfferDraft) => ({
  name: draft.name,
  enabled: draft.enabled,
  productId: draft.productId,
  variantId: draft.variantId,
  productTitle: draft.productTitle,
  variantTitle: draft.variantTitle,
  imageUrl: draft.imageUrl,
  quantity: draft.quantity,
  discountPercent: draft.discountPercent,
  maxDiscountAmount: draft.maxDiscountAmount,
  minOrderTotal: draft.minOrderTotal,
});

/** A new offer goes last: the ones already tried first keep their place. */
export async function createOffer(shop: string, draft: OfferDraft): Promise<UpsellOffer> {
  return prisma.$transaction(async (tx) => {
    const last = await tx.upsellOffer.aggregate({ where: { shop }, _max: { position: true } });
    return tx.upsellOffer.create({ data: { shop, ...columnsOf(draft), position: (last._max.position ?? -1) + 1 } });
  });
}

async function staleOrMissing(shop: string, id: string): Promise<SaveOfferResult> {
  const current = await getOffer(shop, id);
  return current ? { kind: "stale", currentVersion: current.version } : { kind: "not-found" };
}

/** Saves the edit if the offer is still at `expectedVersion`; the version check and the write are one statement. */
export async function updateOffer(
  shop: string,
  id: string,
  draft: OfferDraft,
  expectedVersion: number,
): Promise<SaveOfferResult> {
  const { count } = await prisma.upsellOffer.updateMany({
    where: { id, shop, version: expectedVersion },
    data: { ...columnsOf(draft), version: { increment: 1 } },
  });
  if (count === 0) return staleOrMissing(shop, id);
  const offer = await getOffer(shop, id);
  return offer ? { kind: "saved", offer } : { kind: "not-found" };
}

/**
 * Switches an offer on or off at once. It moves the version too: an editor opened before would
 * otherwise save its own, older switch over this one.
 */
export async function setOfferEnabled(shop: string, id: string, enabled: boolean): Promise<boolean> {
  const { count } = await prisma.upsellOffer.updateMany({
    where: { id, shop },
    data: { enabled, version: { increment: 1 } },
  });
  return count > 0;
}

/**
 * Moves an offer one place up or down the order they are tried in. Positions are renumbered
 * 0..n-1 in the same transaction, so gaps or ties left by older rows never make a move a no-op.
 */
export async function moveOffer(shop: string, id: string, direction: "up" | "down"): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const offers = await tx.upsellOffer.findMany({
      where: { shop },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true, position: true },
    });
    const from = offers.findIndex((o) => o.id === id);
    if (from < 0) return false;
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= offers.length) return true;
    const order = offers.map((o) => o.id);
    [order[from], order[to]] = [order[to]!, order[from]!];
    for (const [position, offerId] of order.entries()) {
      if (offers.find((o) => o.id === offerId)!.position !== position) {
        await tx.upsellOffer.update({ where: { id: offerId }, data: { position } });
      }
    }
    return true;
  });
}
