// Fulfillment and cancellation requests between the merchant app and a 3PL
// fulfillment service, plus fulfillmentOrderCancel.
// https://shopify.dev/docs/apps/build/orders-fulfillment/fulfillment-service-apps/build-for-fulfillment-services
import {
  coversAll,
  complement,
  isClosed,
  splitOff,
  touch,
  validateLineItems,
  type FieldError,
  type LineItemQuantity,
} from "../domain/fulfillment-order-records";
import { releaseRemaining } from "../domain/inventory";
import { isThirdPartyFo } from "../domain/supported-actions";
import type { StoreState } from "../store-state";
import { SimulatorError } from "../store-state";
import type { SimFulfillmentOrder, SimMerchantRequest } from "../types";
import type { PayloadInput, PayloadTopic } from "../webhooks/payloads";
import { foRef, foRequestRef } from "../webhook-payloads";

function addRequest(
  state: StoreState,
  fo: SimFulfillmentOrder,
  kind: SimMerchantRequest["kind"],
  message: string | null,
  options: Record<string, unknown>,
): SimMerchantRequest {
  const req: SimMerchantRequest = {
    id: state.newId("FulfillmentOrderMerchantRequest"),
    kind,
    message,
    sentAt: state.nowIso(),
    requestOptions: options,
    responseData: null,
  };
  fo.merchantRequests.push(req);
  return req;
}

interface SubmitResult {
  userErrors: FieldError[];
  original: SimFulfillmentOrder | null;
  submitted: SimFulfillmentOrder | null;
  unsubmitted: SimFulfillmentOrder | null;
}

// https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderSubmitFulfillmentRequest
// A partial request splits the FO: the original keeps the submitted items and a
// new FO holds the unsubmitted remainder.
export function submitFulfillmentRequest(
  state: StoreState,
  shop: string,
  args: {
    id: string;
    message?: string | null;
    notifyCustomer?: boolean | null;
    fulfillmentOrderLineItems?: LineItemQuantity[] | null;
  },
): SubmitResult {
  const fail = (message: string, field = ["id"]): SubmitResult => ({
    userErrors: [{ field, message }],
    original: null,
    submitted: null,
    unsubmitted: null,
  });
  const fo = state.node(shop, args.id) as SimFulfillmentOrder | null;
  if (!fo) return fail("Fulfillment order does not exist.");
  if (!isThirdPartyFo(state, fo)) return fail("Fulfillment order is not assigned to a fulfillment service location.");
  // An INCOMPLETE FO (closed by the service) can be requested again: fulfillmentOrderClose
  // "returns the control of the fulfillment order to the merchant, allowing them to … request
  // fulfillment from the same fulfillment service again".
  // https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderClose
  const incomplete = fo.status === "INCOMPLETE" && fo.requestStatus === "CLOSED";
  if (
    !incomplete &&
    (fo.status !== "OPEN" || (fo.requestStatus !== "UNSUBMITTED" && fo.requestStatus !== "REJECTED"))
  ) {
    return fail("Cannot request fulfillment for the fulfillment order.");
  }
  const items = args.fulfillmentOrderLineItems?.length ? args.fulfillmentOrderLineItems : null;
  if (items) {
    const errors = validateLineItems(fo, items, ["fulfillmentOrderLineItems"]).map(({ field, message }) => ({
      field,
      message,
    }));
    if (errors.length) return { userErrors: errors, original: null, submitted: null, unsubmitted: null };
  }
  const unsubmitted = items && !coversAll(fo, items) ? splitOff(state, fo, complement(fo, items)) : null;
  if (unsubmitted) unsubmitted.requestStatus = "UNSUBMITTED";
  // Back in the request cycle: the docs don't name the status; OPEN is what a submitted FO has.
  if (incomplete) fo.status = "OPEN";
  fo.requestStatus = "SUBMITTED";
  const req = addRequest(state, fo, "FULFILLMENT_REQUEST", args.message ?? null, {
    notify_customer: args.notifyCustomer ?? false,
  });
  touch(state, fo);
  state.emit(shop, "fulfillment_orders/fulfillment_request_submitted", {
    originalFulfillmentOrder: foRequestRef(fo),
    submittedFulfillmentOrder: foRequestRef(fo),
    merchantRequest: { id: req.id, message: req.message },
  });
  return { userErrors: [], original: fo, submitted: fo, unsubmitted };
}

