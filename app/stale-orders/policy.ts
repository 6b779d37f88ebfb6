// Which unpaid orders may be cancelled to release the stock they hold. Pure: shared by the
// preview, the re-check right before each cancellation, the property test and the UI.
//
// Shopify commits stock when an order is placed, paid or not, and only cancelling with restock
// gives it back (https://shopify.dev/docs/api/admin-graphql/latest/mutations/orderCancel).
// "Unpaid" is read from displayFinancialStatus, not from a boolean like Flow's `unpaid`, which
// is false for PENDING orders (https://shopify.dev/docs/api/admin-graphql/latest/enums/OrderDisplayFinancialStatus).

export interface StaleOrderPolicySettings {
  olderThanHours: number;
  /** PENDING: payment not received yet (bank deposit, cash on delivery, manual). */
  includePending: boolean;
  /** EXPIRED: the card authorization lapsed before it was captured. */
  includeExpiredAuthorizations: boolean;
  /** PARTIALLY_PAID: off by default; the customer has already paid something. */
  includePartiallyPaid: boolean;
  /** Payment gateway names to limit to (e.g. "manual", "Bank Deposit", "Cash on Delivery (COD)"); [] = any. */
  gateways: string[];
  /** Orders carrying any of these tags are never touched. */
  excludedTags: string[];
}

export const DEFAULT_POLICY: StaleOrderPolicySettings = {
  olderThanHours: 72,
  includePending: true,
  includeExpiredAuthorizations: true,
  includePartiallyPaid: false,
  gateways: [],
  excludedTags: [],
};

/** The policy a run was confirmed with (stored as JSON on the run); the default when unreadable. */
export function policyFromJson(stored: unknown): StaleOrderPolicySettings {
  if (typeof stored !== "object" || stored === null || Array.isArray(stored)) return DEFAULT_POLICY;
  return { ...DEFAULT_POLICY, ...(stored as Partial<StaleOrderPolicySettings>) };
}

export interface ReservedLine {
  sku: string;
  title: string;
  locationId: string;
  locationName: string;
  quantity: number;
}

/** An order as read from Shopify, reduced to what the policy needs. */
export interface StaleOrderSnapshot {
  id: string;
  name: string;
  createdAt: string;
  cancelled: boolean;
  closed: boolean;
  financialStatus: string | null;
  fulfillmentStatus: string;
  gateways: string[];
  tags: string[];
  customer: string | null;
  /** B2B payment terms (net 30…); null when the order has none. */
  paymentTerms: { overdue: boolean } | null;
  /** Order.returnStatus; null when unknown or no return. */
  returnStatus: string | null;
  /** Assigned locations of the fulfillment orders still open. */
  locations: { id: string; name: string; isActive: boolean }[];
  /** Stock still committed per line and location; null when not read (the pre-cancel re-check). */
  reservedLines: ReservedLine[] | null;
  /** More fulfillment orders or lines than one page: not previewed exactly, so never cancelled. */
  truncated: boolean;
}

