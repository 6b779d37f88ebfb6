// orders/*, fulfillment_orders/* and fulfillment_holds/*: re-read the affected orders from
// Shopify and write them to the ledger. The payload only says which orders to look at.
import { findOrderIdOfFulfillmentOrder, findStoredOrderVersion } from "~/fulfillment/ledger.server";
import { refreshOrder } from "~/fulfillment/refresh-order.server";
import { fetchFulfillmentOrderOwner } from "~/shopify/admin/fulfillment-order-owner.server";
import type { AdminGraphql } from "~/shopify/admin/run-operation.server";
import type { RefreshTargets } from "../payload-targets";

type RefreshOutcome = { status: "processed" } | { status: "ignored"; reason: string };

async function ordersToRefresh(graphql: AdminGraphql, shop: string, targets: RefreshTargets): Promise<string[]> {
  const orderIds = new Set(targets.orderIds);
  for (const foId of targets.fulfillmentOrderIds) {
    const known = await findOrderIdOfFulfillmentOrder(shop, foId);
    const orderId = known ?? (await fetchFulfillmentOrderOwner(graphql, foId));
    if (orderId) orderIds.add(orderId);
  }
  return [...orderIds];
}

export async function refreshFromWebhook(
  graphql: AdminGraphql,
  shop: string,
  targets: RefreshTargets,
): Promise<RefreshOutcome> {
  // Out of order: the ledger already holds a newer version of this order than the payload
  // describes, so this delivery has nothing to add (https://shopify.dev/docs/apps/build/webhooks/best-practices#ordering-event-data).
  // Strictly older only: updated_at has one-second resolution, so two changes can share it.
  if (targets.orderUpdatedAt && targets.orderIds.length === 1) {
    const stored = await findStoredOrderVersion(shop, targets.orderIds[0]!);
    if (stored && new Date(targets.orderUpdatedAt).getTime() < stored.getTime()) {
      return { status: "ignored", reason: "older_than_ledger" };
    }
  }
  const orderIds = await ordersToRefresh(graphql, shop, targets);
  if (orderIds.length === 0) return { status: "ignored", reason: "no_such_order" };
  let missing = 0;
  for (const orderId of orderIds) {
    const result = await refreshOrder(graphql, shop, orderId, { source: "webhook", lineage: targets.lineage });
    if (result.kind === "missing") missing += 1;
  }
  return missing === orderIds.length ? { status: "ignored", reason: "no_such_order" } : { status: "processed" };
}
