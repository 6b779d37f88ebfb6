// Webhook payload objects shaped like Shopify's sample payloads
// (/work/shared/shopify/webhooks/*.json, from
// https://shopify.dev/docs/api/webhooks?reference=graphql). Fulfillment-order topics
// use GIDs and lowercase enum values; order topics use the REST order shape.
import { gidNumber } from "./ids";
import { displayFulfillmentStatus, orderTotal } from "./domain/order-status";
import type { StoreState } from "./store-state";
import type { SimFulfillmentHold, SimFulfillmentOrder, SimOrder, SimShop } from "./types";

export function foRef(fo: SimFulfillmentOrder): Record<string, unknown> {
  return { id: fo.id, status: fo.status.toLowerCase(), request_status: fo.requestStatus.toLowerCase() };
}

export function holdPayload(hold: SimFulfillmentHold, requestingApiKey: string | null): Record<string, unknown> {
  return {
    id: hold.id,
    reason: hold.reason.toLowerCase(),
    reason_notes: hold.reasonNotes,
    held_by_requesting_app: hold.heldByApp !== null && hold.heldByApp.apiKey === requestingApiKey,
    handle: hold.handle,
    held_by_app: hold.heldByApp ? { id: hold.heldByApp.id } : null,
  };
}

export function foWithHolds(fo: SimFulfillmentOrder, apiKey: string | null): Record<string, unknown> {
  return { ...foRef(fo), fulfillment_holds: fo.holds.map((h) => holdPayload(h, apiKey)) };
}

const REST_FULFILLMENT_STATUS: Record<string, string | null> = {
  FULFILLED: "fulfilled",
  PARTIALLY_FULFILLED: "partial",
  RESTOCKED: "restocked",
};

export function orderPayload(state: StoreState, order: SimOrder): Record<string, unknown> {
  const fulfillmentStatus = displayFulfillmentStatus(state, order);
  return {
    id: gidNumber(order.id),
    admin_graphql_api_id: order.id,
    name: order.name,
    created_at: order.createdAt,
    updated_at: order.updatedAt,
    processed_at: order.processedAt,
    cancelled_at: order.cancelledAt,
    cancel_reason: order.cancelReason?.toLowerCase() ?? null,
    closed_at: order.closedAt,
    currency: order.currency,
    financial_status: order.financialStatus.toLowerCase(),
    fulfillment_status: REST_FULFILLMENT_STATUS[fulfillmentStatus] ?? null,
    payment_gateway_names: [order.gateway],
    tags: order.tags.join(", "),
    note: order.note,
    total_price: orderTotal(order),
    email: order.customer?.email ?? null,
    customer: order.customer
      ? {
          id: gidNumber(order.customer.id),
          admin_graphql_api_id: order.customer.id,
          first_name: order.customer.firstName,
          last_name: order.customer.lastName,
          email: order.customer.email,
        }
      : null,
    line_items: order.lineItems.map((li) => ({
      id: gidNumber(li.id),
      admin_graphql_api_id: li.id,
      variant_id: gidNumber(li.variantId),
      sku: li.sku,
      title: li.title,
      name: li.title,
      price: li.price,
      quantity: li.quantity,
    })),
  };
}

export function shopPayload(shop: SimShop): Record<string, unknown> {
  return {
    id: gidNumber(shop.id),
    name: shop.name,
    domain: shop.domain,
    myshopify_domain: shop.domain,
    currency: shop.currency,
    plan_name: typeof shop.plan === "string" ? shop.plan : "custom",
  };
}
