// What the stale-order policy reads of an order, mapped once for both queries that select it
// (StaleOrderCandidates for the preview, OrderCancelReadiness for the re-check). Pure.
import type { StaleOrderSnapshot } from "~/stale-orders/policy";

/** Fulfillment orders whose stock is still committed. */
const OPEN_FO_STATUSES = new Set(["OPEN", "SCHEDULED", "ON_HOLD", "IN_PROGRESS"]);

interface PolicyOrderNode {
  id: string;
  name: string;
  createdAt: string;
  cancelledAt?: string | null;
  closed: boolean;
  displayFinancialStatus?: string | null;
  displayFulfillmentStatus: string;
  paymentGatewayNames: readonly string[];
  tags: readonly string[];
  paymentTerms?: { overdue: boolean } | null;
  returnStatus: string;
}

interface OpenFulfillmentOrderNode {
  status: string;
  assignedLocation: { name: string; location?: { id: string; isActive: boolean } | null };
}

export function openFulfillmentOrders<F extends OpenFulfillmentOrderNode>(nodes: readonly F[]): F[] {
  return nodes.filter((fo) => OPEN_FO_STATUSES.has(fo.status));
}

/** Every snapshot field but customer, reserved lines and truncation, which differ per query. */
export function policyFields(
  order: PolicyOrderNode,
  openFos: readonly OpenFulfillmentOrderNode[],
): Omit<StaleOrderSnapshot, "customer" | "reservedLines" | "truncated"> {
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
    paymentTerms: order.paymentTerms ? { overdue: order.paymentTerms.overdue } : null,
    // NO_RETURN means none; anything else is a return the policy weighs.
    returnStatus: order.returnStatus === "NO_RETURN" ? null : order.returnStatus,
    locations: openFos.map((fo) => ({
      id: fo.assignedLocation.location?.id ?? "",
      name: fo.assignedLocation.name,
      isActive: fo.assignedLocation.location?.isActive ?? false,
    })),
  };
}
