// Which merchant actions an FO allows right now, and why not when it doesn't. Pure: the detail
// page renders it, and performFulfillmentAction gates every submission with it.
//
// Shopify's FulfillmentOrder.supportedActions is the first word (it knows the location's owner,
// the order's state and our access); status, request status, holds and delivery method then pick
// the reason a merchant can act on.
// https://shopify.dev/docs/api/admin-graphql/latest/enums/FulfillmentOrderAction
import { actionReasons } from "~/i18n/sections/action-reasons";
import { fromJsonColumn, type JsonColumn } from "~/db/json-column";
import type { ActionAvailability, ActionIntent } from "./actions/contract";

/**
 * What the gate needs from a ledger FO. Build it with `toGatedFulfillmentOrder` from a Prisma
 * FulfillmentOrder row (its JSON columns parsed).
 */
export interface GatedFulfillmentOrder {
  /** Shopify GID. */
  id: string;
  /** FulfillmentOrderStatus: OPEN, IN_PROGRESS, ON_HOLD, SCHEDULED, INCOMPLETE, CLOSED, CANCELLED. */
  status: string;
  /** FulfillmentOrderRequestStatus: UNSUBMITTED, SUBMITTED, ACCEPTED, REJECTED, CANCELLATION_*, CLOSED. */
  requestStatus: string;
  /** DeliveryMethodType: SHIPPING, PICK_UP, LOCAL, …; null when Shopify didn't say. */
  deliveryMethod: string | null;
  /** FulfillmentOrderAction values Shopify currently allows (REQUEST_FULFILLMENT, CREATE_FULFILLMENT, HOLD…). */
  supportedActions: readonly string[];
  /** Every hold on the FO; ours are `heldByRequestingApp`, other apps' are read-only to us. */
  holds: readonly { id: string; heldByRequestingApp: boolean; heldByAppTitle: string | null }[];
  /** Sum of the lines' remaining quantities. */
  remainingQuantity: number;
  /** Assigned to a fulfillment service we don't control (a 3PL): the ledger's thirdParty column. */
  thirdParty: boolean;
  /** When we marked it ready for pickup (ISO), null if not. */
  preparedForPickupAt: string | null;
  fulfillAt: string | null;
}

/** Every reason an action can be unavailable, in one object so the strings can move to i18n. */
/** Why an action is unavailable, as the screens show it (strings live in app/i18n). */
export const UNAVAILABLE_REASONS = actionReasons;

const R = UNAVAILABLE_REASONS;
// INCOMPLETE is not among them: the fulfillment service closed it unfinished and control is back
// with the merchant, who can move it or request fulfillment again (supportedActions says which).
// https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderClose
const CLOSED_STATUSES = new Set(["CLOSED", "CANCELLED"]);
const WITH_3PL = new Set(["SUBMITTED", "ACCEPTED", "CANCELLATION_REQUESTED", "CANCELLATION_REJECTED"]);
/** "Each app can place up to 10 active holds per fulfillment order." (fulfillmentOrderHold) */
const MAX_HOLDS_PER_APP = 10;

export const ACTION_INTENTS: readonly ActionIntent[] = [
  "request-fulfillment",
  "cancel-request",
  "request-cancellation",
  "hold",
  "release-holds",
  "ready-for-pickup",
  "picked-up",
  "fulfil",
  "move",
];

/** The columns toGatedFulfillmentOrder reads from a Prisma FulfillmentOrder row. */
interface FulfillmentOrderRowForGate {
  shopifyId: string;
  status: string;
  requestStatus: string;
  deliveryMethod: string | null;
  thirdParty: boolean;
  supportedActions: JsonColumn;
  holds: JsonColumn;
  remainingQuantity: number;
  fulfillAt: Date | null;
  preparedForPickupAt?: Date | string | null;
}

export function toGatedFulfillmentOrder(row: FulfillmentOrderRowForGate): GatedFulfillmentOrder {
  const supportedActions = fromJsonColumn<{ action: string }[]>(row.supportedActions).map((a) => a.action);
  const holds = fromJsonColumn<{ id: string; heldByRequestingApp: boolean; heldByAppTitle: string | null }[]>(
    row.holds,
  ).map((h) => ({ id: h.id, heldByRequestingApp: h.heldByRequestingApp, heldByAppTitle: h.heldByAppTitle ?? null }));
  const prepared = row.preparedForPickupAt ?? null;
  return {
    id: row.shopifyId,
    status: row.status,
    requestStatus: row.requestStatus,
    deliveryMethod: row.deliveryMethod,
    supportedActions,
    holds,
    remainingQuantity: row.remainingQuantity,
    thirdParty: row.thirdParty,
    preparedForPickupAt: prepared === null ? null : new Date(prepared).toISOString(),
    fulfillAt: row.fulfillAt?.toISOString() ?? null,
  };
}

type Verdict = string | null;

/** The first reason that applies, or null when the action is available. */
const firstOf = (...checks: (() => Verdict)[]): Verdict => {
  for (const check of checks) {
    const reason = check();
    if (reason !== null) return reason;
  }
  return null;
};

const otherHolders = (fo: GatedFulfillmentOrder) =>
  [...new Set(fo.holds.filter((h) => !h.heldByRequestingApp).map((h) => h.heldByAppTitle ?? "Shopify"))].join(", ");

