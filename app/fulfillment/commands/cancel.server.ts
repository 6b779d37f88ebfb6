// Take back a request: cancel one the 3PL hasn't accepted, or ask it to cancel one it has.
// https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderCancel
// https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderSubmitCancellationRequest
import { cancelFulfillmentOrder } from "~/shopify/admin/fulfillment-order-cancel.server";
import { submitCancellationRequest } from "~/shopify/admin/fulfillment-order-submit-cancellation-request.server";
import { childrenOf, type FulfillmentCommand, mutated } from "./command.server";

export const cancelRequest = (): FulfillmentCommand => ({
  intent: "cancel-request",
  async mutate({ graphql }, { fo }) {
    const r = await cancelFulfillmentOrder(graphql, fo.id);
    const cancelled = r.cancelledId ?? fo.id;
    return mutated([cancelled, r.replacementId], childrenOf(cancelled, "replacement", r.replacementId));
  },
});

export const requestCancellation = (input: { message: string | null }): FulfillmentCommand => ({
  intent: "request-cancellation",
  async mutate({ graphql }, { fo }) {
    const r = await submitCancellationRequest(graphql, { fulfillmentOrderId: fo.id, message: input.message });
    return mutated([r.fulfillmentOrderId ?? fo.id]);
  },
});
