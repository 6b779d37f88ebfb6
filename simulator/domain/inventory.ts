// Inventory commitments follow the fulfillment order's assigned location:
// ordered units move from `available` to `committed`; fulfilling removes them
// from `committed`; cancelling with restock returns them to `available`.
// https://shopify.dev/docs/apps/build/orders-fulfillment/inventory-management-apps ("How it works")
import type { StoreState } from "../store-state";
import type { SimFulfillmentOrder, SimFulfillmentOrderLineItem } from "../types";

function variantOf(state: StoreState, orderId: string, lineItemId: string): string | undefined {
  return state.order(orderId).lineItems.find((li) => li.id === lineItemId)?.variantId;
}

export function commit(state: StoreState, shop: string, variantId: string, locationId: string, q: number): void {
  const level = state.inventory(shop, variantId, locationId);
  level.available -= q;
  level.committed += q;
}

function release(
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

/**
 * Whether the location stocks the item: it has an inventory level there (whatever the quantity).
 * fulfillmentOrderMove fails when "the destination location doesn't stock the requested
 * inventory item". https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderMove
 */
function stocks(state: StoreState, shop: string, variantId: string, locationId: string): boolean {
  return `${variantId}|${locationId}` in state.shop(shop).inventory;
}

/** The FO's lines with something left, split by whether `locationId` stocks their item. */
export function linesByStock(
  state: StoreState,
  fo: SimFulfillmentOrder,
  locationId: string,
): { stocked: SimFulfillmentOrderLineItem[]; unstocked: SimFulfillmentOrderLineItem[] } {
  const stocked: SimFulfillmentOrderLineItem[] = [];
  const unstocked: SimFulfillmentOrderLineItem[] = [];
  for (const li of fo.lineItems) {
    if (li.remainingQuantity === 0) continue;
    const variantId = variantOf(state, fo.orderId, li.lineItemId);
    (variantId && stocks(state, fo.shop, variantId, locationId) ? stocked : unstocked).push(li);
  }
  return { stocked, unstocked };
}
