import type { FulfillmentOrderCancelMutation, FulfillmentOrderCancelMutationVariables } from "~/types/admin.generated";
import { type AdminGraphql, runOperation } from "./run-operation.server";

// Withdraws a fulfillment request the 3PL hasn't accepted yet. Shopify closes the FO (status
// CLOSED) and opens a replacement FO with the work left, back with the merchant.
// https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderCancel
const FULFILLMENT_ORDER_CANCEL_MUTATION = `#graphql
  mutation FulfillmentOrderCancel($id: ID!) {
    fulfillmentOrderCancel(id: $id) {
      fulfillmentOrder {
        id
        status
      }
      replacementFulfillmentOrder {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
` as const;

interface CancelledFulfillmentOrder {
  cancelledId: string | null;
  replacementId: string | null;
}

type Payload = NonNullable<FulfillmentOrderCancelMutation["fulfillmentOrderCancel"]>;

function toCancelledFulfillmentOrder(payload: Payload | null | undefined): CancelledFulfillmentOrder {
  return {
    cancelledId: payload?.fulfillmentOrder?.id ?? null,
    replacementId: payload?.replacementFulfillmentOrder?.id ?? null,
  };
}

export async function cancelFulfillmentOrder(
  graphql: AdminGraphql,
  fulfillmentOrderId: string,
): Promise<CancelledFulfillmentOrder> {
  const { data } = await runOperation<FulfillmentOrderCancelMutation, FulfillmentOrderCancelMutationVariables>(
    graphql,
    {
      name: "FulfillmentOrderCancel",
      kind: "mutation",
      document: FULFILLMENT_ORDER_CANCEL_MUTATION,
      variables: { id: fulfillmentOrderId },
      userErrors: (d) => d.fulfillmentOrderCancel?.userErrors.map((e) => ({ ...e, field: e.field ?? null })),
    },
  );
  return toCancelledFulfillmentOrder(data.fulfillmentOrderCancel);
}
