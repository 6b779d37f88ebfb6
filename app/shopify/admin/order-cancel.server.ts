import type { OrderCancelMutation, OrderCancelMutationVariables } from "~/types/admin.generated";
import type { OrderCancelReason } from "~/types/admin.types";
import { type AdminGraphql, runOperation } from "./run-operation.server";

// Cancels an order and puts its committed stock back (restock: true). Asynchronous: Shopify
// answers with a Job to poll (job(id) → done).
// Refunds: stale orders are unpaid and send no refund method ("authorized payments will be
// voided regardless"); a paid pickup order may be refunded to its original payment methods with
// `refundMethod: { originalPaymentMethodsRefund: true }`, which replaces the deprecated
// `refund: Boolean` in 2026-07 and 2026-10 alike.
// https://shopify.dev/docs/api/admin-graphql/latest/mutations/orderCancel
const ORDER_CANCEL_MUTATION = `#graphql
  mutation OrderCancel(
    $orderId: ID!
    $reason: OrderCancelReason!
    $notifyCustomer: Boolean
    $staffNote: String
    $refundMethod: OrderCancelRefundMethodInput
  ) {
    orderCancel(
      orderId: $orderId
      reason: $reason
      restock: true
      notifyCustomer: $notifyCustomer
      staffNote: $staffNote
      refundMethod: $refundMethod
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

interface OrderCancelInput {
  orderId: string;
  reason: OrderCancelReason;
  notifyCustomer: boolean;
  staffNote: string | null;
  /** Refund what was paid to the original payment methods; false or absent: no refund. */
  refundToOriginalPaymentMethods?: boolean;
}

interface StartedShopifyJob {
  jobId: string | null;
  done: boolean;
}

type Payload = NonNullable<OrderCancelMutation["orderCancel"]>;

function toStartedJob(payload: Payload | null | undefined): StartedShopifyJob {
  return { jobId: payload?.job?.id ?? null, done: payload?.job?.done ?? false };
}

/** `refundMethod` is a @oneOf input: it is sent only when there is a refund to make. */
function toVariables(input: OrderCancelInput): OrderCancelMutationVariables {
  const { refundToOriginalPaymentMethods, ...rest } = input;
  return refundToOriginalPaymentMethods ? { ...rest, refundMethod: { originalPaymentMethodsRefund: true } } : rest;
}

export async function cancelOrderWithRestock(
  graphql: AdminGraphql,
  input: OrderCancelInput,
): Promise<StartedShopifyJob> {
  const { data } = await runOperation<OrderCancelMutation, OrderCancelMutationVariables>(graphql, {
    name: "OrderCancel",
    kind: "mutation",
    document: ORDER_CANCEL_MUTATION,
    variables: toVariables(input),
    userErrors: (d) => d.orderCancel?.orderCancelUserErrors.map((e) => ({ ...e, field: e.field ?? null })),
  });
  return toStartedJob(data.orderCancel);
}
