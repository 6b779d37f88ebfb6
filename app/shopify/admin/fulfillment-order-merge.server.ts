import type { FulfillmentOrderMergeMutation, FulfillmentOrderMergeMutationVariables } from "~/types/admin.generated";
import type { LineQuantity } from "./fulfillment-order-submit-fulfillment-request.server";
import { type AdminGraphql, runOperation } from "./run-operation.server";

// Merges FOs of one order at one location into one. Shopify answers with "the new fulfillment order
// as a result of the merge" (FulfillmentOrderMergeResult), so callers continue with the returned
// id, never with one of the inputs. Refusals (userErrors) throw ShopifyUserError.
// https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderMerge
const FULFILLMENT_ORDER_MERGE_MUTATION = `#graphql
  mutation FulfillmentOrderMerge($inputs: [FulfillmentOrderMergeInput!]!) {
    fulfillmentOrderMerge(fulfillmentOrderMergeInputs: $inputs) {
      fulfillmentOrderMerges {
        fulfillmentOrder {
          id
        }
      }
      userErrors {
        field
        message
        code
      }
    }
  }
` as const;

interface MergeIntent {
  fulfillmentOrderId: string;
  /** Empty: every remaining unit of the FO. */
  lines: readonly LineQuantity[];
}

type Payload = NonNullable<FulfillmentOrderMergeMutation["fulfillmentOrderMerge"]>;

/** The merged FO's id; null when Shopify answered without one. */
function toMergedFulfillmentOrderId(payload: Payload | null | undefined): string | null {
  return payload?.fulfillmentOrderMerges?.[0]?.fulfillmentOrder.id ?? null;
}

/** Merges one set of FOs (at least two) into one and returns the merged FO's id. */
export async function mergeFulfillmentOrders(
  graphql: AdminGraphql,
  intents: readonly MergeIntent[],
): Promise<string | null> {
  const { data } = await runOperation<FulfillmentOrderMergeMutation, FulfillmentOrderMergeMutationVariables>(graphql, {
    name: "FulfillmentOrderMerge",
    kind: "mutation",
    document: FULFILLMENT_ORDER_MERGE_MUTATION,
    variables: {
      inputs: [
        {
          mergeIntents: intents.map((intent) => ({
            fulfillmentOrderId: intent.fulfillmentOrderId,
            fulfillmentOrderLineItems: intent.lines.length
              ? intent.lines.map((l) => ({ id: l.id, quantity: l.quantity }))
              : null,
          })),
        },
      ],
    },
    userErrors: (d) => d.fulfillmentOrderMerge?.userErrors.map((e) => ({ ...e, field: e.field ?? null })),
  });
  return toMergedFulfillmentOrderId(data.fulfillmentOrderMerge);
}
