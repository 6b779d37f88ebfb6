// Low-level helpers on fulfillment order records: touching, closing, and
// splitting requested quantities off into a new fulfillment order.
import type { StoreState } from "../store-state";
import type { SimFulfillmentOrder, SimFulfillmentOrderLineItem } from "../types";

export interface LineItemQuantity {
  id: string;
  quantity: number;
}

export interface FieldError {
  field: string[];
  message: string;
  code?: string;
}

/**
 * Order.updatedAt is "the date and time when the order was last modified"
 * (https://shopify.dev/docs/api/admin-graphql/latest/objects/Order#field-Order.fields.updatedAt).
 * The docs don't say that a change to one of its fulfillment orders modifies the order, so the
 * stricter reading: only order-level changes bump it — those Shopify announces with orders/updated
 * (a fulfillment, a cancellation, a payment, tags, an edit). Callers of those bump it themselves.
 */
export function touchOrder(state: StoreState, orderId: string): void {
  state.order(orderId).updatedAt = state.nowIso();
}

/** An FO changed: its own updatedAt only (see touchOrder for the order's). */
export function touch(state: StoreState, fo: SimFulfillmentOrder): void {
  fo.updatedAt = state.nowIso();
}

/** A fresh FO line for `quantity` units of an order line, none of them fulfilled. */
export function newFoLine(state: StoreState, lineItemId: string, quantity: number): SimFulfillmentOrderLineItem {
  return {
    id: state.newId("FulfillmentOrderLineItem"),
    lineItemId,
    totalQuantity: quantity,
    remainingQuantity: quantity,
  };
}

export function isClosed(fo: SimFulfillmentOrder): boolean {
  return fo.status === "CLOSED" || fo.status === "CANCELLED";
}

export function remainingTotal(fo: SimFulfillmentOrder): number {
  return fo.lineItems.reduce((n, li) => n + li.remainingQuantity, 0);
}

/**
 * Validates `fulfillmentOrderLineItems` input against the FO: ids must belong to
 * it, quantities must be > 0 and ≤ remaining. Returns errors (empty when valid).
 */
export function validateLineItems(
  fo: SimFulfillmentOrder,
  items: LineItemQuantity[],
  fieldPrefix: string[],
): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const li = fo.lineItems.find((x) => x.id === item.id);
    const field = [...fieldPrefix, String(i)];
    if (seen.has(item.id)) {
      errors.push({
        field,
        message: "Fulfillment order line items must be unique.",
        code: "DUPLICATED_FULFILLMENT_ORDER_LINE_ITEMS",
      });
    } else if (!li) {
      errors.push({
        field: [...field, "id"],
        message: "Fulfillment order line item does not exist.",
        code: "INVALID_LINE_ITEM_QUANTITY",
      });
    } else if (item.quantity <= 0) {
      errors.push({
        field: [...field, "quantity"],
        message: "You must select at least one item.",
        code: "GREATER_THAN_ZERO",
      });
    } else if (item.quantity > li.remainingQuantity) {
      errors.push({
        field: [...field, "quantity"],
        message: `Quantity must be less than or equal to the remaining quantity (${li.remainingQuantity}).`,
        code: "INVALID_LINE_ITEM_QUANTITY",
      });
    }
    seen.add(item.id);
  });
  return errors;
}

/** True when `items` cover every remaining unit of the FO (so no split is needed). */
export function coversAll(fo: SimFulfillmentOrder, items: LineItemQuantity[]): boolean {
  return fo.lineItems.every((li) => {
    const q = items.find((x) => x.id === li.id)?.quantity ?? 0;
    return q >= li.remainingQuantity;
  });
}

/**
 * Moves `items` quantities out of `fo` into a new FO with the same location,
 * status and delivery method. Returns the new FO (already stored in the shop).
 * Already-fulfilled quantities stay on the original.
 */
/**
 * A new FO with no lines, holds, requests or fulfillments, at the same order, location, delivery
 * method and status as `like`: what a split or a merge starts from.
 */
export function emptyFulfillmentOrderLike(state: StoreState, like: SimFulfillmentOrder): SimFulfillmentOrder {
  const now = state.nowIso();
  return {
    ...structuredClone(like),
    id: state.newId("FulfillmentOrder"),
    lineItems: [],
    holds: [],
    merchantRequests: [],
    fulfillmentIds: [],
    createdAt: now,
    updatedAt: now,
  };
}

export function splitOff(state: StoreState, fo: SimFulfillmentOrder, items: LineItemQuantity[]): SimFulfillmentOrder {
  const created = emptyFulfillmentOrderLike(state, fo);
  for (const item of items) {
    const li = fo.lineItems.find((x) => x.id === item.id);
    if (!li || item.quantity <= 0) continue;
    li.remainingQuantity -= item.quantity;
    li.totalQuantity -= item.quantity;
    created.lineItems.push(newFoLine(state, li.lineItemId, item.quantity));
  }
  fo.lineItems = fo.lineItems.filter((li) => li.totalQuantity > 0);
  state.shop(fo.shop).fulfillmentOrders.push(created);
  touch(state, fo);
  return created;
}

/** The complement of `items` within the FO's remaining quantities. */
export function complement(fo: SimFulfillmentOrder, items: LineItemQuantity[]): LineItemQuantity[] {
  return fo.lineItems
    .map((li) => ({ id: li.id, quantity: li.remainingQuantity - (items.find((x) => x.id === li.id)?.quantity ?? 0) }))
    .filter((x) => x.quantity > 0);
}