function serviceFo(
  state: StoreState,
  foId: string,
  expected: SimFulfillmentOrder["requestStatus"][],
  what: string,
): SimFulfillmentOrder {
  const fo = state.fulfillmentOrder(foId);
  if (isClosed(fo)) throw new SimulatorError(`Cannot ${what} ${foId}: it is ${fo.status}`);
  if (!expected.includes(fo.requestStatus)) {
    throw new SimulatorError(`Cannot ${what} ${foId}: request status is ${fo.requestStatus}`);
  }
  return fo;
}

/** The fulfillment service's answer: the FO's new statuses, stamped, and the webhook about it. */
function answer<T extends PayloadTopic>(
  state: StoreState,
  fo: SimFulfillmentOrder,
  to: Pick<SimFulfillmentOrder, "status" | "requestStatus">,
  topic: T,
  payload: (fo: SimFulfillmentOrder) => PayloadInput<T>,
): SimFulfillmentOrder {
  fo.status = to.status;
  fo.requestStatus = to.requestStatus;
  touch(state, fo);
  state.emit(fo.shop, topic, payload(fo));
  return fo;
}

// https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderAcceptFulfillmentRequest
export function acceptFulfillmentRequest(
  state: StoreState,
  foId: string,
  opts: { message?: string },
): SimFulfillmentOrder {
  const fo = serviceFo(state, foId, ["SUBMITTED"], "accept the fulfillment request of");
  return answer(
    state,
    fo,
    { status: "IN_PROGRESS", requestStatus: "ACCEPTED" },
    "fulfillment_orders/fulfillment_request_accepted",
    (f) => ({ fulfillmentOrder: foRequestRef(f), message: opts.message ?? null }),
  );
}

/** fulfillmentOrderRejectFulfillmentRequest's arguments (besides the FO id). */
export interface RejectionInput {
  /** FulfillmentOrderRejectionReason */
  reason?: string;
  message?: string;
  /** IncomingRequestLineItemInput: the lines the service could not fulfil, and why. */
  lineItems?: { fulfillmentOrderLineItemId: string; message?: string | null }[];
}

// https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderRejectFulfillmentRequest
export function rejectFulfillmentRequest(state: StoreState, foId: string, opts: RejectionInput): SimFulfillmentOrder {
  const fo = serviceFo(state, foId, ["SUBMITTED"], "reject the fulfillment request of");
  // `lineItems` "documents which line items specifically were unable to be fulfilled and why";
  // an id that isn't a line of this FO can't document anything: the stricter reading refuses it
  // (the docs are silent) before anything changes.
  const lines = opts.lineItems ?? [];
  for (const line of lines) {
    if (!fo.lineItems.some((li) => li.id === line.fulfillmentOrderLineItemId)) {
      throw new SimulatorError(
        `Cannot reject ${foId}: ${line.fulfillmentOrderLineItemId} is not one of its line items`,
      );
    }
  }
  // The reason and message are only arguments of the mutation; the one place the Admin API
  // gives a fulfillment service's answer back is the request's `responseData` ("The response
  // from the fulfillment service",
  // https://shopify.dev/docs/api/admin-graphql/latest/objects/FulfillmentOrderMerchantRequest#field-responseData).
  // The docs give no shape for it: the simulator stores the arguments as they were sent.
  const request = fo.merchantRequests.findLast((r) => r.kind === "FULFILLMENT_REQUEST");
  if (request) request.responseData = { reason: opts.reason ?? null, message: opts.message ?? null };
  // Each line's message comes back as FulfillmentOrderLineItem.warnings ("a warning about why a
  // fulfillment request was rejected",
  // https://shopify.dev/docs/api/admin-graphql/latest/objects/FulfillmentOrderLineItemWarning).
  // The docs don't say how the message maps onto title/description, nor when a warning goes away:
  // the message is the description (title null), and a new rejection replaces every line's
  // warnings; they are not cleared on resubmission, so a reader must look at them only while the
  // request is REJECTED (the stricter assumption for a client).
  for (const li of fo.lineItems) {
    const said = lines.filter((line) => line.fulfillmentOrderLineItemId === li.id);
    li.warnings = said.map((line) => ({ title: null, description: line.message ?? null }));
  }
  return answer(
    state,
    fo,
    { status: "OPEN", requestStatus: "REJECTED" },
    "fulfillment_orders/fulfillment_request_rejected",
    (f) => ({ fulfillmentOrder: foRequestRef(f), message: opts.message ?? null }),
  );
}

