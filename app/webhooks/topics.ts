// Every webhook topic the app subscribes to (shopify.app.toml) and what it is for.
// Payloads are triggers only: handlers re-read state from the Admin API
// (https://shopify.dev/docs/apps/build/webhooks/best-practices).

export type TopicKind =
  /** An order changed: refresh that order's fulfillment orders. */
  | "order"
  /** A fulfillment order changed: refresh the order it belongs to. */
  | "fulfillment-order"
  /** The order was deleted in Shopify: drop it from the ledger. */
  | "order-deleted"
  | "app-uninstalled"
  | "app-scopes-update"
  | "customers-data-request"
  | "customers-redact"
  | "shop-redact";

interface TopicDefinition {
  kind: TopicKind;
  /** Processed even when the shop has no session (uninstalled): compliance and lifecycle topics. */
  processWithoutSession: boolean;
}

const order: TopicDefinition = { kind: "order", processWithoutSession: false };
const fulfillmentOrder: TopicDefinition = { kind: "fulfillment-order", processWithoutSession: false };

export const WEBHOOK_TOPICS = {
  "orders/create": order,
  "orders/updated": order,
  "orders/paid": order,
  "orders/cancelled": order,
  "orders/edited": order,
  "orders/fulfilled": order,
  "orders/partially_fulfilled": order,
  "orders/delete": { kind: "order-deleted", processWithoutSession: false },
  "fulfillment_orders/order_routing_complete": fulfillmentOrder,
  "fulfillment_orders/fulfillment_request_submitted": fulfillmentOrder,
  "fulfillment_orders/fulfillment_request_accepted": fulfillmentOrder,
  "fulfillment_orders/fulfillment_request_rejected": fulfillmentOrder,
  "fulfillment_orders/cancellation_request_submitted": fulfillmentOrder,
  "fulfillment_orders/cancellation_request_accepted": fulfillmentOrder,
  "fulfillment_orders/cancellation_request_rejected": fulfillmentOrder,
  "fulfillment_orders/cancelled": fulfillmentOrder,
  "fulfillment_orders/placed_on_hold": fulfillmentOrder,
  "fulfillment_orders/hold_released": fulfillmentOrder,
  "fulfillment_orders/moved": fulfillmentOrder,
  "fulfillment_orders/split": fulfillmentOrder,
  "fulfillment_orders/merged": fulfillmentOrder,
  "fulfillment_orders/line_items_prepared_for_pickup": fulfillmentOrder,
  "fulfillment_orders/rescheduled": fulfillmentOrder,
  "fulfillment_orders/scheduled_fulfillment_order_ready": fulfillmentOrder,
  "fulfillment_orders/fulfillment_service_failed_to_complete": fulfillmentOrder,
  "fulfillment_orders/line_items_prepared_for_local_delivery": fulfillmentOrder,
  "fulfillment_orders/progress_reported": fulfillmentOrder,
  "fulfillment_orders/manually_reported_progress_stopped": fulfillmentOrder,
  "fulfillment_holds/added": fulfillmentOrder,
  "fulfillment_holds/released": fulfillmentOrder,
  "app/uninstalled": { kind: "app-uninstalled", processWithoutSession: true },
  "app/scopes_update": { kind: "app-scopes-update", processWithoutSession: false },
  "customers/data_request": { kind: "customers-data-request", processWithoutSession: true },
  "customers/redact": { kind: "customers-redact", processWithoutSession: true },
  "shop/redact": { kind: "shop-redact", processWithoutSession: true },
} as const satisfies Record<string, TopicDefinition>;

export const COMPLIANCE_TOPICS = ["customers/data_request", "customers/redact", "shop/redact"] as const;

/**
 * Shopify sends `X-Shopify-Topic: orders/create`; some tooling uses the GraphQL enum form
 * (ORDERS_CREATE). Both map to the REST form.
 */
export function normalizeTopic(raw: string): string {
  if (raw.includes("/")) return raw.toLowerCase();
  const lower = raw.toLowerCase();
  const known = Object.keys(WEBHOOK_TOPICS).find((t) => t.replace("/", "_") === lower);
  return known ?? lower;
}

export function topicDefinition(topic: string): TopicDefinition | undefined {
  return (WEBHOOK_TOPICS as Record<string, TopicDefinition>)[topic];
}
