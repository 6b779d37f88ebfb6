// Creating fulfillments (merchant app or the 3PL service) and local pickup readiness.
// https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentCreate
// https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderLineItemsPreparedForPickup
import {
  isClosed,
  remainingTotal,
  touch,
  touchOrder,
  validateLineItems,
  type FieldError,
  type LineItemQuantity,
} from "../domain/fulfillment-order-records";
import { fulfillUnits } from "../domain/inventory";
import { displayFulfillmentStatus, refreshClosed } from "../domain/order-status";
import { isThirdPartyFo } from "../domain/supported-actions";
import type { StoreState } from "../store-state";
import { SimulatorError } from "../store-state";
import type { SimFulfillment, SimFulfillmentOrder } from "../types";
import { foRef, orderInput } from "../webhook-payloads";

export interface FulfillmentCreateArgs {
  lineItemsByFulfillmentOrder: { fulfillmentOrderId: string; fulfillmentOrderLineItems?: LineItemQuantity[] | null }[];
  trackingInfo?: { company?: string | null; number?: string | null; url?: string | null } | null;
  notifyCustomer?: boolean | null;
}

type Actor = "merchant_app" | "fulfillment_service";

export function createFulfillment(
  state: StoreState,
  shop: string,
  args: FulfillmentCreateArgs,
  actor: Actor,
): { userErrors: FieldError[]; fulfillment: SimFulfillment | null } {
  const fail = (message: string, field: string[]) => ({ userErrors: [{ field, message }], fulfillment: null });
  const groups = args.lineItemsByFulfillmentOrder;
  if (groups.length === 0)
    return fail("Line items by fulfillment order must not be empty.", ["fulfillment", "lineItemsByFulfillmentOrder"]);
  const plan: { fo: SimFulfillmentOrder; items: LineItemQuantity[] }[] = [];
  for (const [i, group] of groups.entries()) {
    const field = ["fulfillment", "lineItemsByFulfillmentOrder", String(i), "fulfillmentOrderId"];
    const fo = state.node(shop, group.fulfillmentOrderId) as SimFulfillmentOrder | null;
    if (!fo) return fail("Fulfillment order does not exist.", field);
    // "The fulfillment orders are associated with the same Order and are assigned to the same Location."
    if (plan[0] && plan[0].fo.orderId !== fo.orderId)
      return fail("All fulfillment orders must belong to the same order.", field);
    if (plan[0] && plan[0].fo.locationId !== fo.locationId)
      return fail("All fulfillment orders must be assigned to the same location.", field);
    if (isClosed(fo) || fo.status === "ON_HOLD" || fo.status === "SCHEDULED") {
      return fail(`Fulfillment order ${fo.id} has an unfulfillable status= ${fo.status.toLowerCase()}.`, field);
    }
    // Since 2024-10 only the owning fulfillment service can fulfill its FOs:
    // https://shopify.dev/changelog/order-management-apps-can-no-longer-fulfill-orders-that-are-assigned-to-a-different-fulfillment-service
    if (actor === "merchant_app" && isThirdPartyFo(state, fo)) {
      return fail("The api_client does not have access to this fulfillment order's assigned location.", field);
    }
    const items = group.fulfillmentOrderLineItems?.length
      ? group.fulfillmentOrderLineItems
      : fo.lineItems
          .filter((li) => li.remainingQuantity > 0)
          .map((li) => ({ id: li.id, quantity: li.remainingQuantity }));
    const errors = validateLineItems(fo, items, [
      "fulfillment",
      "lineItemsByFulfillmentOrder",
      String(i),
      "fulfillmentOrderLineItems",
    ]);
    if (errors[0])
      return { userErrors: errors.map(({ field: f, message }) => ({ field: f, message })), fulfillment: null };
    if (items.length === 0) return fail("Fulfillment order has no remaining items to fulfill.", field);
    plan.push({ fo, items });
  }
  const first = plan[0];
  if (!first) throw new SimulatorError("unreachable: empty fulfillment plan");
  const order = state.order(first.fo.orderId);
  const now = state.nowIso();
  const t = args.trackingInfo;
  const fulfillment: SimFulfillment = {
    id: state.newId("Fulfillment"),
    shop,
    orderId: order.id,
    locationId: first.fo.locationId,
    name: `${order.name}-F${state.fulfillmentsOf(order.id).length + 1}`,
    status: "SUCCESS",
    createdAt: now,
    updatedAt: now,
    trackingInfo:
      t && (t.number || t.company || t.url)
        ? [{ company: t.company ?? null, number: t.number ?? null, url: t.url ?? null }]
        : [],
    lineItems: [],
    fulfillmentOrderIds: plan.map((p) => p.fo.id),
  };
  for (const { fo, items } of plan) {
    for (const item of items) {
      const li = fo.lineItems.find((x) => x.id === item.id);
      if (!li) continue;
      li.remainingQuantity -= item.quantity;
      fulfillUnits(state, fo, li.lineItemId, item.quantity);
      fulfillment.lineItems.push({
        fulfillmentOrderLineItemId: li.id,
        lineItemId: li.lineItemId,
        quantity: item.quantity,
      });
    }
    fo.fulfillmentIds.push(fulfillment.id);
    // A completed FO closes; its request status stays (ACCEPTED for a 3PL), since
    // request status CLOSED means the service closed it *without* completing it.
    // https://shopify.dev/docs/api/admin-graphql/latest/enums/FulfillmentOrderRequestStatus
    if (remainingTotal(fo) === 0) {
      fo.status = "CLOSED";
    } else if (fo.status === "OPEN" && actor === "merchant_app") {
      fo.status = "IN_PROGRESS";
    }
    touch(state, fo);
  }
  state.shop(shop).fulfillments.push(fulfillment);
  refreshClosed(state, order);
  touchOrder(state, order.id);
  const status = displayFulfillmentStatus(state, order);
  state.emit(shop, "orders/updated", orderInput(state, order));
  if (status === "FULFILLED") state.emit(shop, "orders/fulfilled", orderInput(state, order));
  else if (status === "PARTIALLY_FULFILLED") state.emit(shop, "orders/partially_fulfilled", orderInput(state, order));
  return { userErrors: [], fulfillment };
}

