// The rules' decision for one FO: pure, so live automation and the dry run decide alike.
// Deterministic: the only clock is input.now.
import { automationRules } from "~/i18n/sections/automation-rules";
import type { DecisionInput, FulfillmentOrderFacts, HoldFacts, LineFacts } from "../facts";
import {
  addMinutes,
  conditionHolds,
  fold,
  isLineCondition,
  isPaid,
  lineMatches,
  minutesBetween,
  remainingLines,
} from "./conditions";
import type { Decision, DecidingRule } from "./decision";
import type { Action, Rule, RuleSet } from "./rule-set";

const t = automationRules.reasons;

/** How much older than our record of the buyer's answer Shopify's edit for it may look. */
const ANSWER_CLOCK_SKEW_MS = 30_000;

/** Shopify's FulfillmentHoldReason for a post-purchase offer still open. */
const POST_PURCHASE_HOLD = "ONLINE_STORE_POST_PURCHASE_CROSS_SELL";

/** Decides what automation does with one FO now. `version` is the rule set's saved version. */
export function decide(input: DecisionInput, ruleSet: RuleSet, version: number): Decision {
  const { fulfillmentOrder: fo, order } = input;

  // 1. Only an FO that can still be requested is decided at all.
  const notReady = notRequestable(input);
  if (notReady) return { kind: "skip", rule: null, reason: notReady };

  // 2. Shopify's automatic fulfillment "doesn't apply to local pickup orders"
  // (https://help.shopify.com/en/manual/checkout-settings/order-processing): neither does ours,
  // whatever a rule says. Pickup is prepared and handed over, never requested.
  if (fo.deliveryMethod === "PICK_UP") return { kind: "skip", rule: null, reason: t.localPickup };

  // 3. A held FO cannot be requested ("The fulfillment process can't be initiated until the hold
  // on the fulfillment order is released",
  // https://shopify.dev/docs/api/admin-graphql/latest/enums/FulfillmentOrderStatus). Releasing a
  // hold triggers the next evaluation, so nothing is scheduled (until null).
  const held = holdWait(fo, input.now);
  if (held) return held;

  // A hold we placed and that was released since (the merchant reviewed it, or its hold-until time
  // came) is not placed again: the rules below it decide instead.
  const released = new Set(input.releasedHoldRuleIds ?? []);

  // 4. High risk gets Shopify's HIGH_RISK_OF_FRAUD hold before any rule can request it
  // (https://shopify.dev/docs/api/admin-graphql/latest/enums/FulfillmentHoldReason).
  if (order.riskLevel === "HIGH" && ruleSet.defaults.holdHighRisk && !released.has(null)) {
    return {
      kind: "hold",
      rule: null,
      holdReason: "HIGH_RISK_OF_FRAUD",
      notes: null,
      releaseAt: null,
      reason: t.highRisk,
    };
  }

  // 5. First enabled rule whose conditions all hold wins; order is the merchant's priority.
  const rule = ruleSet.rules.find(
    (r) =>
      r.enabled &&
      !(r.action.type === "hold" && released.has(r.id)) &&
      r.conditions.every((c) => conditionHolds(c, input)),
  );
  // 6. No rule, no action: automation only does what a rule asked for.
  if (!rule) return { kind: "skip", rule: null, reason: t.noRuleMatched };

  const deciding: DecidingRule = { id: rule.id, name: rule.name, version };
  // 7. The matched rule's action.
  const action = rule.action;
  switch (action.type) {
    case "skip":
      return { kind: "skip", rule: deciding, reason: t.ruleSkip(rule.name) };
    case "hold":
      return {
        kind: "hold",
        rule: deciding,
        holdReason: action.reason,
        notes: action.notes,
        releaseAt: action.releaseAfterMinutes === null ? null : addMinutes(input.now, action.releaseAfterMinutes),
        reason: t.ruleHold(rule.name),
      };
    case "request":
      return decideRequest(input, ruleSet, rule, action, deciding);
  }
}

/**
 * Why the FO is past automation, or null when it is open and unsubmitted. Statuses:
 * https://shopify.dev/docs/api/admin-graphql/latest/enums/FulfillmentOrderStatus; request
 * statuses: https://shopify.dev/docs/api/admin-graphql/latest/enums/FulfillmentOrderRequestStatus.
 * ON_HOLD passes here: step 3 says what it waits for.
 */