function common(fo: GatedFulfillmentOrder): Verdict {
  if (CLOSED_STATUSES.has(fo.status)) return R.closed;
  return null;
}

function notHeld(fo: GatedFulfillmentOrder): Verdict {
  return fo.status === "ON_HOLD" ? R.onHold : null;
}

function notScheduled(fo: GatedFulfillmentOrder): Verdict {
  return fo.status === "SCHEDULED" ? R.scheduled : null;
}

function somethingRemaining(fo: GatedFulfillmentOrder): Verdict {
  return fo.remainingQuantity > 0 ? null : R.nothingRemaining;
}

function supports(fo: GatedFulfillmentOrder, action: string): Verdict {
  return fo.supportedActions.includes(action) ? null : R.notSupported;
}

const reasonsByIntent: Record<ActionIntent, (fo: GatedFulfillmentOrder) => Verdict> = {
  "request-fulfillment": (fo) =>
    firstOf(
      () => common(fo),
      () => (fo.thirdParty ? null : R.requestNotThirdParty),
      () => notHeld(fo),
      () => notScheduled(fo),
      () => (fo.requestStatus === "SUBMITTED" ? R.alreadySubmitted : null),
      () => (WITH_3PL.has(fo.requestStatus) ? R.acceptedByThirdParty : null),
      () => somethingRemaining(fo),
      () => supports(fo, "REQUEST_FULFILLMENT"),
    ),
  "cancel-request": (fo) =>
    firstOf(
      () => common(fo),
      () => (fo.requestStatus === "ACCEPTED" || fo.requestStatus === "CANCELLATION_REJECTED" ? R.notAccepted : null),
      () => (fo.requestStatus === "CANCELLATION_REQUESTED" ? R.cancellationRequested : null),
      () => (fo.requestStatus !== "SUBMITTED" ? R.notSubmitted : null),
      () => supports(fo, "CANCEL_FULFILLMENT_ORDER"),
    ),
  "request-cancellation": (fo) =>
    firstOf(
      () => common(fo),
      () => (fo.requestStatus === "SUBMITTED" ? R.notAccepted : null),
      () => (fo.requestStatus === "CANCELLATION_REQUESTED" ? R.cancellationRequested : null),
      () => (fo.requestStatus === "ACCEPTED" || fo.requestStatus === "CANCELLATION_REJECTED" ? null : R.notSubmitted),
      () => supports(fo, "REQUEST_CANCELLATION"),
    ),
  hold: (fo) =>
    firstOf(
      () => common(fo),
      () => (WITH_3PL.has(fo.requestStatus) ? R.submittedCannotChange : null),
      () => (fo.status === "IN_PROGRESS" ? R.inProgress : null),
      () => (fo.holds.filter((h) => h.heldByRequestingApp).length >= MAX_HOLDS_PER_APP ? R.holdLimit : null),
      () => somethingRemaining(fo),
      () => supports(fo, "HOLD"),
    ),
  "release-holds": (fo) =>
    firstOf(
      () => common(fo),
      () => (fo.status !== "ON_HOLD" || fo.holds.length === 0 ? R.notOnHold : null),
      () => (fo.holds.some((h) => h.heldByRequestingApp) ? null : R.heldByOtherApp(otherHolders(fo))),
      () => supports(fo, "RELEASE_HOLD"),
    ),
  "ready-for-pickup": (fo) =>
    firstOf(
      () => common(fo),
      () => (fo.deliveryMethod === "PICK_UP" ? null : R.notPickup),
      () => notHeld(fo),
      () => notScheduled(fo),
      () => (fo.preparedForPickupAt ? R.alreadyPrepared : null),
      () => somethingRemaining(fo),
      () => (fo.status === "OPEN" ? null : R.notSupported),
    ),
  "picked-up": (fo) =>
    firstOf(
      () => common(fo),
      () => (fo.deliveryMethod === "PICK_UP" ? null : R.notPickup),
      () => notHeld(fo),
      () => somethingRemaining(fo),
      () => (fo.preparedForPickupAt ? null : R.notPrepared),
      () => supports(fo, "CREATE_FULFILLMENT"),
    ),
  fulfil: (fo) =>
    firstOf(
      () => common(fo),
      () => (fo.thirdParty ? R.fulfilThirdParty : null),
      () => notHeld(fo),
      () => notScheduled(fo),
      () => (fo.deliveryMethod === "PICK_UP" ? R.pickupUsesPickupFlow : null),
      () => somethingRemaining(fo),
      () => supports(fo, "CREATE_FULFILLMENT"),
    ),
  move: (fo) =>
    firstOf(
      () => common(fo),
      () => (WITH_3PL.has(fo.requestStatus) ? R.submittedCannotChange : null),
      () => somethingRemaining(fo),
      () => supports(fo, "MOVE"),
    ),
};

/** Every ActionIntent, in a stable order, each with whether it's available and why not. */
export function availableActions(fo: GatedFulfillmentOrder): ActionAvailability[] {
  return ACTION_INTENTS.map((intent) => {
    const reason = reasonsByIntent[intent](fo);
    return { intent, available: reason === null, reason };
  });
}

/** One intent's availability. */
export function availabilityOf(fo: GatedFulfillmentOrder, intent: ActionIntent): ActionAvailability {
  const reason = reasonsByIntent[intent](fo);
  return { intent, available: reason === null, reason };
}
