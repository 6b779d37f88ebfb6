// Pure shaping of ledger values for the detail page and the pickup board: holds (ours or
// another app's), the cancellation story told by the event history, ages.
import { fromJsonColumn, type JsonColumn } from "~/db/json-column";
import { OUR_HOLD_HANDLE_PREFIX } from "~/fulfillment/actions/contract";
import type { CancellationView, FulfillmentOrderEventView, HoldView, LineageReason, RejectionView } from "./types";

interface StoredHoldJson {
  id: string;
  reason: string;
  reasonNotes?: string | null;
  handle?: string | null;
  heldByAppTitle?: string | null;
  heldByRequestingApp?: boolean;
  firstSeenAt?: string;
}

/** A hold is ours when Shopify says the requesting app placed it, or it carries our handle. */
export function isOurHold(hold: Pick<StoredHoldJson, "handle" | "heldByRequestingApp">): boolean {
  return hold.heldByRequestingApp === true || (hold.handle ?? "").startsWith(OUR_HOLD_HANDLE_PREFIX);
}

export function toHoldViews(stored: JsonColumn, fallbackSeenAt: string): HoldView[] {
  const holds = fromJsonColumn<StoredHoldJson[]>(stored);
  return holds.map((hold) => ({
    id: hold.id,
    reason: hold.reason,
    reasonNotes: hold.reasonNotes ?? null,
    heldByUs: isOurHold(hold),
    heldByAppTitle: hold.heldByAppTitle ?? null,
    firstSeenAt: hold.firstSeenAt ?? fallbackSeenAt,
  }));
}

const LINEAGE_REASONS: readonly LineageReason[] = [
  "split",
  "moved",
  "partial_request",
  "partial_hold",
  "merged",
  "replacement",
  "inferred",
];

export const toLineageReason = (value: string | null): LineageReason =>
  LINEAGE_REASONS.find((reason) => reason === value) ?? "inferred";

/**
 * The latest cancellation request, from the history: when the FO's request status became
 * CANCELLATION_REQUESTED, and what it became next (the fulfillment service's answer).
 */
export function cancellationOf(events: readonly FulfillmentOrderEventView[]): CancellationView | null {
  const chronological = [...events].sort((a, b) => a.at.localeCompare(b.at));
  let requestedAt: string | null = null;
  let answer: CancellationView["answer"] = null;
  for (const event of chronological) {
    if (event.kind !== "request_status") continue;
    if (event.toValue === "CANCELLATION_REQUESTED") {
      requestedAt = event.at;
      answer = null;
    } else if (requestedAt && !answer && event.fromValue === "CANCELLATION_REQUESTED" && event.toValue) {
      answer = { status: event.toValue, at: event.at };
    }
  }
  const cancellation: CancellationView | null = requestedAt ? { requestedAt, answer } : null;
  return cancellation;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** 90 s → "1 min", 5 h 10 min → "5 h", 50 h → "2 d": how long something has waited. */
export function formatAge(fromIso: string, now: Date): string {
  const ms = Math.max(0, now.getTime() - new Date(fromIso).getTime());
  if (ms < MINUTE) return "< 1 min";
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)} min`;
  if (ms < DAY) return `${Math.floor(ms / HOUR)} h`;
  return `${Math.floor(ms / DAY)} d`;
}

/** "gid://shopify/FulfillmentOrder/123" → "#123", for links between FOs. */
export const shortId = (gid: string) => `#${gid.split("/").pop() ?? gid}`;

/** The detail page's path for an FO GID (URL-encoded, as the route expects). */
export const fulfillmentOrderPath = (gid: string) => `/app/fulfillment-orders/${encodeURIComponent(gid)}`;

/** What the ledger stored of a rejection, as the screens show it; null when not rejected. */
export const rejectionOf = (fo: {
  requestStatus: string;
  rejectionReason: string | null;
  rejectionMessage: string | null;
}): RejectionView | null =>
  fo.requestStatus === "REJECTED" ? { reason: fo.rejectionReason, message: fo.rejectionMessage } : null;
