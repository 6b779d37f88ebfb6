// fulfillmentOrderMerge: each input set of FOs becomes one new FO at their location, holding the
// merged quantities; what is left of a source FO stays on it, and a source left with nothing is
// CLOSED. FulfillmentOrderMergeResult.fulfillmentOrder is "the new fulfillment order as a result of
// the merge", so the result is a new FO, never one of the inputs (the webhook sample's ids are
// placeholders). Every set is checked before any is merged.
// https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderMerge
// https://shopify.dev/docs/api/admin-graphql/latest/objects/FulfillmentOrderMergeResult
import {
  emptyFulfillmentOrderLike,
  newFoLine,
  touch,
  validateLineItems,
  type LineItemQuantity,
} from "../domain/fulfillment-order-records";
import { belongTogether, isMergeable } from "../domain/merge";
import type { StoreState } from "../store-state";
import type { SimFulfillmentOrder } from "../types";
import { foRef } from "../webhook-payloads";

export interface MergeInput {
  mergeIntents: { fulfillmentOrderId: string; fulfillmentOrderLineItems?: LineItemQuantity[] | null }[];
}

/** FulfillmentOrderMergeUserErrorCode has three values; refusals none of them names carry null. */
type MergeErrorCode = "FULFILLMENT_ORDER_NOT_FOUND" | "GREATER_THAN" | "INVALID_LINE_ITEM_QUANTITY" | null;

interface MergeError {
  field: string[];
  message: string;
  code: MergeErrorCode;
}

interface MergeResult {
  userErrors: MergeError[];
  merged: SimFulfillmentOrder[] | null;
}

type Plan = { fo: SimFulfillmentOrder; items: LineItemQuantity[] }[];

const allRemaining = (fo: SimFulfillmentOrder): LineItemQuantity[] =>
  fo.lineItems.filter((li) => li.remainingQuantity > 0).map((li) => ({ id: li.id, quantity: li.remainingQuantity }));

function planSet(state: StoreState, shop: string, input: MergeInput, field: string[], used: Set<string>) {
  const errors: MergeError[] = [];
  const plan: Plan = [];
  if (input.mergeIntents.length < 2) {
    errors.push({
      field: [...field, "mergeIntents"],
      message: "At least two fulfillment orders are needed to merge.",
      code: null,
    });
    return { errors, plan };
  }
  input.mergeIntents.forEach((intent, j) => {
    const at = [...field, "mergeIntents", String(j)];
    const fo = state.node(shop, intent.fulfillmentOrderId) as SimFulfillmentOrder | null;
    if (!fo) {
      errors.push({
        field: [...at, "fulfillmentOrderId"],
        message: "Fulfillment order does not exist.",
        code: "FULFILLMENT_ORDER_NOT_FOUND",
      });
      return;
    }
    if (used.has(fo.id)) {
      errors.push({
        field: [...at, "fulfillmentOrderId"],
        message: "A fulfillment order can be merged only once.",
        code: null,
      });
      return;
    }
    used.add(fo.id);
    if (!isMergeable(state, fo)) {
      errors.push({
        field: [...at, "fulfillmentOrderId"],
        message: "Only open, unsubmitted fulfillment orders without holds can be merged.",
        code: null,
      });
      return;
    }
    const first = plan[0]?.fo;
    if (first && !belongTogether(first, fo)) {
      errors.push({
        field: [...at, "fulfillmentOrderId"],
        message: "Fulfillment orders must belong to the same order, location and delivery method to be merged.",
        code: null,
      });
      return;
    }
    const given = intent.fulfillmentOrderLineItems?.length ? intent.fulfillmentOrderLineItems : null;
    const invalid = given ? validateLineItems(fo, given, [...at, "fulfillmentOrderLineItems"]) : [];
    if (invalid.length) {
      errors.push(
        ...invalid.map((e) => ({
          field: e.field,
          message: e.message,
          code: (e.code === "GREATER_THAN_ZERO" ? "GREATER_THAN" : "INVALID_LINE_ITEM_QUANTITY") as MergeErrorCode,
        })),
      );
      return;
    }
    plan.push({ fo, items: given ?? allRemaining(fo) });
  });
  return { errors, plan };
}

function mergePlan(state: StoreState, shop: string, plan: Plan): SimFulfillmentOrder {
  const first = plan[0]!.fo;
  const merged = emptyFulfillmentOrderLike(state, first);
  for (const { fo, items } of plan) {
    for (const item of items) {
      const source = fo.lineItems.find((li) => li.id === item.id)!;
      source.remainingQuantity -= item.quantity;
      source.totalQuantity -= item.quantity;
      const same = merged.lineItems.find((li) => li.lineItemId === source.lineItemId);
      if (same) {
        same.totalQuantity += item.quantity;
        same.remainingQuantity += item.quantity;
      } else merged.lineItems.push(newFoLine(state, source.lineItemId, item.quantity));
    }
    fo.lineItems = fo.lineItems.filter((li) => li.totalQuantity > 0);
    if (fo.lineItems.length === 0) fo.status = "CLOSED";
    touch(state, fo);
  }
  state.shop(shop).fulfillmentOrders.push(merged);
  state.emit(shop, "fulfillment_orders/merged", {
    mergeIntents: plan.map(({ fo, items }) => ({ fulfillmentOrderId: fo.id, lineItems: items })),
    fulfillmentOrder: foRef(merged),
  });
  return merged;
}

export function mergeFulfillmentOrders(state: StoreState, shop: string, inputs: MergeInput[]): MergeResult {
  const used = new Set<string>();
  const plans = inputs.map((input, i) => planSet(state, shop, input, ["fulfillmentOrderMergeInputs", String(i)], used));
  const userErrors = plans.flatMap((p) => p.errors);
  if (userErrors.length) return { userErrors, merged: null };
  return { userErrors: [], merged: plans.map((p) => mergePlan(state, shop, p.plan)) };
}