function notRequestable({ fulfillmentOrder: fo, order, allowResubmit }: DecisionInput): string | null {
  if (order.cancelledAt !== null) return t.orderCancelled;
  // Resubmitting from the rejection inbox: Shopify accepts a request for an incomplete FO (it
  // submits a new FO, https://shopify.dev/docs/api/admin-graphql/latest/payloads/FulfillmentOrderSubmitFulfillmentRequestPayload),
  // so a rejected or closed-incomplete FO is decided like a fresh one once the merchant says so.
  const resubmit = allowResubmit === true;
  switch (fo.status) {
    case "OPEN":
    case "ON_HOLD":
      break;
    case "INCOMPLETE":
      if (resubmit) break;
      return t.incomplete;
    case "SCHEDULED":
      return t.scheduled;
    case "IN_PROGRESS":
      return t.inProgress;
    case "CLOSED":
      return t.closed;
    case "CANCELLED":
      return t.cancelled;
    default:
      // A status newer than this code: not ours to act on (the stricter reading).
      return t.otherStatus(fo.status);
  }
  switch (fo.requestStatus) {
    case "UNSUBMITTED":
      return null;
    case "REJECTED":
      return resubmit ? null : t.rejected;
    case "CLOSED":
      return resubmit ? null : t.closedByService;
    // The merchant (or we) withdrew the request and the service agreed: asking again is the
    // merchant's call, never automation's.
    case "CANCELLATION_ACCEPTED":
      return t.requestCancelled;
    default:
      // SUBMITTED, ACCEPTED, CANCELLATION_REQUESTED, CANCELLATION_REJECTED: a request is live.
      return t.alreadyRequested;
  }
}

/**
 * Shopify's post-purchase hold lasts until the buyer answers the offer, at most 60 minutes, and
 * Shopify releases it itself (https://shopify.dev/changelog/post-purchase-fulfillment-holds;
 * https://help.shopify.com/en/manual/checkout-settings/order-processing#post-purchase-upsells):
 * requesting before would send the 3PL an order that may still grow. Any other hold is someone's
 * decision to stop this FO; we wait for its release, which re-triggers evaluation.
 */
function holdWait(fo: FulfillmentOrderFacts, now: string): Decision | null {
  // Our hold-until time has come: release it, whatever else holds the FO. Only holds this app
  // placed (heldByRequestingApp), never another app's: Shopify releases just the holds named
  // (https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderReleaseHold).
  const due = fo.holds.filter(
    (h) => h.heldByRequestingApp && h.releaseAt && Date.parse(h.releaseAt) <= Date.parse(now),
  );
  if (due.length > 0) {
    return { kind: "release_hold", rule: null, holdIds: due.map((h) => h.id), reason: t.holdUntilReached };
  }
  const postPurchase = fo.holds.find((h) => h.reason === POST_PURCHASE_HOLD);
  if (postPurchase) {
    const since = postPurchase.since === null ? null : Math.max(0, Math.floor(minutesBetween(postPurchase.since, now)));
    return waitForHold("post_purchase_offer", null, t.postPurchaseOffer(since));
  }
  const hold: HoldFacts | undefined = fo.holds[0];
  if (hold) {
    const byApp = hold.heldByRequestingApp ? null : (hold.heldByAppTitle ?? null);
    // When every hold is ours with a hold-until time, the earliest is when to look again.
    const ourTimes = fo.holds.flatMap((h) => (h.heldByRequestingApp && h.releaseAt ? [h.releaseAt] : []));
    const until =
      ourTimes.length === fo.holds.length
        ? ourTimes.reduce((earliest, time) => (Date.parse(time) < Date.parse(earliest) ? time : earliest))
        : null;
    return waitForHold("hold", until, t.onHold(humanize(hold.reason), byApp));
  }
  // ON_HOLD without a hold in the ledger yet (its hold webhook has not arrived): still held.
  if (fo.status === "ON_HOLD") return waitForHold("hold", null, t.onHold(null, null));
  return null;
}

const waitForHold = (waitingFor: "post_purchase_offer" | "hold", until: string | null, reason: string): Decision => ({
  kind: "wait",
  rule: null,
  waitingFor,
  until,
  reason,
});

const humanize = (reason: string) => {
  const words = reason.toLowerCase().replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
};

