import type { FulfillmentCreateMutation, FulfillmentCreateMutationVariables } from "~/types/admin.generated";
import type { LineQuantity } from "./fulfillment-order-submit-fulfillment-request.server";
import { type AdminGraphql, runOperation } from "./run-operation.server";

// Creates a fulfillment for one FO (all remaining or given quantities), with tracking. Used to
// ship merchant-managed FOs and to mark local-pickup FOs picked up. Since 2024-10 an app can't
// fulfil FOs assigned to another fulfillment service.
// https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentCreate
const FULFILLMENT_CREATE_MUTATION = `#graphql
  mutation FulfillmentCreate($fulfillment: FulfillmentInput!) {
    fulfillmentCreate(fulfillment: $fulfillment) {
      fulfillment {
        id
        status
        fulfillmentOrders(first: 5) {
          nodes {
            id
          }
        }
      }
      userErrors {
        field
        message
      }
    }
  }
` as const;

interface TrackingInfo {
  company: string | null;
  number: string | null;
  url: string | null;
}

interface CreateFulfillmentInput {
  fulfillmentOrderId: string;
  /** Empty = every remaining quantity. */
  lines: readonly LineQuantity[];
  tracking: TrackingInfo | null;
  notifyCustomer: boolean;
}

interface CreatedFulfillment {
  fulfillmentId: string | null;
  fulfillmentOrderIds: string[];
}

type Payload = NonNullable<FulfillmentCreateMutation["fulfillmentCreate"]>;

function toCreatedFulfillment(payload: Payload | null | undefined): CreatedFulfillment {
  return {
    fulfillmentId: payload?.fulfillment?.id ?? null,
    fulfillmentOrderIds: payload?.fulfillment?.fulfillmentOrders.nodes.map((fo) => fo.id) ?? [],
  };
}

export async function createFulfillment(
  graphql: AdminGraphql,
  input: CreateFulfillmentInput,
): Promise<CreatedFulfillment> {
  const t = input.tracking;
  const { data } = await runOperation<FulfillmentCreateMutation, FulfillmentCreateMutationVariables>(graphql, {
    name: "FulfillmentCreate",
    kind: "mutation",
    document: FULFILLMENT_CREATE_MUTATION,
    variables: {
      fulfillment: {
        lineItemsByFulfillmentOrder: [
          {
            fulfillmentOrderId: input.fulfillmentOrderId,
            ...(input.lines.length
              ? { fulfillmentOrderLineItems: input.lines.map((l) => ({ id: l.id, quantity: l.quantity })) }
              : {}),
          },
        ],
        notifyCustomer: input.notifyCustomer,
        ...(t && (t.company || t.number || t.url)
          ? { trackingInfo: { company: t.company, number: t.number, url: t.url } }
          : {}),
      },
    },
    userErrors: (d) => d.fulfillmentCreate?.userErrors.map((e) => ({ ...e, field: e.field ?? null })),
  });
  return toCreatedFulfillment(data.fulfillmentCreate);
}
