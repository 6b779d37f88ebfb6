// What the offers screen counts, from UpsellPresentation rows and the FO ledger. Pure: the
// server module reads the rows, this decides what they mean.
import { fromCents, toCents } from "./money";

interface PresentationFacts {
  offerId: string;
  decision: string | null;
  quantity: number;
  discountedPrice: string;
  currencyCode: string;
}

export interface OfferCounts {
  shown: number;
  accepted: number;
  declined: number;
  /** accepted / shown, 0..1; null when the offer was never shown. */
  conversion: number | null;
  /** Σ quantity × discountedPrice of accepted presentations, as a decimal string. */
  revenue: string;
  /** The currency the revenue is in (the shop's, as the presentations carry it); null when none accepted. */
  currencyCode: string | null;
}

export function countPresentations(rows: PresentationFacts[]): OfferCounts {
  const accepted = rows.filter((r) => r.decision === "accepted");
  // Our own rows, written from a quote in cents: a price that doesn't parse can't occur, and adds nothing.
  const revenueCents = accepted.reduce((sum, r) => sum + r.quantity * (toCents(r.discountedPrice) ?? 0), 0);
  return {
    shown: rows.length,
    accepted: accepted.length,
    declined: rows.filter((r) => r.decision === "declined").length,
    conversion: rows.length === 0 ? null : accepted.length / rows.length,
    revenue: fromCents(revenueCents),
    currencyCode: accepted[0]?.currencyCode ?? null,
  };
}

export interface LedgerFulfillmentOrder {
  requestStatus: string;
  /** Variant GIDs of the FO's lines (null for a deleted variant or a line stored before it was read). */
  lineVariantIds: (string | null)[];
}

type SameRequestOutcome = "together" | "split" | "pending";

const requested = (fo: LedgerFulfillmentOrder) => fo.requestStatus !== "UNSUBMITTED";
const holdsOriginal = (fo: LedgerFulfillmentOrder, upsellVariantId: string) =>
  fo.lineVariantIds.some((id) => id !== upsellVariantId);

/**
 * Did the accepted upsell item go in the same fulfillment request as the order's original items?
 * - together: a requested FO holds both the upsell variant and another (original) line;
 * - split: the upsell's FO was requested without the originals, or the originals were requested
 *   while the upsell's FO was not;
 * - pending: nothing requested yet, or the ledger has not seen the upsell line yet.
 */
export function sameRequestOutcome(upsellVariantId: string, fos: LedgerFulfillmentOrder[]): SameRequestOutcome {
  const withUpsell = fos.filter((fo) => fo.lineVariantIds.includes(upsellVariantId));
  if (withUpsell.length === 0) return "pending";
  if (withUpsell.some((fo) => requested(fo) && holdsOriginal(fo, upsellVariantId))) return "together";
  if (withUpsell.some(requested)) return "split";
  const originalsRequested = fos.some(
    (fo) => requested(fo) && !fo.lineVariantIds.includes(upsellVariantId) && holdsOriginal(fo, upsellVariantId),
  );
  return originalsRequested ? "split" : "pending";
}

export interface SameRequestShare {
  together: number;
  split: number;
  pending: number;
  /** together / (together + split), 0..1; null while nothing is decided either way. Goal: 1. */
  share: number | null;
}

export function shareOf(outcomes: SameRequestOutcome[]): SameRequestShare {
  const count = (kind: SameRequestOutcome) => outcomes.filter((o) => o === kind).length;
  const together = count("together");
  const split = count("split");
  return {
    together,
    split,
    pending: count("pending"),
    share: together + split === 0 ? null : together / (together + split),
  };
}

/** 0.5 → "50%", 2/3 → "66.7%", null → "—". */
export function formatRate(rate: number | null, none: string): string {
  if (rate === null) return none;
  return new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 1 }).format(rate);
}
