import type {
  FulfillmentOrdersChangedSinceQuery,
  FulfillmentOrdersChangedSinceQueryVariables,
} from "~/types/admin.generated";
import { type AdminGraphql, runOperation } from "./run-operation.server";

// Fulfillment orders change without their order's updatedAt moving (a hold, a 3PL accepting),
// so the sweep lists them separately, closed ones included, 250 per page.
export const FULFILLMENT_ORDERS_CHANGED_SINCE_QUERY = `#graphql
  query FulfillmentOrdersChangedSince($query: String!, $after: String) {
    fulfillmentOrders(first: 250, after: $after, query: $query, includeClosed: true, sortKey: UPDATED_AT) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        orderId
        updatedAt
      }
    }
  }
` as const;

export interface VersionedFulfillmentOrder {
  id: string;
  orderId: string;
  updatedAt: string;
}

export async function fetchFulfillmentOrdersChangedPage(
  graphql: AdminGraphql,
  search: string,
  after: string | null,
): Promise<{ nodes: VersionedFulfillmentOrder[]; nextCursor: string | null }> {
  const { data } = await runOperation<FulfillmentOrdersChangedSinceQuery, FulfillmentOrdersChangedSinceQueryVariables>(
    graphql,
    {
      name: "FulfillmentOrdersChangedSince",
      kind: "query",
      document: FULFILLMENT_ORDERS_CHANGED_SINCE_QUERY,
      variables: { query: search, after },
    },
  );
  const page = data.fulfillmentOrders;
  return {
    nodes: page.nodes.map((n) => ({ id: n.id, orderId: n.orderId, updatedAt: n.updatedAt })),
    nextCursor: page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null,
  };
}
