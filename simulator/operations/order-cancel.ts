// orderCancel is asynchronous: it returns a Job that completes later. Rules from
// https://shopify.dev/docs/api/admin-graphql/latest/mutations/orderCancel :
// an order can't be cancelled twice; a paid order assigned to a deactivated
// location can't be cancelled with restock; an unpaid one is cancelled without
// restocking there. Refunds: `refundMethod: { originalPaymentMethodsRefund: true }` (or the
// deprecated `refund: true`) gives back what was paid, recorded as one refund, and the order
// becomes REFUNDED; store credit isn't modelled and fails loudly. "If a payment was only
// authorized (temporarily held) but not yet charged, that hold will be automatically released when
// the order is cancelled, even if you choose not to refund": an AUTHORIZED order becomes VOIDED.
// The staff note is "for internal documentation" of the cancellation: it is
// Order.cancellation.staffNote (https://shopify.dev/docs/api/admin-graphql/latest/objects/OrderCancellation),
// and the order's own `note` is left alone.
// The job can fail after the mutation answered: OrderCancelJobResult (2026-10) reports
// `status: FAILED` and `errors`, and the order stays as it was
// (https://shopify.dev/docs/api/admin-graphql/latest/objects/OrderCancelJobResult). The docs don't
// say why a job fails; the simulator fails one only when a test asks (failOrderCancel).
import { isClosed } from "../domain/fulfillment-order-records";
import { displayFulfillmentStatus, orderTotal } from "../domain/order-status";
import { SimulatorError, type StoreState } from "../store-state";
import type { SimJob } from "../types";
import { orderInput } from "../webhook-payloads";
import { cancelForOrder } from "./fulfillment-requests";

/** Simulated processing time of the cancel job, measured on the simulator clock. */
const ORDER_CANCEL_JOB_MS = 50;

export interface OrderCancelArgs {
  orderId: string;
  reason: string;
  restock: boolean;
  notifyCustomer?: boolean | null;
  staffNote?: string | null;
  /** Deprecated in favour of refundMethod. */
  refund?: boolean | null;
  refundMethod?: { originalPaymentMethodsRefund?: boolean | null; storeCreditRefund?: unknown } | null;
}

/** Statuses with money paid that a refund gives back (the simulator has no partial amounts). */
const REFUNDABLE = new Set(["PAID", "PARTIALLY_PAID"]);

export function startOrderCancel(
  state: StoreState,
  shop: string,
  args: OrderCancelArgs,
): { userErrors: { field: string[]; message: string; code: string }[]; job: SimJob | null } {
  const order = state.node(shop, args.orderId) as ReturnType<StoreState["order"]> | null;
  if (!order)
    return { userErrors: [{ field: ["orderId"], message: "Order does not exist", code: "NOT_FOUND" }], job: null };
  if (order.cancelledAt || state.shop(shop).jobs.some((j) => !j.done && j.action.orderId === order.id)) {
    return {
      userErrors: [{ field: ["orderId"], message: "Order has already been cancelled", code: "INVALID" }],
      job: null,
    };
  }
  // "The order has no outstanding fulfillments that can't be cancelled": the
  // simulator can't cancel fulfillments, so any fulfilled item blocks cancelling.
  const status = displayFulfillmentStatus(state, order);
  if (status === "FULFILLED" || status === "PARTIALLY_FULFILLED") {
    return {
      userErrors: [
        {
          field: ["orderId"],
          message: "Cannot cancel an order with fulfilled items. Cancel the fulfillments first.",
          code: "INVALID",
        },
      ],
      job: null,
    };
  }
  const openFos = state.fulfillmentOrdersOf(order.id).filter((fo) => !isClosed(fo));
  const deactivated = openFos.some((fo) => state.location(shop, fo.locationId)?.active === false);
  if (deactivated && args.restock && order.financialStatus === "PAID") {
    return {
      userErrors: [
        { field: ["restock"], message: "Cannot restock inventory to a deactivated location.", code: "INVALID" },
      ],
      job: null,
    };
  }
  if (args.refundMethod?.storeCreditRefund) {
    throw new SimulatorError("Simulator does not implement orderCancel refundMethod.storeCreditRefund");
  }
  const now = state.nowMs();
  const job: SimJob = {
    id: state.newId("Job"),
    shop,
    createdAtMs: now,
    completesAtMs: now + ORDER_CANCEL_JOB_MS,
    done: false,
    status: "STARTED",
    errors: [],
    action: {
      kind: "orderCancel",
      orderId: order.id,
      reason: args.reason,
      restock: args.restock,
      refund: args.refundMethod?.originalPaymentMethodsRefund === true || args.refund === true,
      notifyCustomer: args.notifyCustomer ?? false,
      staffNote: args.staffNote ?? null,
    },
  };
  state.shop(shop).jobs.push(job);
  return { userErrors: [], job };
}

/** OrderCancelJobResult as Shopify answers it; `order` is resolved from the job's order id. */
export function orderCancelJobResult(state: StoreState, job: SimJob) {
  return { id: job.id, done: job.done, status: job.status, errors: job.errors, order: state.order(job.action.orderId) };
}

function completeOrderCancel(state: StoreState, job: SimJob): void {
  const order = state.order(job.action.orderId);
  const failure = state.orderCancelFailures.get(order.id);
  if (failure) {
    state.orderCancelFailures.delete(order.id);
    job.status = "FAILED";
    job.errors = [failure];
    return;
  }
  job.status = "SUCCEEDED";
  const now = state.nowIso();
  for (const fo of state.fulfillmentOrdersOf(order.id)) {
    const active = state.location(order.shop, fo.locationId)?.active !== false;
    if (!isClosed(fo)) cancelForOrder(state, fo, job.action.restock && active);
  }
  order.cancelledAt = now;
  order.cancelReason = job.action.reason;
  order.closedAt = now;
  order.updatedAt = now;
  order.cancelStaffNote = job.action.staffNote;
  if (job.action.refund && REFUNDABLE.has(order.financialStatus)) {
    order.refunds.push({ id: state.newId("Refund"), createdAt: now, amount: orderTotal(order), note: null });
    order.financialStatus = "REFUNDED";
  }
  if (order.financialStatus === "AUTHORIZED") order.financialStatus = "VOIDED";
  state.emit(order.shop, "orders/cancelled", orderInput(state, order));
  state.emit(order.shop, "orders/updated", orderInput(state, order));
}

/** Completes every job of every shop whose time has come. */
export function runDueJobs(state: StoreState): void {
  const now = state.nowMs();
  for (const shop of state.shops.values()) {
    for (const job of shop.jobs) {
      if (job.done || job.completesAtMs > now) continue;
      job.done = true;
      completeOrderCancel(state, job);
    }
  }
}
