// Which ledger changes make an FO worth deciding again, and why. Pure.
// Flow's "Fulfillment order ready to fulfill" fires after routing is complete, when the FO is
// open and unheld, and again whenever a hold is released
// (https://help.shopify.com/en/manual/shopify-flow/reference/triggers/fulfillment-order-ready-to-fulfill).
// The ledger sees an FO once Shopify has routed it (FOs exist only after routing), so "created" is
// that moment. Held FOs are evaluated too, so the merchant sees "waiting" and why.
import type { LedgerChange } from "~/fulfillment/ledger-changes";
import type { Trigger } from "./jobs";

/** Shopify's FulfillmentOrderStatus values automation decides on: open, or open but held. */
const DECIDABLE_STATUSES = new Set(["OPEN", "ON_HOLD"]);
const PAID = new Set(["PAID", "PARTIALLY_REFUNDED"]);

interface TriggeredEvaluation {
  fulfillmentOrderId: string;
  trigger: Trigger;
  /** The FO's and order's Shopify versions: one evaluation per state and trigger. */
  version: string;
}

export function triggersOf(change: LedgerChange): TriggeredEvaluation[] {
  const { order, snapshot } = change;
  const becamePaid =
    order.outcome === "updated" &&
    !PAID.has(order.financialStatusBefore ?? "") &&
    PAID.has(snapshot.displayFinancialStatus ?? "");
  const orderChanged = order.outcome === "created" || order.outcome === "updated";
  return change.fulfillmentOrders.flatMap((c) => {
    const fo = snapshot.fulfillmentOrders.find((f) => f.id === c.id);
    if (!fo || !DECIDABLE_STATUSES.has(fo.status) || fo.requestStatus !== "UNSUBMITTED") return [];
    if (snapshot.cancelledAt) return [];
    const foChanged = c.outcome === "created" || c.outcome === "updated";
    if (!foChanged && !orderChanged) return [];
    const trigger = triggerOf(change, c, fo.holds.length, becamePaid, foChanged);
    return [{ fulfillmentOrderId: fo.id, trigger, version: `${fo.updatedAt}/${snapshot.updatedAt}` }];
  });
}

function triggerOf(
  change: LedgerChange,
  fo: LedgerChange["fulfillmentOrders"][number],
  holdsNow: number,
  becamePaid: boolean,
  foChanged: boolean,
): Trigger {
  if (change.source === "reconcile") return "reconcile";
  if (fo.outcome === "created") return "created";
  if (fo.fields.includes("holds") && holdsNow < fo.holdsBefore) return "hold_released";
  if (becamePaid) return "order_paid";
  if (change.order.edited) return "order_edited";
  return foChanged ? "fo_changed" : "order_changed";
}
