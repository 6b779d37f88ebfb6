// The worklist's tabs as data: one spec per tab, read both by the pure predicate below (tests, the
// UI) and by the ledger query (load-worklist.server.ts), so the count a tab shows and the rows it
// lists can never disagree. Pure: the UI may import it.

/** Statuses: https://shopify.dev/docs/api/admin-graphql/latest/enums/FulfillmentOrderStatus */
type FulfillmentOrderStatus = "OPEN" | "IN_PROGRESS" | "SCHEDULED" | "ON_HOLD" | "INCOMPLETE" | "CLOSED" | "CANCELLED";

/** https://shopify.dev/docs/api/admin-graphql/latest/enums/FulfillmentOrderRequestStatus */
type FulfillmentOrderRequestStatus =
  | "UNSUBMITTED"
  | "SUBMITTED"
  | "ACCEPTED"
  | "REJECTED"
  | "CANCELLATION_REQUESTED"
  | "CANCELLATION_ACCEPTED"
  | "CANCELLATION_REJECTED"
  | "CLOSED";

export const WORKLIST_TABS = [
  "to-request",
  "awaiting-3pl",
  "ready-to-ship",
  "on-hold",
  "local-pickup",
  "rejected",
  "done",
  "all",
] as const;
export type WorklistTab = (typeof WORKLIST_TABS)[number];
export const DEFAULT_TAB: WorklistTab = "to-request";

export const PICKUP_DELIVERY_METHOD = "PICK_UP";

interface TabSpec {
  /** The FO status is one of these; null = any. */
  statuses: readonly FulfillmentOrderStatus[] | null;
  /** The request status is one of these; null = any. */
  requestStatuses: readonly FulfillmentOrderRequestStatus[] | null;
  /** true = only FOs at a fulfillment service (a 3PL), false = never, null = either. */
  thirdParty: boolean | null;
  /** true = only local pickup, false = never local pickup, null = either. */
  pickup: boolean | null;
}

const WORKABLE: readonly FulfillmentOrderStatus[] = ["OPEN", "IN_PROGRESS"];

// Mutually exclusive by construction (the table test checks every combination): a hold wins over
// everything (status ON_HOLD), a 3PL request's state decides the 3PL tabs, and only unsubmitted
// FOs are the merchant's to ship or hand over. A 3PL that said no (REJECTED) or closed the FO
// unfinished (INCOMPLETE, request CLOSED: fulfillmentOrderClose) hands it back, so both are under
// "rejected". SCHEDULED FOs are only under "All".
// https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderClose
export const TAB_SPECS: Record<WorklistTab, TabSpec> = {
  "to-request": { statuses: ["OPEN"], requestStatuses: ["UNSUBMITTED"], thirdParty: true, pickup: null },
  "awaiting-3pl": {
    statuses: WORKABLE,
    requestStatuses: ["SUBMITTED", "ACCEPTED", "CANCELLATION_REQUESTED", "CANCELLATION_REJECTED"],
    thirdParty: null,
    pickup: null,
  },
  "ready-to-ship": { statuses: WORKABLE, requestStatuses: ["UNSUBMITTED"], thirdParty: false, pickup: false },
  "on-hold": { statuses: ["ON_HOLD"], requestStatuses: null, thirdParty: null, pickup: null },
  "local-pickup": { statuses: WORKABLE, requestStatuses: ["UNSUBMITTED"], thirdParty: false, pickup: true },
  rejected: {
    statuses: [...WORKABLE, "INCOMPLETE"],
    requestStatuses: ["REJECTED", "CLOSED"],
    thirdParty: null,
    pickup: null,
  },
  done: { statuses: ["CLOSED", "CANCELLED"], requestStatuses: null, thirdParty: null, pickup: null },
  all: { statuses: null, requestStatuses: null, thirdParty: null, pickup: null },
};

/** The FO fields the tab predicates read, as the ledger stores them. */
export interface TabFacts {
  status: string;
  requestStatus: string;
  deliveryMethod: string | null;
  /** Assigned to a fulfillment service (the ledger's thirdParty column). */
  thirdParty: boolean;
}

export function matchesTab(tab: WorklistTab, fo: TabFacts): boolean {
  const spec = TAB_SPECS[tab];
  if (spec.statuses && !(spec.statuses as readonly string[]).includes(fo.status)) return false;
  if (spec.requestStatuses && !(spec.requestStatuses as readonly string[]).includes(fo.requestStatus)) return false;
  if (spec.thirdParty !== null && fo.thirdParty !== spec.thirdParty) return false;
  if (spec.pickup !== null && (fo.deliveryMethod === PICKUP_DELIVERY_METHOD) !== spec.pickup) return false;
  return true;
}

/** The one working tab an FO belongs to ("all" is not one), or null for SCHEDULED. */
export function tabOf(fo: TabFacts): Exclude<WorklistTab, "all"> | null {
  for (const tab of WORKLIST_TABS) if (tab !== "all" && matchesTab(tab, fo)) return tab;
  return null;
}

export const parseTab = (value: string | null | undefined): WorklistTab =>
  WORKLIST_TABS.find((tab) => tab === value) ?? DEFAULT_TAB;
