// Webhook payload builders: pure functions from small typed inputs (GIDs,
// Dates, GraphQL-or-REST enum values) to payloads with the same key structure,
// key order and value types as Shopify's published samples
// (https://shopify.dev/docs/api/webhooks/2026-07).
//
// How to use (simulator core):
//   - Each builder is exported by name (`orderPayload`, `fulfillmentOrdersSplitPayload`, …).
//   - `TOPIC_PAYLOAD_BUILDERS[topic]` maps every supported REST topic to its
//     builder, so `TOPIC_PAYLOAD_BUILDERS["orders/paid"](input)` works and the
//     input type is checked per topic (`PayloadInput<"orders/paid">`).
//   - Ids: pass GIDs. Numeric `id` fields are the GID's numeric tail (bigint
//     above 2^53); `admin_graphql_api_id` carries the GID unchanged.
//   - Enums: GraphQL casing (`ON_HOLD`) is accepted and emitted lowercase.
//   - Serialise with `serializeWebhookPayload` (the dispatcher does) so bigint ids survive.
import {
  fulfillmentHoldsAddedPayload,
  fulfillmentHoldsReleasedPayload,
  fulfillmentOrdersCancellationRequestAcceptedPayload,
  fulfillmentOrdersCancellationRequestRejectedPayload,
  fulfillmentOrdersCancellationRequestSubmittedPayload,
  fulfillmentOrdersCancelledPayload,
  fulfillmentOrdersFulfillmentRequestAcceptedPayload,
  fulfillmentOrdersFulfillmentRequestRejectedPayload,
  fulfillmentOrdersFulfillmentRequestSubmittedPayload,
  fulfillmentOrdersFulfillmentServiceFailedToCompletePayload,
  fulfillmentOrdersHoldReleasedPayload,
  fulfillmentOrdersLineItemsPreparedForLocalDeliveryPayload,
  fulfillmentOrdersLineItemsPreparedForPickupPayload,
  fulfillmentOrdersManuallyReportedProgressStoppedPayload,
  fulfillmentOrdersMergedPayload,
  fulfillmentOrdersMovedPayload,
  fulfillmentOrdersOrderRoutingCompletePayload,
  fulfillmentOrdersPlacedOnHoldPayload,
  fulfillmentOrdersProgressReportedPayload,
  fulfillmentOrdersRescheduledPayload,
  fulfillmentOrdersScheduledFulfillmentOrderReadyPayload,
  fulfillmentOrdersSplitPayload,
} from "./fulfillment-order-payloads";
import { orderPayload, ordersDeletePayload, ordersEditedPayload } from "./order-payload";
import {
  appUninstalledPayload,
  customersDataRequestPayload,
  customersRedactPayload,
  shopRedactPayload,
} from "./shop-payloads";

export * from "./fulfillment-order-payloads";
export * from "./order-payload";
export * from "./shop-payloads";
export { legacyIdFromGid, serializeWebhookPayload } from "./payload-values";

export const TOPIC_PAYLOAD_BUILDERS = {
  "orders/create": orderPayload,
  "orders/updated": orderPayload,
  "orders/paid": orderPayload,
  "orders/cancelled": orderPayload,
  "orders/fulfilled": orderPayload,
  "orders/partially_fulfilled": orderPayload,
  "orders/edited": ordersEditedPayload,
  "orders/delete": ordersDeletePayload,
  "fulfillment_orders/cancellation_request_accepted": fulfillmentOrdersCancellationRequestAcceptedPayload,
  "fulfillment_orders/cancellation_request_rejected": fulfillmentOrdersCancellationRequestRejectedPayload,
  "fulfillment_orders/cancellation_request_submitted": fulfillmentOrdersCancellationRequestSubmittedPayload,
  "fulfillment_orders/cancelled": fulfillmentOrdersCancelledPayload,
  "fulfillment_orders/fulfillment_request_accepted": fulfillmentOrdersFulfillmentRequestAcceptedPayload,
  "fulfillment_orders/fulfillment_request_rejected": fulfillmentOrdersFulfillmentRequestRejectedPayload,
  "fulfillment_orders/fulfillment_request_submitted": fulfillmentOrdersFulfillmentRequestSubmittedPayload,
  "fulfillment_orders/fulfillment_service_failed_to_complete":
    fulfillmentOrdersFulfillmentServiceFailedToCompletePayload,
  "fulfillment_orders/hold_released": fulfillmentOrdersHoldReleasedPayload,
  "fulfillment_orders/line_items_prepared_for_local_delivery":
    fulfillmentOrdersLineItemsPreparedForLocalDeliveryPayload,
  "fulfillment_orders/line_items_prepared_for_pickup": fulfillmentOrdersLineItemsPreparedForPickupPayload,
  "fulfillment_orders/manually_reported_progress_stopped": fulfillmentOrdersManuallyReportedProgressStoppedPayload,
  "fulfillment_orders/merged": fulfillmentOrdersMergedPayload,
  "fulfillment_orders/moved": fulfillmentOrdersMovedPayload,
  "fulfillment_orders/order_routing_complete": fulfillmentOrdersOrderRoutingCompletePayload,
  "fulfillment_orders/placed_on_hold": fulfillmentOrdersPlacedOnHoldPayload,
  "fulfillment_orders/progress_reported": fulfillmentOrdersProgressReportedPayload,
  "fulfillment_orders/rescheduled": fulfillmentOrdersRescheduledPayload,
  "fulfillment_orders/scheduled_fulfillment_order_ready": fulfillmentOrdersScheduledFulfillmentOrderReadyPayload,
  "fulfillment_orders/split": fulfillmentOrdersSplitPayload,
  "fulfillment_holds/added": fulfillmentHoldsAddedPayload,
  "fulfillment_holds/released": fulfillmentHoldsReleasedPayload,
  "app/uninstalled": appUninstalledPayload,
  "shop/redact": shopRedactPayload,
  "customers/redact": customersRedactPayload,
  "customers/data_request": customersDataRequestPayload,
} as const;

export type PayloadTopic = keyof typeof TOPIC_PAYLOAD_BUILDERS;
export type PayloadInput<T extends PayloadTopic> = Parameters<(typeof TOPIC_PAYLOAD_BUILDERS)[T]>[0];
type PayloadFor<T extends PayloadTopic> = ReturnType<(typeof TOPIC_PAYLOAD_BUILDERS)[T]>;

/** Builds the payload for `topic` (typed per topic). */
export function buildPayload<T extends PayloadTopic>(topic: T, input: PayloadInput<T>): PayloadFor<T> {
  const builder = TOPIC_PAYLOAD_BUILDERS[topic] as (i: PayloadInput<T>) => PayloadFor<T>;
  return builder(input);
}
