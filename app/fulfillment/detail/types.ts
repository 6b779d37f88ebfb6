// What the fulfillment order detail page renders, as the loader shapes it from the ledger.
// Pure types, shared by the route, its components and the tests.
import type { ActionAvailability } from "~/fulfillment/actions/contract";

export interface OrderSummaryView {
  shopifyId: string;
  name: string;
  placedAt: string;
  customerName: string | null;
  displayFinancialStatus: string | null;
  displayFulfillmentStatus: string | null;
  totalAmount: string | null;
  currencyCode: string | null;
  tags: string[];
  riskLevel: string | null;
  cancelledAt: string | null;
}

export interface LineItemView {
  id: string;
  sku: string | null;
  name: string;
  totalQuantity: number;
  remainingQuantity: number;
}

export interface HoldView {
  id: string;
  reason: string;
  reasonNotes: string | null;
  /** Placed by this app (so it may release it); other apps' holds are read-only. */
  heldByUs: boolean;
  heldByAppTitle: string | null;
  /** When the ledger first saw the hold: Shopify's FulfillmentHold has no timestamp. */
  firstSeenAt: string;
}

export type LineageReason =
  "split" | "moved" | "partial_request" | "partial_hold" | "merged" | "replacement" | "inferred";

export interface RelatedFulfillmentOrderView {
  shopifyId: string;
  reason: LineageReason;
  status: string | null;
  requestStatus: string | null;
  locationName: string | null;
  remainingQuantity: number | null;
}

export interface FulfillmentOrderEventView {
  id: string;
  kind: string;
  fromValue: string | null;
  toValue: string | null;
  source: string;
  actor: string | null;
  at: string;
}

export interface CancellationView {
  requestedAt: string;
  /** The service's answer, once it gave one. */
  answer: { status: "CANCELLATION_ACCEPTED" | "CANCELLATION_REJECTED" | string; at: string } | null;
}

export interface LocationForMoveView {
  id: string;
  name: string;
  movable: boolean;
  message: string | null;
}

export interface RejectionView {
  reason: string | null;
  message: string | null;
}

export interface FulfillmentOrderDetailView {
  order: OrderSummaryView;
  fulfillmentOrder: {
    shopifyId: string;
    status: string;
    requestStatus: string;
    deliveryMethod: string | null;
    locationName: string | null;
    openedAt: string;
    fulfillAt: string | null;
    /** The 3PL's answer while the request is REJECTED (FulfillmentOrderRejectionReason, message). */
    rejection: RejectionView | null;
    /** Shopify's updatedAt when the page was loaded: every form sends it back (stale guard). */
    shopifyUpdatedAt: string;
    preparedForPickupAt: string | null;
    totalQuantity: number;
    remainingQuantity: number;
    lineItems: LineItemView[];
    supportedActions: string[];
  };
  holds: HoldView[];
  lineage: { parent: RelatedFulfillmentOrderView | null; children: RelatedFulfillmentOrderView[] };
  events: FulfillmentOrderEventView[];
  cancellation: CancellationView | null;
  actions: ActionAvailability[];
  /** Eligible destinations, only when Shopify supports MOVE for this FO. */
  locationsForMove: LocationForMoveView[] | null;
}
