import type {
  FulfillmentOrderRequestStateQuery,
  FulfillmentOrderRequestStateQueryVariables,
} from "~/types/admin.generated";
import { type AdminGraphql, runOperation } from "./run-operation.server";

// What automation reads right before it sends a request or a hold: the FO's version, status,
// request status and the actions Shopify allows. No holds or location: an FO with a hold is
// ON_HOLD (https://shopify.dev/docs/api/admin-graphql/latest/enums/FulfillmentOrderStatus), and
// the version tells any other change apart. The cheapest read that still proves the ledger
// current, at flash-sale volume (docs/benchmarks.md#benchautomation).
// https://shopify.dev/docs/api/admin-graphql/latest/queries/fulfillmentOrder
const FULFILLMENT_ORDER_REQUEST_STATE_QUERY = `#graphql
  query FulfillmentOrderRequestState($id: ID!) {
    fulfillmentOrder(id: $id) {
      id
      updatedAt
      status
      requestStatus
      supportedActions {
        action
      }
    }
  }
` as const;

interface FulfillmentOrderRequestState {
  id: string;
  updatedAt: string;
  status: string;
  requestStatus: string;
  supportedActions: string[];
}

/** Null when Shopify has no such FO. */
export async function fetchFulfillmentOrderRequestState(
  graphql: AdminGraphql,
  fulfillmentOrderId: string,
): Promise<FulfillmentOrderRequestState | null> {
  const { data } = await runOperation<FulfillmentOrderRequestStateQuery, FulfillmentOrderRequestStateQueryVariables>(
    graphql,
    {
      name: "FulfillmentOrderRequestState",
      kind: "query",
      document: FULFILLMENT_ORDER_REQUEST_STATE_QUERY,
      variables: { id: fulfillmentOrderId },
    },
  );
  const fo = data.fulfillmentOrder;
  if (!fo) return null;
  return {
    id: fo.id,
    updatedAt: fo.updatedAt,
    status: fo.status,
    requestStatus: fo.requestStatus,
    supportedActions: fo.supportedActions.map((a) => a.action),
  };
}
