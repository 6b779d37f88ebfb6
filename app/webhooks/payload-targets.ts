// What a delivery asks us to refresh, read from its payload. Payloads are triggers, not
// truth: we only take identifiers (GIDs, so ids above 2^53 don't matter) and, where
// Shopify tells us, where a new FO came from (lineage).
import type { LineageHint } from "~/fulfillment/ledger-types";

export interface RefreshTargets {
  orderIds: string[];
  fulfillmentOrderIds: string[];
  lineage: LineageHint[];
  /** The order's updated_at as the payload states it (orders/*), for the out-of-order guard. */
  orderUpdatedAt: string | null;
  /**
   * FO states the payload states as the whole effect of its event (request submitted or accepted):
   * when the ledger already holds each of them, the delivery has nothing to add and needs no read.
   */
  statedStates: StatedFulfillmentOrderState[];
}

export interface StatedFulfillmentOrderState {
  id: string;
  /** Shopify's FulfillmentOrderStatus / FulfillmentOrderRequestStatus, upper-cased like the Admin API's enums. */
  status: string;
  requestStatus: string;
}

type Json = Record<string, unknown>;

const FO_GID = /^gid:\/\/shopify\/FulfillmentOrder\/\d+$/;
const ORDER_GID = (id: unknown) =>
  typeof id === "string" || typeof id === "number" ? `gid://shopify/Order/${id}` : null;

const idOf = (value: unknown): string | null => {
  const id = (value as Json | null | undefined)?.id;
  return typeof id === "string" && FO_GID.test(id) ? id : null;
};

function collectFulfillmentOrderIds(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectFulfillmentOrderIds(item, into);
    return;
  }
  if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      if (typeof inner === "string" && FO_GID.test(inner) && (key === "id" || key.endsWith("fulfillment_order_id"))) {
        into.add(inner);
      } else if (key === "fulfillment_order_id" && (typeof inner === "number" || typeof inner === "string")) {
        into.add(`gid://shopify/FulfillmentOrder/${inner}`);
      } else {
        collectFulfillmentOrderIds(inner, into);
      }
    }
  }
}

function hint(parent: unknown, child: unknown, reason: LineageHint["reason"]): LineageHint[] {
  const parentId = idOf(parent);
  const childId = idOf(child);
  return parentId && childId && parentId !== childId ? [{ parentId, childId, reason }] : [];
}

function lineageOf(topic: string, payload: Json): LineageHint[] {
  switch (topic) {
    case "fulfillment_orders/fulfillment_request_submitted":
      return [
        ...hint(payload.original_fulfillment_order, payload.submitted_fulfillment_order, "partial_request"),
        ...hint(payload.original_fulfillment_order, payload.unsubmitted_fulfillment_order, "partial_request"),
      ];
    case "fulfillment_orders/split":
      return [
        ...hint(payload.fulfillment_order, payload.remaining_fulfillment_order, "split"),
        ...hint(payload.fulfillment_order, payload.replacement_fulfillment_order, "split"),
      ];
    case "fulfillment_orders/moved":
      return [
        ...hint(payload.original_fulfillment_order, payload.moved_fulfillment_order, "moved"),
        ...hint(payload.original_fulfillment_order, payload.remaining_fulfillment_order, "moved"),
      ];
    case "fulfillment_orders/placed_on_hold":
      return hint(payload.fulfillment_order, payload.remaining_fulfillment_order, "partial_hold");
    case "fulfillment_orders/cancelled":
      return hint(payload.fulfillment_order, payload.replacement_fulfillment_order, "replacement");
    default:
      return [];
  }
}

// A fulfillment request's submission changes the FO's request status (and, for a partial request,
// splits the rest off into the unsubmitted FO); acceptance changes its status and request status.
// The payloads state exactly those FOs with status and request_status
// (https://shopify.dev/docs/api/webhooks/latest?reference=toml#list-of-topics-fulfillment_orders/fulfillment_request_submitted,
// https://shopify.dev/docs/api/admin-graphql/latest/payloads/FulfillmentOrderSubmitFulfillmentRequestPayload).
// Holds are left out on purpose: a second hold on an FO already ON_HOLD states the same status.
const STATED_KEYS: Record<string, readonly string[]> = {
  "fulfillment_orders/fulfillment_request_submitted": [
    "original_fulfillment_order",
    "submitted_fulfillment_order",
    "unsubmitted_fulfillment_order",
  ],
  "fulfillment_orders/fulfillment_request_accepted": ["fulfillment_order"],
};

function statedStatesOf(topic: string, payload: Json): StatedFulfillmentOrderState[] {
  const keys = STATED_KEYS[topic];
  if (!keys) return [];
  const states = new Map<string, StatedFulfillmentOrderState>();
  for (const key of keys) {
    const fo = payload[key] as Json | null | undefined;
    if (fo === undefined || fo === null) continue;
    const id = idOf(fo);
    // Anything unexpected in a stated FO: state nothing, so the delivery is read as before.
    if (!id || typeof fo.status !== "string" || typeof fo.request_status !== "string") return [];
    states.set(id, { id, status: fo.status.toUpperCase(), requestStatus: fo.request_status.toUpperCase() });
  }
  // The original FO is stated as it was before a partial request: the submitted one is what it is now.
  const submitted = idOf(payload.submitted_fulfillment_order);
  if (submitted && submitted === idOf(payload.original_fulfillment_order)) {
    const fo = payload.submitted_fulfillment_order as Json;
    states.set(submitted, {
      id: submitted,
      status: String(fo.status).toUpperCase(),
      requestStatus: String(fo.request_status).toUpperCase(),
    });
  }
  return [...states.values()];
}

export function refreshTargetsOf(topic: string, payload: unknown): RefreshTargets {
  const body = (payload ?? {}) as Json;
  if (topic.startsWith("orders/")) {
    const edit = body.order_edit as Json | undefined;
    const orderId =
      typeof body.admin_graphql_api_id === "string" ? body.admin_graphql_api_id : ORDER_GID(edit?.order_id ?? body.id);
    return {
      orderIds: orderId ? [orderId] : [],
      fulfillmentOrderIds: [],
      lineage: [],
      orderUpdatedAt: typeof body.updated_at === "string" ? body.updated_at : null,
      statedStates: [],
    };
  }
  const ids = new Set<string>();
  collectFulfillmentOrderIds(body, ids);
  return {
    orderIds: [],
    fulfillmentOrderIds: [...ids],
    lineage: lineageOf(topic, body),
    orderUpdatedAt: null,
    statedStates: statedStatesOf(topic, body),
  };
}
