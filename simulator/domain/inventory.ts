// Inventory commitments follow the fulfillment order's assigned location:
// ordered units move from `available` to `committed`; fulfilling removes them
// from `committed`; cancelling with restock returns them to `available`.
// https://shopify.dev/docs/apps/build/orders-fulfillment/inventory-management-apps ("How it works")
import type { StoreState } from "../store-state";
import type { SimFulfillmentOrder } from "../types";

function variantOf(state: StoreState, orderId: string, lineItemId: string): string | undefined {
  return state.order(orderId).lineItems.find((li) => li.id === lineItemId)?.variantId;
}

export function commit(state: StoreState, shop: string, variantId: string, locationId: string, q: number): void {
  const level = state.inventory(shop, variantId, locationId);
  level.available -= q;
  level.committed += q;
}

export function release(
  state: StoreState,
  shop: string,
  variantId: string,
  locationId: string,
  q: number,
  restock: boolean,
): void {
  const level = state.inventory(shop, variantId, locationId);
  level.committed -= q;
  if (restock) level.available += q;
}

/** Moves the FO's remaining commitment from its current location to `toLocationId`. */
export function moveCommitment(state: StoreState, fo: SimFulfillmentOrder, toLocationId: string): void {
  for (const li of fo.lineItems) {
    const variantId = variantOf(state, fo.orderId, li.lineItemId);
    if (!variantId || li.remainingQuantity === 0) continue;
    release(state, fo.shop, variantId, fo.locationId, li.remainingQuantity, true);
    commit(state, fo.shop, variantId, toLocationId, li.remainingQuantity);
  }
}

export function fulfillUnits(state: StoreState, fo: SimFulfillmentOrder, lineItemId: string, q: number): void {
  const variantId = variantOf(state, fo.orderId, lineItemId);
  if (variantId) release(state, fo.shop, variantId, fo.locationId, q, false);
}

export function releaseRemaining(state: StoreState, fo: SimFulfillmentOrder, restock: boolean): void {
  for (const li of fo.lineItems) {
    const variantId = variantOf(state, fo.orderId, li.lineItemId);
    if (variantId && li.remainingQuantity > 0)
      release(state, fo.shop, variantId, fo.locationId, li.remainingQuantity, restock);
  }
}
