// Request fulfillment from the FO's fulfillment service: the whole FO, or some lines (Shopify
// splits off the rest as a new, unsubmitted FO).
// https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderSubmitFulfillmentRequest
import { submitFulfillmentRequest } from "~/shopify/admin/fulfillment-order-submit-fulfillment-request.server";
import { childrenOf, type FulfillmentCommand, mutated } from "./command.server";
import type { CommandLine } from "./lines";

interface RequestFulfillment {
  /** Empty = every remaining quantity. */
  lines: readonly CommandLine[];
  message: string | null;
  notifyCustomer: boolean;
}

export const requestFulfillment = (input: RequestFulfillment): FulfillmentCommand => ({
  intent: "request-fulfillment",
  async mutate({ graphql }, { fo }) {
    const r = await submitFulfillmentRequest(graphql, {
      fulfillmentOrderId: fo.id,
      lines: [...input.lines],
      message: input.message,
      notifyCustomer: input.notifyCustomer,
    });
    const original = r.originalId ?? fo.id;
    return mutated(
      [original, r.submittedId, r.unsubmittedId],
      childrenOf(original, "partial_request", r.submittedId, r.unsubmittedId),
      {
        partly: r.unsubmittedId !== null,
        ...(r.unsubmittedId === null && r.submitted ? { stated: r.submitted } : {}),
      },
    );
  },
});
