import type { FulfillmentOrderLineSnapshot } from "~/fulfillment/ledger-types";
import type {
  FulfillmentOrderLineItemsPageQuery,
  FulfillmentOrderLineItemsPageQueryVariables,
} from "~/types/admin.generated";
import { toLineSnapshot } from "./order-fulfillment-state.server";
import { type AdminGraphql, runOperation } from "./run-operation.server";

// The rest of an FO's line items, for the rare FO with more than OrderFulfillmentState's first page.
// Same line selection (toLineSnapshot): 3 points a line, 302 requested for a page of 100.
const FULFILLMENT_ORDER_LINE_ITEMS_PAGE_QUERY = `#graphql
  query FulfillmentOrderLineItemsPage($id: ID!, $after: String) {
    fulfillmentOrder(id: $id) {
      lineItems(first: 100, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          sku
          productTitle
          totalQuantity
          remainingQuantity
          lineItem {
            id
            vendor
            product {
              tags
            }
            variant {
              id
            }
          }
        }
      }
    }
  }
` as const;

export async function fetchFulfillmentOrderLineItemsPage(
  graphql: AdminGraphql,
  fulfillmentOrderId: string,
  after: string,
): Promise<{ lineItems: FulfillmentOrderLineSnapshot[]; nextCursor: string | null }> {
  const { data } = await runOperation<FulfillmentOrderLineItemsPageQuery, FulfillmentOrderLineItemsPageQueryVariables>(
    graphql,
    {
      name: "FulfillmentOrderLineItemsPage",
      kind: "query",
      document: FULFILLMENT_ORDER_LINE_ITEMS_PAGE_QUERY,
      variables: { id: fulfillmentOrderId, after },
    },
  );
  const page = data.fulfillmentOrder?.lineItems;
  if (!page) return { lineItems: [], nextCursor: null };
  return {
    lineItems: page.nodes.map(toLineSnapshot),
    nextCursor: page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null,
  };
}
