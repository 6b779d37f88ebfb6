// Fulfillment holds: several holds per FO (by handle), partial holds split the
// held quantities off, release by hold ids or — when none are given — every hold.
// https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderHold
// https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderReleaseHold
import {
  complement,
  coversAll,
  isClosed,
  splitOff,
  touch,
  validateLineItems,
  type FieldError,
  type LineItemQuantity,
} from "../domain/fulfillment-order-records";
import type { StoreState } from "../store-state";
import type { AppRef, SimFulfillmentHold, SimFulfillmentOrder } from "../types";
import { foRef, foWithHolds, holdInput, remainingQuantities } from "../webhook-payloads";

export interface HoldInput {
  reason: string;
  reasonNotes?: string | null;
  notifyMerchant?: boolean | null;
  handle?: string | null;
  externalId?: string | null;
  fulfillmentOrderLineItems?: LineItemQuantity[] | null;
}

interface HoldResult {
  userErrors: FieldError[];
  hold: SimFulfillmentHold | null;
  fo: SimFulfillmentOrder | null;
  remaining: SimFulfillmentOrder | null;
}

// "Each app can place up to 10 active holds per fulfillment order."
const MAX_HOLDS_PER_APP = 10;

export function placeHold(state: StoreState, shop: string, foId: string, input: HoldInput, app: AppRef): HoldResult {
  const fail = (message: string, code: string, field = ["id"]): HoldResult => ({
    userErrors: [{ field, message, code }],
    hold: null,
    fo: null,
    remaining: null,
  });
  const fo = state.node(shop, foId) as SimFulfillmentOrder | null;
  if (!fo) return fail("Fulfillment order not found.", "FULFILLMENT_ORDER_NOT_FOUND");
  if (isClosed(fo) || (fo.status !== "OPEN" && fo.status !== "ON_HOLD" && fo.status !== "SCHEDULED")) {
    return fail(
      `The fulfillment order's status is ${fo.status.toLowerCase()} and can't be placed on hold.`,
      "FULFILLMENT_ORDER_NOT_FOUND",
    );
  }
  if (fo.requestStatus === "SUBMITTED" || fo.requestStatus === "ACCEPTED") {
    return fail(
      "Fulfillment order can't be placed on hold while a fulfillment request is pending or accepted.",
      "FULFILLMENT_ORDER_NOT_FOUND",
    );
  }
  const mine = fo.holds.filter((h) => h.heldByApp?.apiKey === app.apiKey);
  if (mine.some((h) => (h.handle ?? "") === (input.handle ?? ""))) {
    return fail(
      "The handle provided for the fulfillment hold is already in use by this app for another hold on this fulfillment order.",
      "DUPLICATE_FULFILLMENT_HOLD_HANDLE",
      ["fulfillmentHold", "handle"],
    );
  }
  if (mine.length >= MAX_HOLDS_PER_APP) {
    return fail(
      "The maximum number of fulfillment holds for this fulfillment order has been reached for this app.",
      "FULFILLMENT_ORDER_HOLD_LIMIT_REACHED",
    );
  }
  const items = input.fulfillmentOrderLineItems?.length ? input.fulfillmentOrderLineItems : null;
  // fulfillmentOrderLineItems is "not supported when placing a hold on a fulfillment order that is
  // already held. If supplied when a fulfillment order is already on hold, a user error will be
  // returned indicating that the fulfillment order is not able to be split"
  // (https://shopify.dev/docs/api/admin-graphql/latest/input-objects/FulfillmentOrderHoldInput):
  // any line list, even one naming every line. The docs give no field path; the input's is used.
  if (items && fo.status === "ON_HOLD") {
    return fail("The fulfillment order is not in a splittable state.", "FULFILLMENT_ORDER_NOT_SPLITTABLE", [
      "fulfillmentHold",
      "fulfillmentOrderLineItems",
    ]);
  }
  let remaining: SimFulfillmentOrder | null = null;
  if (items) {
    const errors = validateLineItems(fo, items, ["fulfillmentHold", "fulfillmentOrderLineItems"]);
    if (errors.length) return { userErrors: errors, hold: null, fo: null, remaining: null };
    if (!coversAll(fo, items)) remaining = splitOff(state, fo, complement(fo, items));
  }
  const hold: SimFulfillmentHold = {
    id: state.newId("FulfillmentHold"),
    reason: input.reason,
    reasonNotes: input.reasonNotes ?? null,
    handle: input.handle ?? null,
    externalId: input.externalId ?? null,
    heldByApp: app,
  };
  fo.holds.push(hold);
  fo.status = "ON_HOLD";
  touch(state, fo);
  state.emit(shop, "fulfillment_holds/added", { fulfillmentOrderId: fo.id, hold: holdInput(hold, app.apiKey) });
  state.emit(shop, "fulfillment_orders/placed_on_hold", {
    fulfillmentOrder: foWithHolds(fo, app.apiKey),
    remainingFulfillmentOrder: remaining ? foRef(remaining) : null,
    heldLineItems: remainingQuantities(fo),
    createdHold: holdInput(hold, app.apiKey),
  });
  if (remaining) {
    state.emit(shop, "fulfillment_orders/split", {
      splitLineItems: remainingQuantities(remaining),
      fulfillmentOrder: foRef(fo),
      remainingFulfillmentOrder: foRef(remaining),
      replacementFulfillmentOrder: null,
    });
  }
  return { userErrors: [], hold, fo, remaining };
}

