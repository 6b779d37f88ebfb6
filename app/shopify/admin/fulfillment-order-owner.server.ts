import type { FulfillmentOrderOwnerQuery, FulfillmentOrderOwnerQueryVariables } from "~/types/admin.generated";
import { type AdminGraphql, runOperation } from "./run-operation.server";

// fulfillment_orders/* payloads name only the FO; this finds its order when the ledger
// has never seen the FO (e.g. order_routing_complete before orders/create is processed).
const FULFILLMENT_ORDER_OWNER_QUERY = `#graphql
  query FulfillmentOrderOwner($id: ID!) {
    fulfillmentOrder(id: $id) {
      id
      orderId
    }
  }
` as const;

export async function fetchFulfillmentOrderOwner(
  graphql: AdminGraphql,
  fulfillmentOrderId: string,
): Promise<string | null> {
  const { data } = await runOperation<FulfillmentOrderOwnerQuery, FulfillmentOrderOwnerQueryVariables>(graphql, {
    name: "FulfillmentOrderOwner",
    kind: "query",
    document: FULFILLMENT_ORDER_OWNER_QUERY,
    variables: { id: fulfillmentOrderId },
  });
  return data.fulfillmentOrder?.orderId ?? null;
}
