// Builders for `fulfillment_orders/*` and `fulfillment_holds/*`. Unlike orders,
// these payloads carry GIDs (`"id": "gid://shopify/FulfillmentOrder/1"`) and
// lowercase enums; shapes follow the samples at
// https://shopify.dev/docs/api/webhooks/2026-07 (key order included).
import { legacyIdFromGid, restDate, restEnum } from "./payload-values";

/** FulfillmentOrderStatus, REST casing (GraphQL uppercase accepted). */
type FulfillmentOrderStatus =
  | "open"
  | "in_progress"
  | "cancelled"
  | "incomplete"
  | "closed"
  | "scheduled"
  | "on_hold"
  | Uppercase<"open" | "in_progress" | "cancelled" | "incomplete" | "closed" | "scheduled" | "on_hold">;

/**
 * FulfillmentOrderRequestStatus, REST casing. Note Shopify's own
 * cancellation_request_submitted sample says "cancellation_request" where the
 * GraphQL enum is CANCELLATION_REQUESTED; any string is passed through lowercased.
 */
type FulfillmentOrderRequestStatus = string;

/** FulfillmentHoldReason, REST casing, e.g. "other", "inventory_out_of_stock", "awaiting_payment". */
export type FulfillmentHoldReason = string;

type FulfillmentOrderRef = { id: string; status: FulfillmentOrderStatus };
type FulfillmentOrderRequestRef = FulfillmentOrderRef & { requestStatus: FulfillmentOrderRequestStatus };
type LineItemQuantity = { id: string /* gid://shopify/FulfillmentOrderLineItem/… */; quantity: number };

export type FulfillmentHoldInput = {
  id: string; // gid://shopify/FulfillmentHold/…
  reason: FulfillmentHoldReason;
  reasonNotes?: string | null;
  heldByRequestingApp?: boolean;
  handle?: string | null;
  heldByAppId?: string | null; // gid://shopify/App/…
};

type MerchantRequestInput = {
  id: string /* gid://shopify/FulfillmentOrderMerchantRequest/… */;
  message: string | null;
};

const ref = (fo: FulfillmentOrderRef) => ({ id: fo.id, status: restEnum(fo.status) });
const refOrNull = (fo: FulfillmentOrderRef | null | undefined) => (fo ? ref(fo) : null);
const requestRef = (fo: FulfillmentOrderRequestRef) => ({ ...ref(fo), request_status: restEnum(fo.requestStatus) });
const quantities = (items: readonly LineItemQuantity[]) => items.map(({ id, quantity }) => ({ id, quantity }));
const byId = (gid: string | null | undefined) => (gid ? { id: gid } : null);

function fulfillmentHold(h: FulfillmentHoldInput) {
  return {
    id: h.id,
    reason: restEnum(h.reason),
    reason_notes: h.reasonNotes ?? null,
    held_by_requesting_app: h.heldByRequestingApp ?? false,
    handle: h.handle ?? null,
    held_by_app: byId(h.heldByAppId),
  };
}

type Only = { fulfillmentOrder: FulfillmentOrderRef };
const only = (input: Only) => ({ fulfillment_order: ref(input.fulfillmentOrder) });

export const fulfillmentOrdersOrderRoutingCompletePayload = only;
export const fulfillmentOrdersHoldReleasedPayload = only;
export const fulfillmentOrdersScheduledFulfillmentOrderReadyPayload = only;

export function fulfillmentOrdersPlacedOnHoldPayload(input: {
  /** The FO after the hold; `fulfillmentHolds` = every hold now on it (holds stack). */
  fulfillmentOrder: FulfillmentOrderRef & { fulfillmentHolds: readonly FulfillmentHoldInput[] };
  /** Set when only some line items were held and the rest split off. */
  remainingFulfillmentOrder?: FulfillmentOrderRef | null;
  heldLineItems: readonly LineItemQuantity[];
  createdHold: FulfillmentHoldInput;
}) {
  return {
    fulfillment_order: {
      ...ref(input.fulfillmentOrder),
      fulfillment_holds: input.fulfillmentOrder.fulfillmentHolds.map(fulfillmentHold),
    },
    remaining_fulfillment_order: refOrNull(input.remainingFulfillmentOrder),
    held_fulfillment_order_line_items: quantities(input.heldLineItems),
    created_fulfillment_hold: fulfillmentHold(input.createdHold),
  };
}

