// Webhooks are triggers: this re-reads an order's authoritative fulfillment state from
// Shopify (one query per order for all its FOs) and writes it to the ledger.
import { fetchFulfillmentOrderLineItemsPage } from "~/shopify/admin/fulfillment-order-line-items-page.server";
import {
  fetchOrderFulfillmentStatePage,
  toFulfillmentOrderSnapshot,
  toOrderSnapshot,
} from "~/shopify/admin/order-fulfillment-state.server";
import type { AdminGraphql } from "~/shopify/admin/run-operation.server";
import { type ApplyContext, type ApplyResult, applyOrderSnapshot } from "./ledger.server";
import type { FulfillmentOrderSnapshot, OrderSnapshot } from "./ledger-types";

type RefreshResult = { kind: "refreshed"; result: ApplyResult; snapshot: OrderSnapshot } | { kind: "missing" };

/** Shopify's current state of one order with every FO, or null when the order doesn't exist. */
export async function fetchOrderSnapshot(graphql: AdminGraphql, orderId: string): Promise<OrderSnapshot | null> {
  let page = await fetchOrderFulfillmentStatePage(graphql, orderId);
  if (!page) return null;
  const order = page.order;
  const nodes = [...page.fulfillmentOrders];
  while (page?.nextCursor) {
    page = await fetchOrderFulfillmentStatePage(graphql, orderId, page.nextCursor);
    nodes.push(...(page?.fulfillmentOrders ?? []));
  }
  const fulfillmentOrders: FulfillmentOrderSnapshot[] = [];
  for (const node of nodes) {
    const snapshot = toFulfillmentOrderSnapshot(node, order.shippingAddress ?? null);
    let cursor = node.lineItems.pageInfo.hasNextPage ? (node.lineItems.pageInfo.endCursor ?? null) : null;
    while (cursor) {
      const more = await fetchFulfillmentOrderLineItemsPage(graphql, node.id, cursor);
      snapshot.lineItems.push(...more.lineItems);
      cursor = more.nextCursor;
    }
    fulfillmentOrders.push(snapshot);
  }
  return toOrderSnapshot(order, fulfillmentOrders);
}

export async function refreshOrder(
  graphql: AdminGraphql,
  shop: string,
  orderId: string,
  context: ApplyContext,
): Promise<RefreshResult> {
  const snapshot = await fetchOrderSnapshot(graphql, orderId);
  if (!snapshot) return { kind: "missing" };
  return { kind: "refreshed", result: await applyOrderSnapshot(shop, snapshot, context), snapshot };
}
