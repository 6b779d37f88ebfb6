import type {
  FulfillmentOrderLineItemsPreparedForPickupMutation,
  FulfillmentOrderLineItemsPreparedForPickupMutationVariables,
} from "~/types/admin.generated";
import { type AdminGraphql, runOperation } from "./run-operation.server";

// Marks local-pickup FOs ready for pickup; Shopify sends the customer the "ready" notice.
// Shopify prepares whole FOs (the input names FOs, not lines).
// https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderLineItemsPreparedForPickup
const FULFILLMENT_ORDER_LINE_ITEMS_PREPARED_FOR_PICKUP_MUTATION = `#graphql
  mutation FulfillmentOrderLineItemsPreparedForPickup($input: FulfillmentOrderLineItemsPreparedForPickupInput!) {
    fulfillmentOrderLineItemsPreparedForPickup(input: $input) {
      userErrors {
        field
        message
        code
      }
    }
  }
` as const;

export async function markPreparedForPickup(
  graphql: AdminGraphql,
  fulfillmentOrderIds: readonly string[],
): Promise<{ fulfillmentOrderIds: string[] }> {
  await runOperation<
    FulfillmentOrderLineItemsPreparedForPickupMutation,
    FulfillmentOrderLineItemsPreparedForPickupMutationVariables
  >(graphql, {
    name: "FulfillmentOrderLineItemsPreparedForPickup",
    kind: "mutation",
    document: FULFILLMENT_ORDER_LINE_ITEMS_PREPARED_FOR_PICKUP_MUTATION,
    variables: {
      input: { lineItemsByFulfillmentOrder: fulfillmentOrderIds.map((id) => ({ fulfillmentOrderId: id })) },
    },
    userErrors: (d) =>
      d.fulfillmentOrderLineItemsPreparedForPickup?.userErrors.map((e) => ({ ...e, field: e.field ?? null })),
  });
  return { fulfillmentOrderIds: [...fulfillmentOrderIds] };
}
