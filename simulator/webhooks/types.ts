// Contract between the simulator core (which decides *what* happened) and the
// webhook side (which decides *how* Shopify would tell the app about it).
// The core imports `WebhookSink` from here and calls `emit` once per topic per
// state change; `WebhookDispatcher` is the production implementation.

/** One thing that happened in the simulated shop, for one topic. */
export type WebhookEvent = {
  /** Shop domain, e.g. `fulfillment-desk-dev.myshopify.com`. */
  shop: string;
  /** REST-style topic, e.g. `orders/create`, `fulfillment_orders/placed_on_hold`. */
  topic: string;
  /** JSON-serialisable payload, normally built with the builders in `payloads.ts`. */
  payload: unknown;
  /** When the change happened; becomes `X-Shopify-Triggered-At`. */
  triggeredAt: Date;
  /**
   * Optional: share one `X-Shopify-Event-Id` across several topics fired by the
   * same change. Omitted = a fresh uuid per emit.
   */
  eventId?: string;
};

export type WebhookSink = { emit(e: WebhookEvent): void };

/**
 * A numeric REST id (`"id": 1001`). `bigint` when the GID's tail is above
 * 2^53 so it survives serialisation (see `serializeWebhookPayload`).
 */
export type LegacyId = number | bigint;
