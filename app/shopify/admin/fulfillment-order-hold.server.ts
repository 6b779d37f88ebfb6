import type { FulfillmentHoldReason } from "~/types/admin.types";
import type { FulfillmentOrderHoldMutation, FulfillmentOrderHoldMutationVariables } from "~/types/admin.generated";
import type { LineQuantity } from "./fulfillment-order-submit-fulfillment-request.server";
import { type AdminGraphql, runOperation } from "./run-operation.server";

// Places a hold (several per FO and app, told apart by handle). Holding some of the FO's
// quantities splits them off: Shopify answers with the held FO and the remaining FO.
// https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderHold
const FULFILLMENT_ORDER_HOLD_MUTATION = `#graphql
  mutation FulfillmentOrderHold($id: ID!, $fulfillmentHold: FulfillmentOrderHoldInput!) {
    fulfillmentOrderHold(id: $id, fulfillmentHold: $fulfillmentHold) {
      fulfillmentHold {
        id
        handle
      }
      fulfillmentOrder {
        id
      }
      remainingFulfillmentOrder {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
` as const;

interface HoldFulfillmentOrderInput {
  fulfillmentOrderId: string;
  reason: string;
  reasonNotes: string | null;
  notifyMerchant: boolean;
  handle: string;
  /** Empty = the whole FO. */
  lines: readonly LineQuantity[];
}

interface PlacedHold {
  holdId: string | null;
  heldFulfillmentOrderId: string | null;
  /** The quantities that were not held, split off into a new FO; null when the whole FO is held. */
  remainingFulfillmentOrderId: string | null;
}

type Payload = NonNullable<FulfillmentOrderHoldMutation["fulfillmentOrderHold"]>;

function toPlacedHold(payload: Payload | null | undefined): PlacedHold {
  return {
    holdId: payload?.fulfillmentHold?.id ?? null,
    heldFulfillmentOrderId: payload?.fulfillmentOrder?.id ?? null,
    remainingFulfillmentOrderId: payload?.remainingFulfillmentOrder?.id ?? null,
  };
}

export async function holdFulfillmentOrder(
  graphql: AdminGraphql,
  input: HoldFulfillmentOrderInput,
): Promise<PlacedHold> {
  const { data } = await runOperation<FulfillmentOrderHoldMutation, FulfillmentOrderHoldMutationVariables>(graphql, {
    name: "FulfillmentOrderHold",
    kind: "mutation",
    document: FULFILLMENT_ORDER_HOLD_MUTATION,
    variables: {
      id: input.fulfillmentOrderId,
      fulfillmentHold: {
        reason: input.reason as FulfillmentHoldReason,
        reasonNotes: input.reasonNotes,
        notifyMerchant: input.notifyMerchant,
        handle: input.handle,
        fulfillmentOrderLineItems: input.lines.map((l) => ({ id: l.id, quantity: l.quantity })),
      },
    },
    userErrors: (d) => d.fulfillmentOrderHold?.userErrors.map((e) => ({ ...e, field: e.field ?? null })),
  });
  return toPlacedHold(data.fulfillmentOrderHold);
}