/** The 3PL ships everything remaining on its accepted FO. */
export function fulfillAsService(state: StoreState, foId: string, opts: { trackingNumber?: string }): SimFulfillment {
  const fo = state.fulfillmentOrder(foId);
  // A pending cancellation doesn't stop the service: "Orders that have had cancellation
  // requested but the cancellation has yet to be accepted by the fulfillment service
  // might still have work completed despite cancellation."
  // https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderCancel
  if (!["ACCEPTED", "CANCELLATION_REQUESTED", "CANCELLATION_REJECTED"].includes(fo.requestStatus)) {
    throw new SimulatorError(`The fulfillment service can't fulfill ${foId}: request status is ${fo.requestStatus}`);
  }
  const result = createFulfillment(
    state,
    fo.shop,
    {
      lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: foId }],
      trackingInfo: opts.trackingNumber ? { number: opts.trackingNumber, company: "Other" } : null,
    },
    "fulfillment_service",
  );
  if (!result.fulfillment)
    throw new SimulatorError(`fulfillAsService failed: ${result.userErrors.map((e) => e.message).join("; ")}`);
  return result.fulfillment;
}

export function prepareForPickup(state: StoreState, shop: string, foIds: string[]): { userErrors: FieldError[] } {
  const fos: SimFulfillmentOrder[] = [];
  for (const [i, id] of foIds.entries()) {
    const field = ["input", "lineItemsByFulfillmentOrder", String(i), "fulfillmentOrderId"];
    const fo = state.node(shop, id) as SimFulfillmentOrder | null;
    if (!fo)
      return {
        userErrors: [{ field, message: "Fulfillment order does not exist.", code: "FULFILLMENT_ORDER_INVALID" }],
      };
    if (fo.deliveryMethod !== "PICK_UP" || fo.status !== "OPEN") {
      return { userErrors: [{ field, message: "Invalid fulfillment order.", code: "FULFILLMENT_ORDER_INVALID" }] };
    }
    if (remainingTotal(fo) === 0 || fo.preparedForPickup) {
      return {
        userErrors: [
          {
            field,
            message: "No line items to prepare for the fulfillment order.",
            code: "NO_LINE_ITEMS_TO_PREPARE_FOR_FULFILLMENT_ORDER",
          },
        ],
      };
    }
    fos.push(fo);
  }
  for (const fo of fos) {
    fo.preparedForPickup = true;
    touch(state, fo);
    state.emit(shop, "fulfillment_orders/line_items_prepared_for_pickup", {
      fulfillmentOrder: { ...foRef(fo), preparable: false },
    });
  }
  return { userErrors: [] };
}
