import type { OrderCancelMutation, OrderCancelMutationVariables } from "~/types/admin.generated";
import type { OrderCancelReason } from "~/types/admin.types";
import { type AdminGraphql, runOperation } from "./run-operation.server";

// Cancels an order and puts its committed stock back (restock: true). Asynchronous: Shopify
// answers with a Job to poll (job(id) → done). No refund arguments: the orders we cancel are
// unpaid, and "authorized payments will be voided regardless".
// https://shopify.dev/docs/api/admin-graphql/latest/mutations/orderCancel
export const ORDER_CANCEL_MUTATION = `#graphql
  mutation OrderCancel(
    $orderId: ID!
    $reason: OrderCancelReason!
    $notifyCustomer: Boolean
    $staffNote: String
  ) {
    orderCancel(
      orderId: $orderId
      reason: $reason
      restock: true
      notifyCustomer: $notifyCustomer
      staffNote: $staffNote
    ) {
      job {
        id
        done
      }
      orderCancelUserErrors {
        field
        message
        code
      }
    }
  }
` as const;

export interface OrderCancelInput {
  orderId: string;
  reason: OrderCancelReason;
  notifyCustomer: boolean;
  staffNote: string | null;
}

export interface StartedShopifyJob {
  jobId: string | null;
  done: boolean;
}

type Payload = NonNullable<OrderCancelMutation["orderCancel"]>;

export function toStartedJob(payload: Payload | null | undefined): StartedShopifyJob {
  return { jobId: payload?.job?.id ?? null, done: payload?.job?.done ?? false };
}

export async function cancelOrderWithRestock(
  graphql: AdminGraphql,
  input: OrderCancelInput,
): Promise<StartedShopifyJob> {
  const { data } = await runOperation<OrderCancelMutation, OrderCancelMutationVariables>(graphql, {
    name: "OrderCancel",
    kind: "mutation",
    document: ORDER_CANCEL_MUTATION,
    variables: { ...input },
    userErrors: (d) => d.orderCancel?.orderCancelUserErrors.map((e) => ({ ...e, field: e.field ?? null })),
  });
  return toStartedJob(data.orderCancel);
}
