import type { OrderCancelReadinessQuery, OrderCancelReadinessQueryVariables } from "~/types/admin.generated";
import type { StaleOrderSnapshot } from "~/stale-orders/policy";
import { type AdminGraphql, runOperation } from "./run-operation.server";
import { openFulfillmentOrders, policyFields } from "./stale-order-fields";

// Read right before cancelling one order: the state the policy decides on, without the line
// items (the preview already counted them), so the re-check stays cheap on the cost bucket.
const ORDER_CANCEL_READINESS_QUERY = `#graphql
  query OrderCancelReadiness($id: ID!) {
    order(id: $id) {
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
      paymentTerms {
        overdue
      }
      fulfillmentOrders(first: 5) {
        nodes {
          status
          assignedLocation {
            name
            location {
              id
              isActive
            }
          }
        }
      }
    }
  }
` as const;

type OrderNode = NonNullable<OrderCancelReadinessQuery["order"]>;

function toReadinessSnapshot(order: OrderNode): StaleOrderSnapshot {
  const fos = openFulfillmentOrders(order.fulfillmentOrders.nodes);
  return { ...policyFields(order, fos), customer: null, reservedLines: null, truncated: false };
}

/** The order as it stands now, or null when Shopify no longer knows it (deleted). */
export async function readOrderCancelReadiness(
  graphql: AdminGraphql,
  orderId: string,
): Promise<StaleOrderSnapshot | null> {
  const { data } = await runOperation<OrderCancelReadinessQuery, OrderCancelReadinessQueryVariables>(graphql, {
    name: "OrderCancelReadiness",
    kind: "query",
    document: ORDER_CANCEL_READINESS_QUERY,
    variables: { id: orderId },
  });
  return data.order ? toReadinessSnapshot(data.order) : null;
}
