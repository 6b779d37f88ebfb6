import type { StaleOrderCandidatesQuery, StaleOrderCandidatesQueryVariables } from "~/types/admin.generated";
import type { ReservedLine, StaleOrderSnapshot } from "~/stale-orders/policy";
import { type AdminGraphql, runOperation } from "./run-operation.server";
import { openFulfillmentOrders, policyFields } from "./stale-order-fields";

// The stale-order preview's listing: every field the policy decides on, plus the stock each
// open fulfillment order still holds at its location (remainingQuantity is what Shopify keeps
// committed there until the order is fulfilled or cancelled with restock).
// Page sizes keep one page under Shopify's 1,000-point single-query limit
// (https://shopify.dev/docs/api/usage/limits#graphql-admin-api-rate-limits): 10 orders × (3 FOs
// × 10 lines). An order with more FOs or lines than that is reported `truncated` and excluded
// rather than previewed with a wrong count.
const STALE_ORDER_CANDIDATES_QUERY = `#graphql
  query StaleOrderCandidates($query: String!, $after: String) {
    orders(first: 10, after: $after, query: $query, sortKey: CREATED_AT) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        createdAt
        cancelledAt
        closed
        displayFinancialStatus
        returnStatus
        displayFulfillmentStatus
        paymentGatewayNames
        tags
        customer {
          displayName
        }
        paymentTerms {
          overdue
        }
        fulfillmentOrders(first: 3) {
          pageInfo {
            hasNextPage
          }
          nodes {
            status
            assignedLocation {
              name
              location {
                id
                isActive
              }
            }
            lineItems(first: 10) {
              pageInfo {
                hasNextPage
              }
              nodes {
                sku
                productTitle
                remainingQuantity
              }
            }
          }
        }
      }
    }
  }
` as const;

type OrderNode = StaleOrderCandidatesQuery["orders"]["nodes"][number];

/** Fulfillment order statuses that still hold committed stock. */

function toStaleOrderSnapshot(order: OrderNode): StaleOrderSnapshot {
  const fos = openFulfillmentOrders(order.fulfillmentOrders.nodes);
  const reservedLines: ReservedLine[] = [];
  for (const fo of fos) {
    for (const li of fo.lineItems.nodes) {
      if (li.remainingQuantity <= 0) continue;
      reservedLines.push({
        sku: li.sku ?? "",
        title: li.productTitle,
        locationId: fo.assignedLocation.location?.id ?? "",
        locationName: fo.assignedLocation.name,
        quantity: li.remainingQuantity,
      });
    }
  }
  return {
    ...policyFields(order, fos),
    customer: order.customer?.displayName ?? null,
    reservedLines,
    truncated:
      order.fulfillmentOrders.pageInfo.hasNextPage ||
      order.fulfillmentOrders.nodes.some((fo) => fo.lineItems.pageInfo.hasNextPage),
  };
}

export async function fetchStaleOrderCandidatesPage(
  graphql: AdminGraphql,
  search: string,
  after: string | null,
): Promise<{ orders: StaleOrderSnapshot[]; nextCursor: string | null }> {
  const { data } = await runOperation<StaleOrderCandidatesQuery, StaleOrderCandidatesQueryVariables>(graphql, {
    name: "StaleOrderCandidates",
    kind: "query",
    document: STALE_ORDER_CANDIDATES_QUERY,
    variables: { query: search, after },
  });
  return {
    orders: data.orders.nodes.map(toStaleOrderSnapshot),
    nextCursor: data.orders.pageInfo.hasNextPage ? (data.orders.pageInfo.endCursor ?? null) : null,
  };
}