function decideRequest(
  input: DecisionInput,
  ruleSet: RuleSet,
  rule: Rule,
  action: Extract<Action, { type: "request" }>,
  deciding: DecidingRule,
): Decision {
  const { fulfillmentOrder: fo, order, now } = input;

  // a. Nothing is requested before payment unless the rule says so, like Shopify's own setting
  // ("After an order has been paid", https://help.shopify.com/en/manual/checkout-settings/order-processing).
  // orders/paid triggers the next evaluation, so no time is set.
  if (!action.allowUnpaid && !isPaid(order.financialStatus)) {
    return {
      kind: "wait",
      rule: deciding,
      waitingFor: "payment",
      until: null,
      reason: t.waitingPayment(order.financialStatus),
    };
  }

  // b. The rule's own delay counts from when the order was placed.
  if (action.delayMinutes > 0) {
    const until = addMinutes(order.placedAt, action.delayMinutes);
    if (Date.parse(until) > Date.parse(now)) {
      return {
        kind: "delay",
        rule: deciding,
        until,
        reason: t.delayed(rule.name, Math.ceil(minutesBetween(now, until))),
      };
    }
  }

  // c. The settle window: the order may still change after an edit (a post-purchase upsell is an
  // order edit, https://shopify.dev/changelog/post-purchase-fulfillment-holds), so wait for it to be quiet.
  const settle = settleWait(input, deciding);
  if (settle) return settle;

  // d. Only an FO assigned to a fulfillment service can be requested
  // (https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderSubmitFulfillmentRequest),
  // and only while Shopify lists the action
  // (https://shopify.dev/docs/api/admin-graphql/latest/enums/FulfillmentOrderAction).
  if (!fo.thirdParty) {
    return { kind: "skip", rule: deciding, reason: t.notFulfillmentService(fo.locationName ?? t.unknownLocation) };
  }
  if (!fo.supportedActions.includes("REQUEST_FULFILLMENT")) {
    return { kind: "skip", rule: deciding, reason: t.requestNotSupported };
  }

  // e. Which lines: a request may name lines and quantities, and Shopify splits the rest into a new
  // unsubmitted FO (https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderSubmitFulfillmentRequest).
  const remaining = remainingLines(fo.lines);
  if (remaining.length === 0) return { kind: "skip", rule: deciding, reason: t.nothingRemaining };
  const preOrderTag = ruleSet.defaults.preOrderTag === null ? null : fold(ruleSet.defaults.preOrderTag);
  // Pre-orders are why Shopify calls its automatic fulfillment unsuitable
  // (https://help.shopify.com/en/manual/checkout-settings/order-processing): they stay behind.
  const inStock = remaining.filter(
    (line) => preOrderTag === null || !line.productTags.some((tag) => fold(tag) === preOrderTag),
  );
  const requestable =
    action.scope === "matching-lines" ? inStock.filter((line) => satisfiesLineConditions(rule, line)) : inStock;

  if (requestable.length === remaining.length) {
    return { kind: "request", rule: deciding, message: action.message, reason: t.request(rule.name) };
  }
  if (requestable.length > 0) {
    return {
      kind: "partial_request",
      rule: deciding,
      lines: requestable.map((line) => ({ id: line.id, quantity: line.remainingQuantity })),
      message: action.message,
      reason: t.partialRequest(rule.name, requestable.length, remaining.length),
    };
  }
  return { kind: "skip", rule: deciding, reason: inStock.length === 0 ? t.onlyPreOrderLines : t.noMatchingLines };
}

/** A line is "matching" when it has a value of every line condition's set ("all" included). */
const satisfiesLineConditions = (rule: Rule, line: LineFacts) =>
  rule.conditions.filter(isLineCondition).every((condition) => lineMatches(condition, line));

/**
 * Wait until the order has been quiet for the shop's quiet period after its last edit, unless the
 * buyer's answer to our post-purchase offer says no more edit is coming: a decline ends the wait at
 * once; an acceptance ends it as soon as Shopify's edit has arrived (lastEditedAt at or after the
 * answer). An accepted offer whose edit has not arrived waits even without any earlier edit (the
 * edit is what we wait for), at most one quiet period after the answer. A quiet period of 0 (no
 * upsell configured) never waits. Shopify documents no settle window: it is ours.
 */
function settleWait({ order, shop, now }: DecisionInput, deciding: DecidingRule): Decision | null {
  const quiet = shop.quietPeriodMinutes;
  if (quiet <= 0 || order.upsellDecision === "declined") return null;
  const nowMs = Date.parse(now);
  const edited = order.lastEditedAt;

  const waitUntil = (
    waitingFor: "upsell_edit" | "quiet_period",
    from: string,
    reason: (inMinutes: number) => string,
  ) => {
    const until = addMinutes(from, quiet);
    if (Date.parse(until) <= nowMs) return null;
    return {
      kind: "wait",
      rule: deciding,
      waitingFor,
      until,
      reason: reason(Math.ceil(minutesBetween(now, until))),
    } as const;
  };

  if (order.upsellDecision === "accepted" && order.upsellDecidedAt !== null) {
    // Two clocks: the answer is stamped by our server, the edit by Shopify (its updatedAt, to the
    // second). The edit that carries the answer can look up to a few seconds older than it; an
    // edit from before the offer would be older still, the offer shows only after checkout.
    const answeredFrom = Date.parse(order.upsellDecidedAt) - ANSWER_CLOCK_SKEW_MS;
    if (edited !== null && Date.parse(edited) >= answeredFrom) return null;
    if (order.upsellLineArrived === true) return null;
    return waitUntil("upsell_edit", order.upsellDecidedAt, t.upsellEdit);
  }
  if (edited === null) return null;
  const editedAgo = Math.max(0, Math.floor(minutesBetween(edited, now)));
  return waitUntil("quiet_period", edited, (inMinutes) => t.quietPeriod(editedAgo, inMinutes));
}
