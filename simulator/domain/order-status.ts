// Derived order fields: displayFulfillmentStatus, displayFinancialStatus, closed.
// Semantics from the enum docs:
// https://shopify.dev/docs/api/admin-graphql/latest/enums/OrderDisplayFulfillmentStatus
import type { StoreState } from "../store-state";
import type { SimOrder } from "../types";
import { isClosed } from "./fulfillment-order-records";

export function fulfilledQuantity(state: StoreState, order: SimOrder): number {
  return state
    .fulfillmentsOf(order.id)
    .filter((f) => f.status === "SUCCESS")
    .reduce((n, f) => n + f.lineItems.reduce((m, li) => m + li.quantity, 0), 0);
}

function totalQuantity(order: SimOrder): number {
  return order.lineItems.reduce((n, li) => n + li.quantity, 0);
}

export function displayFulfillmentStatus(state: StoreState, order: SimOrder): string {
  const total = totalQuantity(order);
  if (total === 0) return "FULFILLMENT_NOT_REQUIRED";
  const fulfilled = fulfilledQuantity(state, order);
  if (fulfilled >= total) return "FULFILLED";
  if (fulfilled > 0) return "PARTIALLY_FULFILLED";
  const open = state.fulfillmentOrdersOf(order.id).filter((fo) => !isClosed(fo));
  if (open.length === 0) return "UNFULFILLED";
  if (open.some((fo) => fo.requestStatus === "REJECTED")) return "REQUEST_DECLINED";
  if (open.every((fo) => fo.status === "ON_HOLD")) return "ON_HOLD";
  if (open.every((fo) => fo.status === "SCHEDULED")) return "SCHEDULED";
  if (open.every((fo) => fo.status === "IN_PROGRESS" || fo.requestStatus === "SUBMITTED")) return "IN_PROGRESS";
  return "UNFULFILLED";
}

export function orderTotal(order: SimOrder): string {
  const cents = order.lineItems.reduce((n, li) => n + Math.round(Number(li.price) * 100) * li.quantity, 0);
  return (cents / 100).toFixed(2);
}

export function refreshClosed(state: StoreState, order: SimOrder): void {
  if (order.closedAt) return;
  const done = displayFulfillmentStatus(state, order) === "FULFILLED" && order.financialStatus === "PAID";
  if (order.cancelledAt || done) order.closedAt = state.nowIso();
}
