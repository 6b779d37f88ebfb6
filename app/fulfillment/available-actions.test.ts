import { describe, expect, it } from "vitest";
import type { ActionIntent } from "./actions/contract";
import {
  ACTION_INTENTS,
  availabilityOf,
  availableActions,
  type GatedFulfillmentOrder,
  toGatedFulfillmentOrder,
  UNAVAILABLE_REASONS as R,
} from "./available-actions";

const OURS = { id: "gid://shopify/FulfillmentHold/1", heldByRequestingApp: true, heldByAppTitle: "Fulfillment Desk" };
const FRAUD_APP = { id: "gid://shopify/FulfillmentHold/2", heldByRequestingApp: false, heldByAppTitle: "FraudGuard" };

function fo(overrides: Partial<GatedFulfillmentOrder> = {}): GatedFulfillmentOrder {
  return {
    id: "gid://shopify/FulfillmentOrder/1",
    status: "OPEN",
    requestStatus: "UNSUBMITTED",
    deliveryMethod: "SHIPPING",
    supportedActions: ["CREATE_FULFILLMENT", "HOLD", "MOVE", "SPLIT"],
    holds: [],
    remainingQuantity: 3,
    thirdParty: false,
    preparedForPickupAt: null,
    fulfillAt: null,
    ...overrides,
  };
}

const merchant = fo();
const threePl = fo({ supportedActions: ["REQUEST_FULFILLMENT", "HOLD", "MOVE"], thirdParty: true });
const submitted = fo({ requestStatus: "SUBMITTED", supportedActions: ["CANCEL_FULFILLMENT_ORDER"], thirdParty: true });
const accepted = fo({
  status: "IN_PROGRESS",
  requestStatus: "ACCEPTED",
  supportedActions: ["REQUEST_CANCELLATION"],
  thirdParty: true,
});
const cancellationRequested = fo({
  status: "IN_PROGRESS",
  requestStatus: "CANCELLATION_REQUESTED",
  supportedActions: ["CANCEL_FULFILLMENT_ORDER"],
  thirdParty: true,
});
const heldByUs = fo({ status: "ON_HOLD", holds: [OURS], supportedActions: ["RELEASE_HOLD", "HOLD", "MOVE"] });
const heldByOther = fo({ status: "ON_HOLD", holds: [FRAUD_APP], supportedActions: ["RELEASE_HOLD", "HOLD", "MOVE"] });
const heldByShopify = fo({
  status: "ON_HOLD",
  holds: [{ id: "gid://shopify/FulfillmentHold/3", heldByRequestingApp: false, heldByAppTitle: null }],
  supportedActions: ["HOLD", "MOVE"],
});
const pickup = fo({ deliveryMethod: "PICK_UP" });
const prepared = fo({ deliveryMethod: "PICK_UP", preparedForPickupAt: "2026-11-20T10:00:00.000Z" });
const closed = fo({ status: "CLOSED", remainingQuantity: 0, supportedActions: [] });
/** Closed unfinished by the 3PL (fulfillmentOrderClose): the merchant may move it or request again. */
const incomplete = fo({
  status: "INCOMPLETE",
  requestStatus: "CLOSED",
  supportedActions: ["REQUEST_FULFILLMENT", "MOVE"],
  thirdParty: true,
});
const partlyFulfilled = fo({ status: "IN_PROGRESS", supportedActions: ["CREATE_FULFILLMENT", "MOVE"] });
const scheduled = fo({ status: "SCHEDULED", supportedActions: ["MARK_AS_OPEN"], fulfillAt: "2026-12-01T00:00:00Z" });
const tenHolds = fo({
  status: "ON_HOLD",
  holds: Array.from({ length: 10 }, (_, i) => ({ ...OURS, id: `gid://shopify/FulfillmentHold/${i + 10}` })),
  supportedActions: ["RELEASE_HOLD", "HOLD", "MOVE"],
});
const emptyOpen = fo({ remainingQuantity: 0 });
const cancelledOrder = fo({ supportedActions: [] });

