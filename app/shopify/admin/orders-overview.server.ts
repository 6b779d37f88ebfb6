import type { OrdersOverviewQuery, OrdersOverviewQueryVariables } from "~/types/admin.generated";
import { type AdminGraphql, runOperation } from "./run-operation.server";

// The home screen's first look at a shop: recent orders with their fulfillment orders,
// newest first, one page at a time. Requested cost: 2 + 25 × (4 + 2 + 5 × 4) = 652 points;
// Shopify refuses a single query above 1,000 (https://shopify.dev/docs/api/usage/limits#graphql-admin-api-rate-limits).
export const ORDERS_OVERVIEW_QUERY = `#graphql
  query OrdersOverview($first: Int!, $after: String, $query: String) {
    orders(first: $first, after: $after, query: $query, sortKey: CREATED_AT, reverse: true) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        createdAt
        displayFinancialStatus
        displayFulfillmentStatus
        customer {
          displayName
        }
        totalPriceSet {
          shopMoney {
            amount
            currencyCode
          }
        }
        fulfillmentOrders(first: 5) {
          nodes {
            id
            status
            requestStatus
            deliveryMethod {
              methodType
            }
            assignedLocation {
              name
            }
            fulfillmentHolds {
              reason
            }
          }
        }
      }
    }
  }
` as const;

export interface OrderOverview {
  id: string;
  name: string;
  createdAt: string;
  financialStatus: string | null;
  fulfillmentStatus: string;
  customerName: string | null;
  total: { amount: string; currencyCode: string };
  fulfillmentOrders: {
    id: string;
    status: string;
    requestStatus: string;
    deliveryMethod: string | null;
    locationName: string;
    holdReasons: string[];
  }[];
}

export interface OrdersOverviewPage {
  orders: OrderOverview[];
  nextCursor: string | null;
}

export function toOrdersOverviewPage(data: OrdersOverviewQuery): OrdersOverviewPage {
  return {
    nextCursor: data.orders.pageInfo.hasNextPage ? (data.orders.pageInfo.endCursor ?? null) : null,
    orders: data.orders.nodes.map((order) => ({
      id: order.id,
      name: order.name,
      createdAt: order.createdAt,
      financialStatus: order.displayFinancialStatus ?? null,
      fulfillmentStatus: order.displayFulfillmentStatus,
      customerName: order.customer?.displayName ?? null,
      total: order.totalPriceSet.shopMoney,
      fulfillmentOrders: order.fulfillmentOrders.nodes.map((fo) => ({
        id: fo.id,
        status: fo.status,
        requestStatus: fo.requestStatus,
        deliveryMethod: fo.deliveryMethod?.methodType ?? null,
        locationName: fo.assignedLocation.name,
        holdReasons: fo.fulfillmentHolds.map((h) => h.reason),
      })),
    })),
  };
}

export async function fetchOrdersOverview(
  graphql: AdminGraphql,
  input: { first?: number; after?: string | null; query?: string | null } = {},
): Promise<OrdersOverviewPage> {
  const { data } = await runOperation<OrdersOverviewQuery, OrdersOverviewQueryVariables>(graphql, {
    name: "OrdersOverview",
    kind: "query",
    document: ORDERS_OVERVIEW_QUERY,
    variables: { first: input.first ?? 25, after: input.after ?? null, query: input.query ?? null },
  });
  return toOrdersOverviewPage(data);
}
