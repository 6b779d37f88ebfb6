import type {
  FulfillmentOrderReleaseHoldMutation,
  FulfillmentOrderReleaseHoldMutationVariables,
} from "~/types/admin.generated";
import { type AdminGraphql, runOperation } from "./run-operation.server";

// Releases the given holds. Without holdIds Shopify releases *every* hold the app may release,
// so this function always names them: callers pass only holds our app placed.
// https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderReleaseHold
const FULFILLMENT_ORDER_RELEASE_HOLD_MUTATION = `#graphql
  mutation FulfillmentOrderReleaseHold($id: ID!, $holdIds: [ID!]) {
    fulfillmentOrderReleaseHold(id: $id, holdIds: $holdIds) {
      fulfillmentOrder {
        id
        status
      }
      userErrors {
        field
        message
        code
      }
    }
  }
` as const;

interface ReleasedHolds {
  fulfillmentOrderId: string | null;
  status: string | null;
}

type Payload = NonNullable<FulfillmentOrderReleaseHoldMutation["fulfillmentOrderReleaseHold"]>;

function toReleasedHolds(payload: Payload | null | undefined): ReleasedHolds {
  return {
    fulfillmentOrderId: payload?.fulfillmentOrder?.id ?? null,
    status: payload?.fulfillmentOrder?.status ?? null,
  };
}

export async function releaseHolds(
  graphql: AdminGraphql,
  input: { fulfillmentOrderId: string; holdIds: readonly string[] },
): Promise<ReleasedHolds> {
  if (input.holdIds.length === 0) throw new Error("releaseHolds needs the ids of the holds to release");
  const { data } = await runOperation<
    FulfillmentOrderReleaseHoldMutation,
    FulfillmentOrderReleaseHoldMutationVariables
  >(graphql, {
    name: "FulfillmentOrderReleaseHold",
    kind: "mutation",
    document: FULFILLMENT_ORDER_RELEASE_HOLD_MUTATION,
    variables: { id: input.fulfillmentOrderId, holdIds: [...input.holdIds] },
    userErrors: (d) => d.fulfillmentOrderReleaseHold?.userErrors.map((e) => ({ ...e, field: e.field ?? null })),
  });
  return toReleasedHolds(data.fulfillmentOrderReleaseHold);
}
