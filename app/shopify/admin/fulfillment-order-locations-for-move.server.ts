import type {
  FulfillmentOrderLocationsForMoveQuery,
  FulfillmentOrderLocationsForMoveQueryVariables,
} from "~/types/admin.generated";
import { type AdminGraphql, runOperation } from "./run-operation.server";

// The locations an FO could move to, each with whether it can and, if not, Shopify's reason.
// https://shopify.dev/docs/api/admin-graphql/latest/objects/FulfillmentOrder#field-FulfillmentOrder.fields.locationsForMove
const FULFILLMENT_ORDER_LOCATIONS_FOR_MOVE_QUERY = `#graphql
  query FulfillmentOrderLocationsForMove($id: ID!) {
    fulfillmentOrder(id: $id) {
      id
      locationsForMove(first: 50) {
        nodes {
          movable
          message
          location {
            id
            name
          }
        }
      }
    }
  }
` as const;

export interface LocationForMove {
  locationId: string;
  name: string;
  movable: boolean;
  /** Shopify's reason when the FO can't move there. */
  message: string | null;
}

type FulfillmentOrderNode = NonNullable<FulfillmentOrderLocationsForMoveQuery["fulfillmentOrder"]>;

function toLocationsForMove(fo: FulfillmentOrderNode | null | undefined): LocationForMove[] {
  return (fo?.locationsForMove.nodes ?? []).map((n) => ({
    locationId: n.location.id,
    name: n.location.name,
    movable: n.movable,
    message: n.message ?? null,
  }));
}

/** Null when Shopify has no such FO. */
export async function fetchLocationsForMove(
  graphql: AdminGraphql,
  fulfillmentOrderId: string,
): Promise<LocationForMove[] | null> {
  const { data } = await runOperation<
    FulfillmentOrderLocationsForMoveQuery,
    FulfillmentOrderLocationsForMoveQueryVariables
  >(graphql, {
    name: "FulfillmentOrderLocationsForMove",
    kind: "query",
    document: FULFILLMENT_ORDER_LOCATIONS_FOR_MOVE_QUERY,
    variables: { id: fulfillmentOrderId },
  });
  return data.fulfillmentOrder ? toLocationsForMove(data.fulfillmentOrder) : null;
}
