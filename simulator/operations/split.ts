// fulfillmentOrderSplit: the given line items and quantities move out of each FO into a new
// one at the same location ("remainingFulfillmentOrder").
// https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderSplit
import {
  coversAll,
  isClosed,
  splitOff,
  validateLineItems,
  type FieldError,
  type LineItemQuantity,
} from "../domain/fulfillment-order-records";
import type { StoreState } from "../store-state";
import type { SimFulfillmentOrder } from "../types";
import { foRef } from "../webhook-payloads";

export interface SplitInput {
  fulfillmentOrderId: string;
  fulfillmentOrderLineItems: LineItemQuantity[];
}

interface SplitResult {
  userErrors: (FieldError & { code: string })[];
  splits: { fulfillmentOrder: SimFulfillmentOrder; remainingFulfillmentOrder: SimFulfillmentOrder }[] | null;
}

const SUBMITTED = ["SUBMITTED", "ACCEPTED", "CANCELLATION_REQUESTED", "CANCELLATION_REJECTED"];

export function splitFulfillmentOrders(state: StoreState, shop: string, inputs: SplitInput[]): SplitResult {
  const errors: SplitResult["userErrors"] = [];
  const targets: { fo: SimFulfillmentOrder; items: LineItemQuantity[] }[] = [];
  inputs.forEach((input, i) => {
    const field = ["fulfillmentOrderSplits", String(i)];
    const fo = state.node(shop, input.fulfillmentOrderId) as SimFulfillmentOrder | null;
    if (!fo || fo.shop !== shop) {
      errors.push({
        field: [...field, "fulfillmentOrderId"],
        message: "Fulfillment order does not exist.",
        code: "FULFILLMENT_ORDER_NOT_FOUND",
      });
      return;
    }
    if (input.fulfillmentOrderLineItems.length === 0) {
      errors.push({
        field: [...field, "fulfillmentOrderLineItems"],
        message: "No line items provided to split.",
        code: "NO_LINE_ITEMS_PROVIDED_TO_SPLIT",
      });
      return;
    }
    // Guess, marked as such: the schema says an FO "not in a state to be split" gets a
    // replacement; the simulator refuses those states instead of modelling replacements.
    if (isClosed(fo) || SUBMITTED.includes(fo.requestStatus) || fo.status === "ON_HOLD") {
      errors.push({
        field: [...field, "fulfillmentOrderId"],
        message: "Fulfillment order cannot be split in its current state.",
        code: "INVALID_LINE_ITEM_QUANTITY",
      });
      return;
    }
    const invalid = validateLineItems(fo, input.fulfillmentOrderLineItems, [...field, "fulfillmentOrderLineItems"]);
    if (invalid.length) {
      errors.push(...invalid.map((e) => ({ ...e, code: e.code ?? "INVALID_LINE_ITEM_QUANTITY" })));
      return;
    }
    if (coversAll(fo, input.fulfillmentOrderLineItems)) {
      errors.push({
        field: [...field, "fulfillmentOrderLineItems"],
        message: "At least one item must remain on the original fulfillment order.",
        code: "GREATER_THAN",
      });
      return;
    }
    targets.push({ fo, items: input.fulfillmentOrderLineItems });
  });
  if (errors.length) return { userErrors: errors, splits: null };
  const splits = targets.map(({ fo, items }) => {
    const remaining = splitOff(state, fo, items);
    state.emit(shop, "fulfillment_orders/split", {
      splitLineItems: items,
      fulfillmentOrder: foRef(fo),
      remainingFulfillmentOrder: foRef(remaining),
      replacementFulfillmentOrder: null,
    });
    return { fulfillmentOrder: fo, remainingFulfillmentOrder: remaining };
  });
  return { userErrors: [], splits };
}