describe("availableActions", () => {
  it("lists every intent once, in a stable order", () => {
    expect(availableActions(merchant).map((a) => a.intent)).toEqual(ACTION_INTENTS);
  });

  it.each<[string, GatedFulfillmentOrder, ActionIntent, string | null]>([
    ["a merchant FO can be fulfilled", merchant, "fulfil", null],
    ["a merchant FO can be held", merchant, "hold", null],
    ["a merchant FO can be moved", merchant, "move", null],
    ["a 3PL FO can be requested", threePl, "request-fulfillment", null],
    ["a 3PL FO can't be fulfilled by us", threePl, "fulfil", R.fulfilThirdParty],
    ["a merchant FO can't be requested", merchant, "request-fulfillment", R.requestNotThirdParty],
    ["a submitted FO can't be requested again", submitted, "request-fulfillment", R.alreadySubmitted],
    ["a submitted request can be cancelled", submitted, "cancel-request", null],
    ["a submitted FO can't be held", submitted, "hold", R.submittedCannotChange],
    ["a submitted FO can't be moved", submitted, "move", R.submittedCannotChange],
    ["a submitted FO has no cancellation to request", submitted, "request-cancellation", R.notAccepted],
    ["an accepted FO can have its cancellation requested", accepted, "request-cancellation", null],
    ["an accepted request can't be withdrawn", accepted, "cancel-request", R.notAccepted],
    ["an accepted FO can't be requested again", accepted, "request-fulfillment", R.acceptedByThirdParty],
    [
      "a pending cancellation can't be requested twice",
      cancellationRequested,
      "request-cancellation",
      R.cancellationRequested,
    ],
    [
      "a pending cancellation isn't a request to cancel",
      cancellationRequested,
      "cancel-request",
      R.cancellationRequested,
    ],
    ["an unsubmitted FO has no request to cancel", merchant, "cancel-request", R.notSubmitted],
    ["an unsubmitted FO has no cancellation to request", threePl, "request-cancellation", R.notSubmitted],
    ["our hold can be released", heldByUs, "release-holds", null],
    ["another hold can be added next to ours", heldByUs, "hold", null],
    ["a held FO can't be fulfilled", heldByUs, "fulfil", R.onHold],
    ["a held 3PL FO can't be requested", fo({ ...heldByUs, thirdParty: true }), "request-fulfillment", R.onHold],
    ["another app's hold can't be released", heldByOther, "release-holds", R.heldByOtherApp("FraudGuard")],
    ["Shopify's own hold can't be released", heldByShopify, "release-holds", R.heldByOtherApp("Shopify")],
    ["an open FO has no hold to release", merchant, "release-holds", R.notOnHold],
    ["an app holds at most 10 holds per FO", tenHolds, "hold", R.holdLimit],
    ["a started fulfilment can't be held", partlyFulfilled, "hold", R.inProgress],
    ["a started fulfilment can be finished", partlyFulfilled, "fulfil", null],
    ["a shipping FO isn't a pickup", merchant, "ready-for-pickup", R.notPickup],
    ["a shipping FO can't be picked up", merchant, "picked-up", R.notPickup],
    ["a pickup FO can be marked ready", pickup, "ready-for-pickup", null],
    ["a pickup FO must be ready before it's picked up", pickup, "picked-up", R.notPrepared],
    ["a pickup FO goes through the pickup flow", pickup, "fulfil", R.pickupUsesPickupFlow],
    ["a ready pickup FO can be picked up", prepared, "picked-up", null],
    ["a ready pickup FO isn't marked ready twice", prepared, "ready-for-pickup", R.alreadyPrepared],
    [
      "a held pickup FO can't be marked ready",
      fo({ ...heldByUs, deliveryMethod: "PICK_UP" }),
      "ready-for-pickup",
      R.onHold,
    ],
    ["an FO the 3PL closed unfinished can be requested again", incomplete, "request-fulfillment", null],
    ["an FO the 3PL closed unfinished can be moved", incomplete, "move", null],
    ["an FO the 3PL closed unfinished is still the 3PL's to fulfil", incomplete, "fulfil", R.fulfilThirdParty],
    ["an FO the 3PL closed unfinished can't be held (Shopify doesn't offer it)", incomplete, "hold", R.notSupported],
    ["a closed FO allows nothing", closed, "fulfil", R.closed],
    ["a cancelled FO allows nothing", fo({ status: "CANCELLED" }), "hold", R.closed],
    ["a scheduled FO can't be fulfilled yet", scheduled, "fulfil", R.scheduled],
    ["an FO with nothing remaining can't be fulfilled", emptyOpen, "fulfil", R.nothingRemaining],
    ["Shopify's word wins when it allows nothing (cancelled order)", cancelledOrder, "fulfil", R.notSupported],
  ])("%s", (_name, input, intent, reason) => {
    expect(availabilityOf(input, intent)).toEqual({ intent, available: reason === null, reason });
    expect(availableActions(input).find((a) => a.intent === intent)).toEqual(availabilityOf(input, intent));
  });

  it("gives every unavailable action a merchant-readable reason", () => {
    for (const input of [merchant, threePl, submitted, accepted, heldByOther, closed, prepared, scheduled]) {
      for (const a of availableActions(input)) expect(a.available || (a.reason?.length ?? 0) > 10).toBe(true);
    }
  });
});

describe("toGatedFulfillmentOrder", () => {
  it("maps a ledger row", () => {
    const row = {
      shopifyId: "gid://shopify/FulfillmentOrder/9",
      status: "OPEN",
      requestStatus: "UNSUBMITTED",
      deliveryMethod: "SHIPPING",
      thirdParty: true,
      supportedActions: [{ action: "REQUEST_FULFILLMENT", externalUrl: null }],
      holds: [{ ...FRAUD_APP, reason: "OTHER", firstSeenAt: "2026-11-20T10:00:00Z" }],
      remainingQuantity: 2,
      fulfillAt: null,
      preparedForPickupAt: new Date("2026-11-20T10:00:00Z"),
    };
    expect(toGatedFulfillmentOrder(row)).toEqual({
      id: row.shopifyId,
      status: "OPEN",
      requestStatus: "UNSUBMITTED",
      deliveryMethod: "SHIPPING",
      supportedActions: ["REQUEST_FULFILLMENT"],
      holds: [FRAUD_APP],
      remainingQuantity: 2,
      thirdParty: true,
      preparedForPickupAt: "2026-11-20T10:00:00.000Z",
      fulfillAt: null,
    });
  });
});
