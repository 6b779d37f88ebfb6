// The offers screen's statistics, per offer and in total, counted from UpsellPresentation rows;
// and, joined with the FO ledger, how often an accepted upsell item went out in the same
// fulfillment request as the order's original items (automation's settle window aims at 100%).
import { type JsonColumn } from "~/db/json-column";
import { prisma } from "~/db.server";
import type { FulfillmentOrderLineSnapshot } from "~/fulfillment/ledger-types";
import {
  countPresentations,
  type LedgerFulfillmentOrder,
  type OfferCounts,
  sameRequestOutcome,
  shareOf,
  type SameRequestShare,
} from "./statistics";

interface UpsellStatistics {
  perOffer: Record<string, OfferCounts>;
  total: OfferCounts;
  sameRequest: SameRequestShare;
}

function lineVariantIdsOf(lineItems: JsonColumn): (string | null)[] {
  if (!Array.isArray(lineItems)) return [];
  try {
    return (lineItems as Pick<FulfillmentOrderLineSnapshot, "variantId">[]).map((l) => l.variantId ?? null);
  } catch {
    return [];
  }
}

async function sameRequestShare(shop: string): Promise<SameRequestShare> {
  const accepted = await prisma.upsellPresentation.findMany({
    where: { shop, decision: "accepted" },
    select: { orderId: true, variantId: true },
  });
  const orderIds = [...new Set(accepted.flatMap((p) => (p.orderId ? [p.orderId] : [])))];
  const fos = orderIds.length
    ? await prisma.fulfillmentOrder.findMany({
        where: { shop, orderShopifyId: { in: orderIds } },
        select: { orderShopifyId: true, requestStatus: true, lineItems: true },
      })
    : [];
  const byOrder = new Map<string, LedgerFulfillmentOrder[]>();
  for (const fo of fos) {
    const list = byOrder.get(fo.orderShopifyId) ?? [];
    list.push({ requestStatus: fo.requestStatus, lineVariantIds: lineVariantIdsOf(fo.lineItems) });
    byOrder.set(fo.orderShopifyId, list);
  }
  // Not linked to an order yet: the ledger has not seen it, so it is pending, not a failure.
  return shareOf(
    accepted.map((p) => (p.orderId ? sameRequestOutcome(p.variantId, byOrder.get(p.orderId) ?? []) : "pending")),
  );
}

export async function loadUpsellStatistics(shop: string): Promise<UpsellStatistics> {
  const rows = await prisma.upsellPresentation.findMany({
    where: { shop },
    select: { offerId: true, decision: true, quantity: true, discountedPrice: true, currencyCode: true },
  });
  const byOffer = new Map<string, typeof rows>();
  for (const row of rows) byOffer.set(row.offerId, [...(byOffer.get(row.offerId) ?? []), row]);
  const perOffer = Object.fromEntries([...byOffer].map(([offerId, list]) => [offerId, countPresentations(list)]));
  return { perOffer, total: countPresentations(rows), sameRequest: await sameRequestShare(shop) };
}