// fulfillmentOrderClose: the fulfillment service can't ship the rest. Only for an FO at a
// fulfillment service location whose request was accepted and whose status is IN_PROGRESS; it
// becomes INCOMPLETE with request status CLOSED ("the fulfillment service closed the fulfillment
// order without completing it"), and control returns to the merchant, who can move it or request
// fulfillment again. The FO keeps its items (and their commitment) for that.
// https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderClose
// https://shopify.dev/docs/api/admin-graphql/latest/enums/FulfillmentOrderRequestStatus
// It emits fulfillment_orders/fulfillment_service_failed_to_complete, which "occurs when a
// fulfillment service intends to close an in_progress fulfillment order":
// https://shopify.dev/docs/api/admin-graphql/latest/enums/WebhookSubscriptionTopic
// https://help.shopify.com/en/manual/shopify-flow/reference/triggers/fulfillment-service-failed-to-complete
// "The fulfillment request has been accepted": ACCEPTED only (a cancellation answered no is
// not named, so the stricter reading refuses it).
export function closeAsIncomplete(state: StoreState, foId: string, opts: { message?: string }): SimFulfillmentOrder {
  const fo = serviceFo(state, foId, ["ACCEPTED"], "close");
  if (!isThirdPartyFo(state, fo)) throw new SimulatorError(`Cannot close ${foId}: not at a fulfillment service`);
  if (fo.status !== "IN_PROGRESS") throw new SimulatorError(`Cannot close ${foId}: it is ${fo.status}`);
  return answer(
    state,
    fo,
    { status: "INCOMPLETE", requestStatus: "CLOSED" },
    "fulfillment_orders/fulfillment_service_failed_to_complete",
    (f) => ({ fulfillmentOrder: foRef(f), message: opts.message ?? null }),
  );
}

// https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderSubmitCancellationRequest
export function submitCancellationRequest(
  state: StoreState,
  shop: string,
  args: { id: string; message?: string | null },
): { userErrors: FieldError[]; fo: SimFulfillmentOrder | null } {
  const fo = state.node(shop, args.id) as SimFulfillmentOrder | null;
  if (!fo) return { userErrors: [{ field: ["id"], message: "Fulfillment order does not exist." }], fo: null };
  if (fo.requestStatus !== "ACCEPTED" && fo.requestStatus !== "CANCELLATION_REJECTED") {
    return {
      userErrors: [{ field: ["id"], message: "Cannot request cancellation for the fulfillment order." }],
      fo: null,
    };
  }
  fo.requestStatus = "CANCELLATION_REQUESTED";
  const req = addRequest(state, fo, "CANCELLATION_REQUEST", args.message ?? null, {});
  touch(state, fo);
  state.emit(shop, "fulfillment_orders/cancellation_request_submitted", {
    fulfillmentOrder: foRequestRef(fo),
    merchantRequest: { id: req.id, message: req.message },
  });
  return { userErrors: [], fo };
}

/** A replacement FO with the same remaining line items at the same location. */
function replacementOf(state: StoreState, fo: SimFulfillmentOrder): SimFulfillmentOrder {
  const now = state.nowIso();
  const replacement: SimFulfillmentOrder = {
    ...structuredClone(fo),
    id: state.newId("FulfillmentOrder"),
    status: "OPEN",
    requestStatus: "UNSUBMITTED",
    lineItems: fo.lineItems
      .filter((li) => li.remainingQuantity > 0)
      .map((li) => ({
        id: state.newId("FulfillmentOrderLineItem"),
        lineItemId: li.lineItemId,
        totalQuantity: li.remainingQuantity,
        remainingQuantity: li.remainingQuantity,
      })),
    holds: [],
    merchantRequests: [],
    fulfillmentIds: [],
    preparedForPickup: false,
    createdAt: now,
    updatedAt: now,
  };
  for (const li of fo.lineItems) {
    li.totalQuantity -= li.remainingQuantity;
    li.remainingQuantity = 0;
  }
  state.shop(fo.shop).fulfillmentOrders.push(replacement);
  return replacement;
}

