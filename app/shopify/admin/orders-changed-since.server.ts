import type { OrdersChangedSinceQuery, OrdersChangedSinceQueryVariables } from "~/types/admin.generated";
import { type AdminGraphql, runOperation } from "./run-operation.server";

// The reconciliation sweep's cheap listing: ids and versions only, 250 per page (Shopify's
// maximum page size), sorted by updatedAt so a page boundary never skips a change.
const ORDERS_CHANGED_SINCE_QUERY = `#graphql
  query OrdersChangedSince($query: String!, $after: String) {
    orders(first: 250, after: $after, query: $query, sortKey: UPDATED_AT) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        updatedAt
      }
    }
  }
` as const;

interface VersionedId {
  id: string;
  updatedAt: string;
}

export async function fetchOrdersChangedPage(
  graphql: AdminGraphql,
  search: string,
  after: string | null,
): Promise<{ nodes: VersionedId[]; nextCursor: string | null }> {
  const { data } = await runOperation<OrdersChangedSinceQuery, OrdersChangedSinceQueryVariables>(graphql, {
    name: "OrdersChangedSince",
    kind: "query",
    document: ORDERS_CHANGED_SINCE_QUERY,
    variables: { query: search, after },
  });
  const page = data.orders;
  return {
    nodes: page.nodes.map((n) => ({ id: n.id, updatedAt: n.updatedAt })),
    nextCursor: page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null,
  };
}
