import type { OrderCancelReadinessQuery, OrderCancelReadinessQueryVariables } from "~/types/admin.generated";
import type { StaleOrderSnapshot } from "~/stale-orders/policy";
import { type AdminGraphql, runOperation } from "./run-operation.server";

// Read right before cancelling one order: the state the policy decides on, without the line
// items (the preview already counted them), so the re-check stays cheap on the cost bucket.
export const ORDER_CANCEL_READINESS_QUERY = `#graphql
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

const OPEN_FO_STATUSES = new Set(["OPEN", "SCHEDULED", "ON_HOLD", "IN_PROGRESS"]);

export function toReadinessSnapshot(order: OrderNode): StaleOrderSnapshot {
  const fos = order.fulfillmentOrders.nodes.filter((fo) => OPEN_FO_STATUSES.has(fo.status));
  return {
    id: order.id,
    name: order.name,
    createdAt: order.createdAt,
    cancelled: order.cancelledAt !== null && order.cancelledAt !== undefined,
    closed: order.closed,
    financialStatus: order.displayFinancialStatus ?? null,
    fulfillmentStatus: order.displayFulfillmentStatus,
    gateways: [...order.paymentGatewayNames],
    tags: [...order.tags],
    customer: null,
    paymentTerms: order.paymentTerms ? { overdue: order.paymentTerms.overdue } : null,
    // NO_RETURN means none; anything else is a return the policy weighs.
    returnStatus: order.returnStatus === "NO_RETURN" ? null : order.returnStatus,
    locations: fos.map((fo) => ({
      id: fo.assignedLocation.location?.id ?? "",
      name: fo.assignedLocation.name,
      isActive: fo.assignedLocation.location?.isActive ?? false,
    })),
    reservedLines: null,
    truncated: false,
  };
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