// Accepting a cancellation request leaves the same FO CANCELLED (request status
// CANCELLATION_ACCEPTED) and creates no replacement: the response carries only "the fulfillment
// order whose cancellation request was accepted", and the payload has no replacement field
// (unlike fulfillmentOrderCancel's). Where its commitment goes the docs don't say; the stricter
// reading is that a cancelled FO holds no stock, so it returns to available.
// https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderAcceptCancellationRequest
// https://shopify.dev/docs/api/admin-graphql/latest/payloads/FulfillmentOrderAcceptCancellationRequestPayload
export function acceptCancellationRequest(
  state: StoreState,
  foId: string,
  opts: { message?: string },
): SimFulfillmentOrder {
  const fo = serviceFo(state, foId, ["CANCELLATION_REQUESTED"], "accept the cancellation request of");
  releaseRemaining(state, fo, true);
  return answer(
    state,
    fo,
    { status: "CANCELLED", requestStatus: "CANCELLATION_ACCEPTED" },
    "fulfillment_orders/cancellation_request_accepted",
    (f) => ({ fulfillmentOrder: foRef(f), message: opts.message ?? null }),
  );
}

// https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderRejectCancellationRequest
export function rejectCancellationRequest(
  state: StoreState,
  foId: string,
  opts: { message?: string },
): SimFulfillmentOrder {
  const fo = serviceFo(state, foId, ["CANCELLATION_REQUESTED"], "reject the cancellation request of");
  fo.requestStatus = "CANCELLATION_REJECTED";
  touch(state, fo);
  state.emit(fo.shop, "fulfillment_orders/cancellation_request_rejected", {
    fulfillmentOrder: foRequestRef(fo),
    message: opts.message ?? null,
  });
  return fo;
}

// fulfillmentOrderCancel "works when the fulfillment order has a SUBMITTED or
// CANCELLATION_REQUESTED status", creates a replacement FO "to represent the work left to be
// done", and "the original fulfillment order will be marked as closed": status CLOSED. (The
// payload page and the fulfillment_orders/cancelled sample say "canceled"; the mutation page is
// the one that states the resulting status, so the simulator follows it.)
// https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderCancel
export function cancelFulfillmentOrder(
  state: StoreState,
  shop: string,
  args: { id: string },
): { userErrors: FieldError[]; fo: SimFulfillmentOrder | null; replacement: SimFulfillmentOrder | null } {
  const fo = state.node(shop, args.id) as SimFulfillmentOrder | null;
  const fail = (message: string) => ({ userErrors: [{ field: ["id"], message }], fo: null, replacement: null });
  if (!fo) return fail("Fulfillment order does not exist.");
  if (isClosed(fo) || (fo.requestStatus !== "SUBMITTED" && fo.requestStatus !== "CANCELLATION_REQUESTED")) {
    return fail("Fulfillment order is not in cancelable request state and can't be canceled.");
  }
  const replacement = replacementOf(state, fo);
  // The request status is left as it was: CLOSED means "the fulfillment service
  // closed the fulfillment order without completing it", which isn't the case.
  // https://shopify.dev/docs/api/admin-graphql/latest/enums/FulfillmentOrderRequestStatus
  fo.status = "CLOSED";
  touch(state, fo);
  state.emit(shop, "fulfillment_orders/cancelled", {
    fulfillmentOrder: foRef(fo),
    replacementFulfillmentOrder: foRef(replacement),
  });
  return { userErrors: [], fo, replacement };
}

/** Used by orderCancel: closes an open FO without replacement. */
export function cancelForOrder(state: StoreState, fo: SimFulfillmentOrder, restock: boolean): void {
  releaseRemaining(state, fo, restock);
  fo.status = "CANCELLED";
  touch(state, fo);
  state.emit(fo.shop, "fulfillment_orders/cancelled", {
    fulfillmentOrder: foRef(fo),
    replacementFulfillmentOrder: null,
  });
}
