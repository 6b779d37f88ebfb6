// Which fulfillment orders Shopify could merge into one (fulfillmentOrderMerge, and the MERGE
// supported action). The docs give no conditions beyond "merges a set or multiple sets of
// fulfillment orders together into one based on line item inputs and quantities"
// (https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderMerge), so the
// stricter reading: only work nobody has started or stopped — OPEN, UNSUBMITTED, unheld — of the
// same order, at the same assigned location, with the same delivery method.
import type { StoreState } from "../store-state";
import type { SimFulfillmentOrder } from "../types";

export function isMergeable(state: StoreState, fo: SimFulfillmentOrder): boolean {
  return (
    fo.status === "OPEN" &&
    fo.requestStatus === "UNSUBMITTED" &&
    fo.holds.length === 0 &&
    !state.findOrder(fo.orderId)?.cancelledAt &&
    fo.lineItems.some((li) => li.remainingQuantity > 0)
  );
}

export function belongTogether(a: SimFulfillmentOrder, b: SimFulfillmentOrder): boolean {
  return a.orderId === b.orderId && a.locationId === b.locationId && a.deliveryMethod === b.deliveryMethod;
}

/** The other FOs `fo` could merge with right now. */
export function mergeSiblings(state: StoreState, fo: SimFulfillmentOrder): SimFulfillmentOrder[] {
  if (!isMergeable(state, fo)) return [];
  return state
    .shop(fo.shop)
    .fulfillmentOrders.filter((other) => other.id !== fo.id && belongTogether(fo, other) && isMergeable(state, other));
}