export function releaseHold(
  state: StoreState,
  shop: string,
  args: { id: string; holdIds?: string[] | null; externalId?: string | null },
  app: AppRef,
): { userErrors: FieldError[]; fo: SimFulfillmentOrder | null } {
  const fo = state.node(shop, args.id) as SimFulfillmentOrder | null;
  if (!fo)
    return {
      userErrors: [{ field: ["id"], message: "Fulfillment order not found.", code: "FULFILLMENT_ORDER_NOT_FOUND" }],
      fo: null,
    };
  if (fo.status !== "ON_HOLD") {
    return {
      userErrors: [
        { field: ["id"], message: "The fulfillment order is not on hold.", code: "FULFILLMENT_ORDER_NOT_FOUND" },
      ],
      fo: null,
    };
  }
  // "If not supplied, all holds for the fulfillment order will be released."
  // Guess: the hold Shopify places during a post-purchase offer (heldByApp null)
  // is not the app's to release (INVALID_ACCESS: "The app doesn't have access to
  // release the fulfillment hold").
  const releasable = (h: SimFulfillmentHold) => h.heldByApp !== null;
  let targets: SimFulfillmentHold[];
  if (args.holdIds && args.holdIds.length) {
    // The simulator reports ids that aren't on the FO instead of ignoring them, so
    // a stale hold id surfaces in tests.
    const unknown = args.holdIds.filter((id) => !fo.holds.some((h) => h.id === id));
    if (unknown.length) {
      return {
        userErrors: [
          {
            field: ["holdIds"],
            message: "The fulfillment hold(s) couldn't be found on the fulfillment order.",
            code: "FULFILLMENT_ORDER_NOT_FOUND",
          },
        ],
        fo: null,
      };
    }
    targets = fo.holds.filter((h) => args.holdIds?.includes(h.id));
    if (!targets.every(releasable)) {
      return {
        userErrors: [
          {
            field: ["holdIds"],
            message: "The app doesn't have access to release the fulfillment hold.",
            code: "INVALID_ACCESS",
          },
        ],
        fo: null,
      };
    }
  } else {
    // `externalId` is "a configurable ID used to track the automation system releasing this hold"
    // (https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderReleaseHold): it
    // names the releaser, it does not choose holds. Without holdIds every hold is released.
    targets = fo.holds.filter(releasable);
  }
  fo.holds = fo.holds.filter((h) => !targets.includes(h));
  if (fo.holds.length === 0) fo.status = "OPEN";
  touch(state, fo);
  for (const h of targets) {
    state.emit(shop, "fulfillment_holds/released", { fulfillmentOrderId: fo.id, hold: holdInput(h, app.apiKey) });
  }
  if (fo.status === "OPEN") state.emit(shop, "fulfillment_orders/hold_released", { fulfillmentOrder: foRef(fo) });
  return { userErrors: [], fo };
}