export function fulfillmentOrdersFulfillmentRequestSubmittedPayload(input: {
  originalFulfillmentOrder: FulfillmentOrderRequestRef;
  submittedFulfillmentOrder: FulfillmentOrderRequestRef;
  merchantRequest: MerchantRequestInput;
}) {
  return {
    original_fulfillment_order: requestRef(input.originalFulfillmentOrder),
    submitted_fulfillment_order: requestRef(input.submittedFulfillmentOrder),
    fulfillment_order_merchant_request: { id: input.merchantRequest.id, message: input.merchantRequest.message },
  };
}

type RequestWithMessage = { fulfillmentOrder: FulfillmentOrderRequestRef; message?: string | null };
const requestWithMessage = (input: RequestWithMessage) => ({
  fulfillment_order: requestRef(input.fulfillmentOrder),
  message: input.message ?? null,
});

export const fulfillmentOrdersFulfillmentRequestAcceptedPayload = requestWithMessage;
export const fulfillmentOrdersFulfillmentRequestRejectedPayload = requestWithMessage;
export const fulfillmentOrdersCancellationRequestRejectedPayload = requestWithMessage;

export function fulfillmentOrdersCancellationRequestSubmittedPayload(input: {
  fulfillmentOrder: FulfillmentOrderRequestRef;
  merchantRequest: MerchantRequestInput;
}) {
  return {
    fulfillment_order: requestRef(input.fulfillmentOrder),
    fulfillment_order_merchant_request: { id: input.merchantRequest.id, message: input.merchantRequest.message },
  };
}

type WithMessage = { fulfillmentOrder: FulfillmentOrderRef; message?: string | null };
const withMessage = (input: WithMessage) => ({
  fulfillment_order: ref(input.fulfillmentOrder),
  message: input.message ?? null,
});

export const fulfillmentOrdersCancellationRequestAcceptedPayload = withMessage;
export const fulfillmentOrdersFulfillmentServiceFailedToCompletePayload = withMessage;

export function fulfillmentOrdersCancelledPayload(input: {
  fulfillmentOrder: FulfillmentOrderRef;
  replacementFulfillmentOrder?: FulfillmentOrderRef | null;
}) {
  return {
    fulfillment_order: ref(input.fulfillmentOrder),
    replacement_fulfillment_order: refOrNull(input.replacementFulfillmentOrder),
  };
}

type Prepared = { fulfillmentOrder: FulfillmentOrderRef & { preparable?: boolean } };
const prepared = (methodType: "pickup" | "local") => (input: Prepared) => ({
  fulfillment_order: {
    ...ref(input.fulfillmentOrder),
    preparable: input.fulfillmentOrder.preparable ?? true,
    delivery_method: { method_type: methodType },
  },
});

export const fulfillmentOrdersLineItemsPreparedForPickupPayload = prepared("pickup");
export const fulfillmentOrdersLineItemsPreparedForLocalDeliveryPayload = prepared("local");

export function fulfillmentOrdersManuallyReportedProgressStoppedPayload(input: {
  fulfillmentOrder: FulfillmentOrderRef;
  stoppedByAppId?: string | null; // gid://shopify/App/…
  stoppedByUserId?: string | null; // gid://shopify/StaffMember/…
}) {
  return {
    fulfillment_order: ref(input.fulfillmentOrder),
    progress_stopped_by_app: byId(input.stoppedByAppId),
    progress_stopped_by_user: byId(input.stoppedByUserId),
  };
}

