import type { StatedFulfillmentOrder } from "~/fulfillment/ledger-types";
import type {
  FulfillmentOrderSubmitFulfillmentRequestMutation,
  FulfillmentOrderSubmitFulfillmentRequestMutationVariables,
} from "~/types/admin.generated";
import { type AdminGraphql, runOperation } from "./run-operation.server";

// Asks the 3PL that owns the FO's location to fulfil it, whole or in part. A partial request
// splits the FO: Shopify answers with the submitted part and the unsubmitted remainder.
// https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderSubmitFulfillmentRequest
const FULFILLMENT_ORDER_SUBMIT_FULFILLMENT_REQUEST_MUTATION = `#graphql
  mutation FulfillmentOrderSubmitFulfillmentRequest(
    $id: ID!
    $message: String
    $notifyCustomer: Boolean
    $fulfillmentOrderLineItems: [FulfillmentOrderLineItemInput!]
  ) {
    fulfillmentOrderSubmitFulfillmentRequest(
      id: $id
      message: $message
      notifyCustomer: $notifyCustomer
      fulfillmentOrderLineItems: $fulfillmentOrderLineItems
    ) {
      originalFulfillmentOrder {
        id
      }
      submittedFulfillmentOrder {
        id
        status
        requestStatus
        updatedAt
        supportedActions {
          action
          externalUrl
        }
        order {
          displayFulfillmentStatus
        }
      }
      unsubmittedFulfillmentOrder {
        id
      }
      userErrors {
        field
        message
      }
    }
  }
` as const;

export interface LineQuantity {
  id: string;
  quantity: number;
}

interface SubmitFulfillmentRequestInput {
  fulfillmentOrderId: string;
  /** Empty = every remaining quantity. */
  lines: readonly LineQuantity[];
  message: string | null;
  notifyCustomer: boolean;
}

/**
 * What Shopify states of the submitted FO in its answer (a mutation costs 10 points whatever it
 * selects, https://shopify.dev/docs/api/usage/limits#cost-calculation): enough for the ledger
 * to record a whole request without reading the order again.
 */

interface SubmittedFulfillmentRequest {
  originalId: string | null;
  submittedId: string | null;
  /** The remainder of a partial request (a new FO), null for a whole request. */
  unsubmittedId: string | null;
  submitted: StatedFulfillmentOrder | null;
}

type Payload = NonNullable<
  FulfillmentOrderSubmitFulfillmentRequestMutation["fulfillmentOrderSubmitFulfillmentRequest"]
>;

function toSubmittedFulfillmentRequest(payload: Payload | null | undefined): SubmittedFulfillmentRequest {
  const submitted = payload?.submittedFulfillmentOrder;
  return {
    originalId: payload?.originalFulfillmentOrder?.id ?? null,
    submittedId: payload?.submittedFulfillmentOrder?.id ?? null,
    unsubmittedId: payload?.unsubmittedFulfillmentOrder?.id ?? null,
    submitted: submitted
      ? {
          id: submitted.id,
          status: submitted.status,
          requestStatus: submitted.requestStatus,
          updatedAt: submitted.updatedAt,
          supportedActions: submitted.supportedActions.map((a) => ({
            action: a.action,
            externalUrl: a.externalUrl ?? null,
          })),
          orderDisplayFulfillmentStatus: submitted.order.displayFulfillmentStatus ?? null,
        }
      : null,
  };
}

export async function submitFulfillmentRequest(
  graphql: AdminGraphql,
  input: SubmitFulfillmentRequestInput,
): Promise<SubmittedFulfillmentRequest> {
  const { data } = await runOperation<
    FulfillmentOrderSubmitFulfillmentRequestMutation,
    FulfillmentOrderSubmitFulfillmentRequestMutationVariables
  >(graphql, {
    name: "FulfillmentOrderSubmitFulfillmentRequest",
    kind: "mutation",
    document: FULFILLMENT_ORDER_SUBMIT_FULFILLMENT_REQUEST_MUTATION,
    variables: {
      id: input.fulfillmentOrderId,
      message: input.message,
      notifyCustomer: input.notifyCustomer,
      fulfillmentOrderLineItems: input.lines.length
        ? input.lines.map((l) => ({ id: l.id, quantity: l.quantity }))
        : null,
    },
    userErrors: (d) =>
      d.fulfillmentOrderSubmitFulfillmentRequest?.userErrors.map((e) => ({ ...e, field: e.field ?? null })),
  });
  return toSubmittedFulfillmentRequest(data.fulfillmentOrderSubmitFulfillmentRequest);
}
