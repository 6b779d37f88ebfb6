import type { FulfillmentOrderMoveMutation, FulfillmentOrderMoveMutationVariables } from "~/types/admin.generated";
import type { LineQuantity } from "./fulfillment-order-submit-fulfillment-request.server";
import { type AdminGraphql, runOperation } from "./run-operation.server";

// Reassigns an FO (or some of its quantities) to another location. A whole move keeps the FO;
// a partial one moves the quantities into a new FO and leaves the rest on the original.
// https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderMove
const FULFILLMENT_ORDER_MOVE_MUTATION = `#graphql
  mutation FulfillmentOrderMove($id: ID!, $newLocationId: ID!, $fulfillmentOrderLineItems: [FulfillmentOrderLineItemInput!]) {
    fulfillmentOrderMove(id: $id, newLocationId: $newLocationId, fulfillmentOrderLineItems: $fulfillmentOrderLineItems) {
      movedFulfillmentOrder {
        id
      }
      originalFulfillmentOrder {
        id
      }
      remainingFulfillmentOrder {
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

interface MovedFulfillmentOrder {
  movedId: string | null;
  originalId: string | null;
  remainingId: string | null;
}

type Payload = NonNullable<FulfillmentOrderMoveMutation["fulfillmentOrderMove"]>;

function toMovedFulfillmentOrder(payload: Payload | null | undefined): MovedFulfillmentOrder {
  return {
    movedId: payload?.movedFulfillmentOrder?.id ?? null,
    originalId: payload?.originalFulfillmentOrder?.id ?? null,
    remainingId: payload?.remainingFulfillmentOrder?.id ?? null,
  };
}

export async function moveFulfillmentOrder(
  graphql: AdminGraphql,
  input: { fulfillmentOrderId: string; newLocationId: string; lines: readonly LineQuantity[] },
): Promise<MovedFulfillmentOrder> {
  const { data } = await runOperation<FulfillmentOrderMoveMutation, FulfillmentOrderMoveMutationVariables>(graphql, {
    name: "FulfillmentOrderMove",
    kind: "mutation",
    document: FULFILLMENT_ORDER_MOVE_MUTATION,
    variables: {
      id: input.fulfillmentOrderId,
      newLocationId: input.newLocationId,
      fulfillmentOrderLineItems: input.lines.length
        ? input.lines.map((l) => ({ id: l.id, quantity: l.quantity }))
        : null,
    },
    userErrors: (d) => d.fulfillmentOrderMove?.userErrors.map((e) => ({ ...e, field: e.field ?? null })),
  });
  return toMovedFulfillmentOrder(data.fulfillmentOrderMove);
}
