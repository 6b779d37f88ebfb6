// FulfillmentOrder.supportedActions, derived from status, request status and
// who owns the assigned location. Action meanings:
// https://shopify.dev/docs/api/admin-graphql/latest/enums/FulfillmentOrderAction
// Since 2024-10 an app can't create fulfillments for FOs assigned to another
// fulfillment service's location; it can only request, hold, move or cancel them:
// https://shopify.dev/changelog/order-management-apps-can-no-longer-fulfill-orders-that-are-assigned-to-a-different-fulfillment-service
import type { StoreState } from "../store-state";
import type { SimFulfillmentOrder } from "../types";
import { mergeSiblings } from "./merge";

type FulfillmentOrderAction =
  | "CANCEL_FULFILLMENT_ORDER"
  | "CREATE_FULFILLMENT"
  | "HOLD"
  | "MARK_AS_OPEN"
  | "MERGE"
  | "MOVE"
  | "RELEASE_HOLD"
  | "REQUEST_CANCELLATION"
  | "REQUEST_FULFILLMENT"
  | "SPLIT";

export function isThirdPartyFo(state: StoreState, fo: SimFulfillmentOrder): boolean {
  return state.location(fo.shop, fo.locationId)?.kind === "fulfillment_service";
}

export function supportedActions(state: StoreState, fo: SimFulfillmentOrder): FulfillmentOrderAction[] {
  if (state.findOrder(fo.orderId)?.cancelledAt) return [];
  const thirdParty = isThirdPartyFo(state, fo);
  const splittable = fo.lineItems.reduce((n, li) => n + li.remainingQuantity, 0) > 1;
  switch (fo.status) {
    case "OPEN": {
      if (fo.requestStatus === "SUBMITTED") return ["CANCEL_FULFILLMENT_ORDER"];
      const actions: FulfillmentOrderAction[] = thirdParty ? ["REQUEST_FULFILLMENT"] : ["CREATE_FULFILLMENT"];
      actions.push("HOLD", "MOVE");
      if (splittable) actions.push("SPLIT");
      // MERGE: "the corresponding mutation for this action is fulfillmentOrderMerge", offered only
      // when another FO could merge with this one (domain/merge.ts).
      if (mergeSiblings(state, fo).length > 0) actions.push("MERGE");
      return actions;
    }
    case "IN_PROGRESS":
      if (fo.requestStatus === "ACCEPTED" || fo.requestStatus === "CANCELLATION_REJECTED")
        return ["REQUEST_CANCELLATION"];
      if (fo.requestStatus === "CANCELLATION_REQUESTED") return ["CANCEL_FULFILLMENT_ORDER"];
      // Partly fulfilled by the merchant: the rest can still be fulfilled or moved.
      return thirdParty ? [] : ["CREATE_FULFILLMENT", "MOVE"];
    case "ON_HOLD":
      // Only Shopify can lift its own post-purchase cross-sell hold.
      return fo.holds.some((h) => h.heldByApp !== null) ? ["RELEASE_HOLD", "HOLD", "MOVE"] : ["HOLD", "MOVE"];
    case "SCHEDULED":
      return ["MARK_AS_OPEN"];
    case "INCOMPLETE":
      // Closed by the fulfillment service: the merchant can move it or request fulfillment again.
      // https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderClose
      return thirdParty ? ["REQUEST_FULFILLMENT", "MOVE"] : ["MOVE"];
    default:
      return [];
  }
}
