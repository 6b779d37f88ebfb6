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

export interface SubmitResult {
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
  if (fo.status !== "OPEN" || (fo.requestStatus !== "UNSUBMITTED" && fo.requestStatus !== "REJECTED")) {
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

// https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderAcceptFulfillmentRequest
export function acceptFulfillmentRequest(
  state: StoreState,
  foId: string,
  opts: { message?: string },
): SimFulfillmentOrder {
  const fo = serviceFo(state, foId, ["SUBMITTED"], "accept the fulfillment request of");
  fo.status = "IN_PROGRESS";
  fo.requestStatus = "ACCEPTED";
  touch(state, fo);
  state.emit(fo.shop, "fulfillment_orders/fulfillment_request_accepted", {
    fulfillmentOrder: foRequestRef(fo),
    message: opts.message ?? null,
  });
  return fo;
}

// https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderRejectFulfillmentRequest
export function rejectFulfillmentRequest(
  state: StoreState,
  foId: string,
  opts: { reason?: string; message?: string },
): SimFulfillmentOrder {
  const fo = serviceFo(state, foId, ["SUBMITTED"], "reject the fulfillment request of");
  fo.status = "OPEN";
  fo.requestStatus = "REJECTED";
  // The reason and message are only arguments of the mutation; the one place the Admin API
  // gives a fulfillment service's answer back is the request's `responseData` ("The response
  // from the fulfillment service",
  // https://shopify.dev/docs/api/admin-graphql/latest/objects/FulfillmentOrderMerchantRequest#field-responseData).
  // The docs give no shape for it: the simulator stores the arguments as they were sent.
  const request = fo.merchantRequests.findLast((r) => r.kind === "FULFILLMENT_REQUEST");
  if (request) request.responseData = { reason: opts.reason ?? null, message: opts.message ?? null };
  touch(state, fo);
  state.emit(fo.shop, "fulfillment_orders/fulfillment_request_rejected", {
    fulfillmentOrder: foRequestRef(fo),
    message: opts.message ?? null,
  });
  return fo;
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

// Accepting a cancellation closes the FO; the unfulfilled items return to the
// merchant in a new OPEN fulfillment order at the same location.
// https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderAcceptCancellationRequest
export function acceptCancellationRequest(
  state: StoreState,
  foId: string,
  opts: { message?: string },
): SimFulfillmentOrder {
  const fo = serviceFo(state, foId, ["CANCELLATION_REQUESTED"], "accept the cancellation request of");
  const replacement = replacementOf(state, fo);
  fo.status = "CLOSED";
  fo.requestStatus = "CANCELLATION_ACCEPTED";
  touch(state, fo);
  state.emit(fo.shop, "fulfillment_orders/cancellation_request_accepted", {
    fulfillmentOrder: foRef(fo),
    message: opts.message ?? null,
  });
  return replacement;
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
// CANCELLATION_REQUESTED status" and creates a replacement FO for the work left.
// https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderCancel
// The mutation page says the original is "marked as closed", its payload page says
// "marked as canceled"; Shopify's fulfillment_orders/cancelled sample payload shows
// status "cancelled", which is what the simulator uses.
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
  fo.status = "CANCELLED";
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