export function fulfillmentOrdersProgressReportedPayload(input: {
  fulfillmentOrder: FulfillmentOrderRef;
  reasonNotes?: string | null;
  reportedByAppId?: string | null;
  reportedByUserId?: string | null;
  initialStatus: FulfillmentOrderStatus;
}) {
  return {
    fulfillment_order: ref(input.fulfillmentOrder),
    progress_report: {
      reason_notes: input.reasonNotes ?? null,
      progress_reported_by_app: byId(input.reportedByAppId),
      progress_reported_by_user: byId(input.reportedByUserId),
    },
    initial_status: restEnum(input.initialStatus),
  };
}

export function fulfillmentOrdersRescheduledPayload(input: {
  fulfillmentOrder: FulfillmentOrderRef & { fulfillAt: Date | string | null };
}) {
  return {
    fulfillment_order: { ...ref(input.fulfillmentOrder), fulfill_at: restDate(input.fulfillmentOrder.fulfillAt) },
  };
}

export function fulfillmentOrdersSplitPayload(input: {
  splitLineItems: readonly LineItemQuantity[];
  fulfillmentOrder: FulfillmentOrderRef;
  remainingFulfillmentOrder: FulfillmentOrderRef;
  replacementFulfillmentOrder?: FulfillmentOrderRef | null;
}) {
  return {
    split_line_items: quantities(input.splitLineItems),
    fulfillment_order: ref(input.fulfillmentOrder),
    remaining_fulfillment_order: ref(input.remainingFulfillmentOrder),
    replacement_fulfillment_order: refOrNull(input.replacementFulfillmentOrder),
  };
}

/** merge_intents use numeric ids (sample: `"fulfillment_order_id": 1`), unlike the rest of this family. */
export function fulfillmentOrdersMergedPayload(input: {
  mergeIntents: ReadonlyArray<{ fulfillmentOrderId: string; lineItems: readonly LineItemQuantity[] }>;
  fulfillmentOrder: FulfillmentOrderRef;
}) {
  return {
    merge_intents: input.mergeIntents.map((intent) => ({
      fulfillment_order_id: legacyIdFromGid(intent.fulfillmentOrderId),
      fulfillment_order_line_items: intent.lineItems.map(({ id, quantity }) => ({ id: legacyIdFromGid(id), quantity })),
    })),
    fulfillment_order_merges: { fulfillment_order: ref(input.fulfillmentOrder) },
  };
}

export function fulfillmentOrdersMovedPayload(input: {
  originalFulfillmentOrder: FulfillmentOrderRef & { assignedLocationId: string };
  movedFulfillmentOrder: FulfillmentOrderRef & { assignedLocationId: string };
  destinationLocationId: string;
  lineItemsRequested: readonly LineItemQuantity[];
  sourceLocationId: string;
}) {
  return {
    original_fulfillment_order: {
      ...ref(input.originalFulfillmentOrder),
      assigned_location_id: input.originalFulfillmentOrder.assignedLocationId,
    },
    moved_fulfillment_order: {
      ...ref(input.movedFulfillmentOrder),
      assigned_location_id: input.movedFulfillmentOrder.assignedLocationId,
    },
    destination_location_id: input.destinationLocationId,
    fulfillment_order_line_items_requested: quantities(input.lineItemsRequested),
    source_location: { id: input.sourceLocationId },
  };
}

/** fulfillment_holds/added and /released: one webhook per hold (placed_on_hold is one per FO). */
function fulfillmentHoldPayload(input: { fulfillmentOrderId: string; hold: FulfillmentHoldInput }) {
  return { fulfillment_order: { id: input.fulfillmentOrderId }, fulfillment_hold: fulfillmentHold(input.hold) };
}
export const fulfillmentHoldsAddedPayload = fulfillmentHoldPayload;
export const fulfillmentHoldsReleasedPayload = fulfillmentHoldPayload;
