// fulfillmentOrderMove: whole FO → the FO itself is reassigned; a subset (or an
// FO with fulfilled items) → a new FO at the destination.
// https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderMove
import {
  coversAll,
  isClosed,
  splitOff,
  touch,
  validateLineItems,
  type FieldError,
  type LineItemQuantity,
} from "../domain/fulfillment-order-records";
import { linesByStock, moveCommitment } from "../domain/inventory";
import type { StoreState } from "../store-state";
import type { SimFulfillmentOrder } from "../types";
import { foRef } from "../webhook-payloads";

/** Shopify's reason, in the mutation's userErrors and in locationsForMove's message. */
export const NOT_STOCKED = "The destination location doesn't stock the requested inventory item.";
export const PARTLY_STOCKED = "Some items aren't stocked at this location and will stay where they are.";

interface MoveResult {
  userErrors: FieldError[];
  moved: SimFulfillmentOrder | null;
  original: SimFulfillmentOrder | null;
  remaining: SimFulfillmentOrder | null;
}

export function moveFulfillmentOrder(
  state: StoreState,
  shop: string,
  args: { id: string; newLocationId: string; fulfillmentOrderLineItems?: LineItemQuantity[] | null },
): MoveResult {
  const fail = (message: string, field: string[]): MoveResult => ({
    userErrors: [{ field, message }],
    moved: null,
    original: null,
    remaining: null,
  });
  const fo = state.node(shop, args.id) as SimFulfillmentOrder | null;
  if (!fo) return fail("Fulfillment order does not exist.", ["id"]);
  if (isClosed(fo)) return fail("Cannot move a closed fulfillment order.", ["id"]);
  if (["SUBMITTED", "ACCEPTED", "CANCELLATION_REQUESTED", "CANCELLATION_REJECTED"].includes(fo.requestStatus)) {
    return fail("Cannot move a fulfillment order that has been submitted to a fulfillment service.", ["id"]);
  }
  const dest = state.location(shop, args.newLocationId);
  if (!dest) return fail("Location does not exist.", ["newLocationId"]);
  if (!dest.active) return fail("Cannot move to an inactive location.", ["newLocationId"]);
  if (dest.id === fo.locationId)
    return fail("Cannot move a fulfillment order to the location it is already assigned to.", ["newLocationId"]);
  const given = args.fulfillmentOrderLineItems?.length ? args.fulfillmentOrderLineItems : null;
  if (given) {
    const errors = validateLineItems(fo, given, ["fulfillmentOrderLineItems"]).map(({ field, message }) => ({
      field,
      message,
    }));
    if (errors.length) return { userErrors: errors, moved: null, original: null, remaining: null };
  }
  // Shopify refuses a move when "the destination location doesn't stock the requested inventory
  // item". Asked for named lines, one unstocked line refuses the move; asked for everything, only
  // the lines stocked there move and the rest stay on the original, which stays open. (The docs
  // don't say what happens when nothing is stocked there; the stricter choice is to refuse.)
  // https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderMove
  const { stocked, unstocked } = linesByStock(state, fo, dest.id);
  const unstockedIds = new Set(unstocked.map((li) => li.id));
  if (given?.some((item) => unstockedIds.has(item.id)) || stocked.length === 0) {
    return fail(NOT_STOCKED, ["newLocationId"]);
  }
  const items =
    given ?? (unstocked.length ? stocked.map((li) => ({ id: li.id, quantity: li.remainingQuantity })) : null);
  const source = fo.locationId;
  const hasFulfilled = fo.lineItems.some((li) => li.remainingQuantity < li.totalQuantity);
  const whole = !hasFulfilled && (!items || coversAll(fo, items));
  const requested =
    items ??
    fo.lineItems.filter((li) => li.remainingQuantity > 0).map((li) => ({ id: li.id, quantity: li.remainingQuantity }));
  // Guess: splitting would leave the moved items either without their holds or
  // with holds nobody placed, so a held FO moves only as a whole.
  if (!whole && fo.status === "ON_HOLD")
    return fail("Cannot move part of a fulfillment order that is on hold.", ["id"]);
  const moved = whole ? fo : splitOff(state, fo, requested);
  moveCommitment(state, moved, dest.id);
  moved.locationId = dest.id;
  moved.requestStatus = "UNSUBMITTED";
  // Moving an INCOMPLETE FO is how the merchant takes back what the service couldn't ship
  // (fulfillmentOrderClose docs); at its new location it is open work. The docs don't name the
  // status; OPEN is the only one an unsubmitted, unheld FO has.
  if (moved.status === "INCOMPLETE") moved.status = "OPEN";
  touch(state, moved);
  if (!whole && fo.lineItems.every((li) => li.remainingQuantity === 0)) fo.status = "CLOSED";
  touch(state, fo);
  state.emit(shop, "fulfillment_orders/moved", {
    originalFulfillmentOrder: { ...foRef(fo), assignedLocationId: fo.locationId },
    movedFulfillmentOrder: { ...foRef(moved), assignedLocationId: moved.locationId },
    destinationLocationId: dest.id,
    lineItemsRequested: requested.map((r) => ({ id: r.id, quantity: r.quantity })),
    sourceLocationId: source,
  });
  return { userErrors: [], moved, original: fo, remaining: whole ? null : fo };
}