export const EXCLUSION_REASONS = [
  "cancelled",
  "paid",
  "partially-paid",
  "pending-authorization",
  "not-unpaid",
  "payment-terms",
  "fulfilled",
  "partially-fulfilled",
  "fulfillment-in-progress",
  "active-return",
  "deactivated-location",
  "too-recent",
  "gateway",
  "excluded-tag",
  "nothing-reserved",
  "truncated",
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

type PolicyDecision = { eligible: true } | { eligible: false; reason: ExclusionReason };

/** Return statuses that mean a return is open: Shopify refuses to cancel those orders. */
const ACTIVE_RETURN_STATUSES = new Set(["RETURN_REQUESTED", "IN_PROGRESS", "INSPECTION_COMPLETE"]);

const HOUR_MS = 60 * 60_000;

/** The financial statuses this policy treats as stale-unpaid. */
export function includedFinancialStatuses(policy: StaleOrderPolicySettings): string[] {
  const statuses: string[] = [];
  if (policy.includePending) statuses.push("PENDING");
  if (policy.includeExpiredAuthorizations) statuses.push("EXPIRED");
  if (policy.includePartiallyPaid) statuses.push("PARTIALLY_PAID");
  return statuses;
}

const normalise = (value: string) => value.trim().toLowerCase();

function financialExclusion(status: string | null, policy: StaleOrderPolicySettings): ExclusionReason | null {
  if (status !== null && includedFinancialStatuses(policy).includes(status)) return null;
  switch (status) {
    case "PAID":
    case "PARTIALLY_REFUNDED":
    case "REFUNDED":
      return "paid";
    case "PARTIALLY_PAID":
      return "partially-paid";
    // A live authorization can still be captured: cancelling would void money the merchant may get.
    case "AUTHORIZED":
      return "pending-authorization";
    default:
      return "not-unpaid";
  }
}

function fulfillmentExclusion(status: string): ExclusionReason | null {
  if (status === "UNFULFILLED") return null;
  if (status === "FULFILLED" || status === "RESTOCKED") return "fulfilled";
  if (status === "PARTIALLY_FULFILLED") return "partially-fulfilled";
  // ON_HOLD, IN_PROGRESS (a 3PL accepted it), SCHEDULED…: someone else is working on it.
  return "fulfillment-in-progress";
}

/**
 * Decides one order. Order matters only for which reason is reported first; every check is a
 * hard "no". The safety rules come first so they win over the merchant's filters.
 */
export function evaluateStaleOrder(
  order: StaleOrderSnapshot,
  policy: StaleOrderPolicySettings,
  now: Date,
): PolicyDecision {
  const no = (reason: ExclusionReason): PolicyDecision => ({ eligible: false, reason });
  if (order.cancelled || order.closed) return no("cancelled");
  const financial = financialExclusion(order.financialStatus, policy);
  if (financial) return no(financial);
  // B2B net terms: the customer pays later by agreement; the order isn't stale, it's on credit.
  // https://shopify.dev/docs/apps/build/b2b/manage-payment-terms
  if (order.paymentTerms) return no("payment-terms");
  const fulfillment = fulfillmentExclusion(order.fulfillmentStatus);
  if (fulfillment) return no(fulfillment);
  if (order.returnStatus && ACTIVE_RETURN_STATUSES.has(order.returnStatus)) return no("active-return");
  // Shopify cancels but does not restock at a deactivated location, so nothing would be released.
  // https://shopify.dev/docs/api/admin-graphql/latest/mutations/orderCancel#arguments-restock
  if (order.locations.some((l) => !l.isActive)) return no("deactivated-location");
  if (order.truncated) return no("truncated");
  const ageMs = now.getTime() - Date.parse(order.createdAt);
  if (!(ageMs >= policy.olderThanHours * HOUR_MS)) return no("too-recent");
  if (policy.gateways.length > 0) {
    const allowed = new Set(policy.gateways.map(normalise));
    if (!order.gateways.some((g) => allowed.has(normalise(g)))) return no("gateway");
  }
  const excluded = new Set(policy.excludedTags.map(normalise));
  if (order.tags.some((t) => excluded.has(normalise(t)))) return no("excluded-tag");
  if (order.reservedLines !== null && order.reservedLines.every((l) => l.quantity <= 0)) return no("nothing-reserved");
  return { eligible: true };
}

/**
 * Shopify search for the candidates of one financial status. One query per status because
 * each `financial_status:` term narrows the search on its own; `status:open` leaves cancelled
 * and archived orders out. https://shopify.dev/docs/api/usage/search-syntax
 * `fulfillment_status:unfulfilled` filters on displayFulfillmentStatus UNFULFILLED, the only
 * fulfillment status the policy accepts; the docs promise nothing broader, so nothing relies on it.
 * https://shopify.dev/docs/api/admin-graphql/latest/queries/orders#argument-query-filter-fulfillment_status
 */
export function candidateSearch(financialStatus: string, policy: StaleOrderPolicySettings, now: Date): string {
  const before = new Date(now.getTime() - policy.olderThanHours * HOUR_MS).toISOString();
  return `financial_status:${financialStatus.toLowerCase()} fulfillment_status:unfulfilled status:open created_at:<'${before}'`;
}
