import type {
  FulfillmentOrderSubmitCancellationRequestMutation,
  FulfillmentOrderSubmitCancellationRequestMutationVariables,
} from "~/types/admin.generated";
import { type AdminGraphql, runOperation } from "./run-operation.server";

// Once the 3PL accepted a request, only the 3PL can cancel the work: the merchant asks it to.
// https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderSubmitCancellationRequest
const FULFILLMENT_ORDER_SUBMIT_CANCELLATION_REQUEST_MUTATION = `#graphql
  mutation FulfillmentOrderSubmitCancellationRequest($id: ID!, $message: String) {
    fulfillmentOrderSubmitCancellationRequest(id: $id, message: $message) {
      fulfillmentOrder {
        id
        requestStatus
      }
      userErrors {
        field
        message
      }
    }
  }
` as const;

interface SubmittedCancellationRequest {
  fulfillmentOrderId: string | null;
  requestStatus: string | null;
}

type Payload = NonNullable<
  FulfillmentOrderSubmitCancellationRequestMutation["fulfillmentOrderSubmitCancellationRequest"]
>;

function toSubmittedCancellationRequest(payload: Payload | null | undefined): SubmittedCancellationRequest {
  return {
    fulfillmentOrderId: payload?.fulfillmentOrder?.id ?? null,
    requestStatus: payload?.fulfillmentOrder?.requestStatus ?? null,
  };
}

export async function submitCancellationRequest(
  graphql: AdminGraphql,
  input: { fulfillmentOrderId: string; message: string | null },
): Promise<SubmittedCancellationRequest> {
  const { data } = await runOperation<
    FulfillmentOrderSubmitCancellationRequestMutation,
    FulfillmentOrderSubmitCancellationRequestMutationVariables
  >(graphql, {
    name: "FulfillmentOrderSubmitCancellationRequest",
    kind: "mutation",
    document: FULFILLMENT_ORDER_SUBMIT_CANCELLATION_REQUEST_MUTATION,
    variables: { id: input.fulfillmentOrderId, message: input.message },
    userErrors: (d) =>
      d.fulfillmentOrderSubmitCancellationRequest?.userErrors.map((e) => ({ ...e, field: e.field ?? null })),
  });
  return toSubmittedCancellationRequest(data.fulfillmentOrderSubmitCancellationRequest);
}
