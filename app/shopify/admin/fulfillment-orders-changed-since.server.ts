import type {
  FulfillmentOrdersChangedSinceQuery,
  FulfillmentOrdersChangedSinceQueryVariables,
} from "~/types/admin.generated";
import { type AdminGraphql, runOperation } from "./run-operation.server";

// Fulfillment orders change without their order's updatedAt moving (a hold, a 3PL accepting),
// so the sweep lists them separately, 250 per page. Their search honours only
// assigned_location_id, id, status and updated_at, and ignores any other filter (so a
// `created_at:` term would page every FO the shop ever had); the sort key UPDATED_AT matches
// the updated_at filter, so a page boundary never skips a change.
// https://shopify.dev/docs/api/admin-graphql/latest/queries/fulfillmentOrders#arguments-query
// https://shopify.dev/docs/api/usage/pagination-graphql#search-performance-considerations
const FULFILLMENT_ORDERS_CHANGED_SINCE_QUERY = `#graphql
  query FulfillmentOrdersChangedSince($query: String, $includeClosed: Boolean!, $after: String) {
    fulfillmentOrders(first: 250, after: $after, query: $query, includeClosed: $includeClosed, sortKey: UPDATED_AT) {
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

interface VersionedFulfillmentOrder {
  id: string;
  orderId: string;
  updatedAt: string;
}

/** One read of the FO list: a search (null = none) and whether closed FOs are included. */
export interface FulfillmentOrderListing {
  search: string | null;
  includeClosed: boolean;
}

export async function fetchFulfillmentOrdersChangedPage(
  graphql: AdminGraphql,
  listing: FulfillmentOrderListing,
  after: string | null,
): Promise<{ nodes: VersionedFulfillmentOrder[]; nextCursor: string | null }> {
  const { data } = await runOperation<FulfillmentOrdersChangedSinceQuery, FulfillmentOrdersChangedSinceQueryVariables>(
    graphql,
    {
      name: "FulfillmentOrdersChangedSince",
      kind: "query",
      document: FULFILLMENT_ORDERS_CHANGED_SINCE_QUERY,
      variables: { query: listing.search, includeClosed: listing.includeClosed, after },
    },
  );
  const page = data.fulfillmentOrders;
  return {
    nodes: page.nodes.map((n) => ({ id: n.id, orderId: n.orderId, updatedAt: n.updatedAt })),
    nextCursor: page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null,
  };
}
