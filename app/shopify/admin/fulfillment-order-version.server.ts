import type { FulfillmentOrderVersionQuery, FulfillmentOrderVersionQueryVariables } from "~/types/admin.generated";
import { type AdminGraphql, runOperation } from "./run-operation.server";

// The FO's current version, read right before a merchant action or automation mutates it: webhooks can lag
// behind Shopify. updatedAt has second resolution, so the fields the action gate depends on
// (status, request status, holds, location) come along too: a change within the same second
// still shows. A few query points.
// https://shopify.dev/docs/api/admin-graphql/latest/queries/fulfillmentOrder
const FULFILLMENT_ORDER_VERSION_QUERY = `#graphql
  query FulfillmentOrderVersion($id: ID!) {
    fulfillmentOrder(id: $id) {
      id
      orderId
      updatedAt
      status
      requestStatus
      supportedActions {
        action
      }
      fulfillmentHolds {
        id
      }
      assignedLocation {
        location {
          id
        }
      }
    }
  }
` as const;

export interface FulfillmentOrderVersion {
  id: string;
  orderId: string;
  updatedAt: string;
  status: string;
  requestStatus: string;
  /** FulfillmentOrderAction values Shopify allows now (automation checks REQUEST_FULFILLMENT before sending). */
  supportedActions: string[];
  holdIds: string[];
  locationId: string | null;
}

type FulfillmentOrderNode = NonNullable<FulfillmentOrderVersionQuery["fulfillmentOrder"]>;

function toFulfillmentOrderVersion(fo: FulfillmentOrderNode): FulfillmentOrderVersion {
  return {
    id: fo.id,
    orderId: fo.orderId,
    updatedAt: fo.updatedAt,
    status: fo.status,
    requestStatus: fo.requestStatus,
    supportedActions: fo.supportedActions.map((a) => a.action),
    holdIds: fo.fulfillmentHolds.map((h) => h.id),
    locationId: fo.assignedLocation.location?.id ?? null,
  };
}

/** Null when Shopify has no such FO (or it belongs to another shop). */
export async function fetchFulfillmentOrderVersion(
  graphql: AdminGraphql,
  fulfillmentOrderId: string,
): Promise<FulfillmentOrderVersion | null> {
  const { data } = await runOperation<FulfillmentOrderVersionQuery, FulfillmentOrderVersionQueryVariables>(graphql, {
    name: "FulfillmentOrderVersion",
    kind: "query",
    document: FULFILLMENT_ORDER_VERSION_QUERY,
    variables: { id: fulfillmentOrderId },
  });
  return data.fulfillmentOrder ? toFulfillmentOrderVersion(data.fulfillmentOrder) : null;
}
