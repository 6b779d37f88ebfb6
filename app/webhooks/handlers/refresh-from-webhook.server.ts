// orders/*, fulfillment_orders/* and fulfillment_holds/*: bring the affected orders' ledger rows up
// to Shopify's state. The payload says which orders to look at, and for a few topics it states the
// whole effect of its event; everything else is read from Shopify, once per order per burst
// (docs/decisions/0028-coalesced-order-reads.md).
import { prisma } from "~/db.server";
import { findOrderIdOfFulfillmentOrder, findStoredOrderVersion } from "~/fulfillment/ledger.server";
import { refreshOrder } from "~/fulfillment/refresh-order.server";
import type { JobQueue } from "~/jobs/job-queue";
import { fetchFulfillmentOrderOwner } from "~/shopify/admin/fulfillment-order-owner.server";
import type { AdminGraphql } from "~/shopify/admin/run-operation.server";
import type { RefreshTargets, StatedFulfillmentOrderState } from "../payload-targets";
import { enqueueOrderRead } from "./order-read-job.server";

type RefreshOutcome = { status: "processed" } | { status: "ignored"; reason: string };

interface RefreshOptions {
  /**
   * Read at once instead of queueing the order's coalesced read: the delivery carries something
   * only it can give (lineage hints, the prepared-for-pickup mark) that must land with the read.
   */
  inline: boolean;
}

async function ordersToRefresh(graphql: AdminGraphql, shop: string, targets: RefreshTargets): Promise<string[]> {
  const orderIds = new Set(targets.orderIds);
  for (const foId of targets.fulfillmentOrderIds) {
    const known = await findOrderIdOfFulfillmentOrder(shop, foId);
    const orderId = known ?? (await fetchFulfillmentOrderOwner(graphql, foId));
    if (orderId) orderIds.add(orderId);
  }
  return [...orderIds];
}

/** The ledger already shows every FO the payload states, as the payload states it. */
async function ledgerHolds(shop: string, stated: StatedFulfillmentOrderState[]): Promise<boolean> {
  if (stated.length === 0) return false;
  const rows = await prisma.fulfillmentOrder.findMany({
    where: { shop, shopifyId: { in: stated.map((s) => s.id) } },
    select: { shopifyId: true, status: true, requestStatus: true },
  });
  const byId = new Map(rows.map((row) => [row.shopifyId, row]));
  return stated.every((s) => {
    const row = byId.get(s.id);
    return row !== undefined && row.status === s.status && row.requestStatus === s.requestStatus;
  });
}

export async function refreshFromWebhook(
  graphql: AdminGraphql,
  queue: Pick<JobQueue, "enqueue">,
  shop: string,
  targets: RefreshTargets,
  options: RefreshOptions,
): Promise<RefreshOutcome> {
  // Out of order: the ledger already holds a newer version of this order than the payload
  // describes, so this delivery has nothing to add (https://shopify.dev/docs/apps/build/webhooks/best-practices#ordering-event-data).
  // Strictly older only: updated_at has one-second resolution, so two changes can share it, and the
  // sweep judges "already correct" by that same version, so a same-second change skipped here
  // would never be repaired. An equal version is read — coalesced with the order's other deliveries.
  if (targets.orderUpdatedAt && targets.orderIds.length === 1) {
    const stored = await findStoredOrderVersion(shop, targets.orderIds[0]!);
    if (stored && new Date(targets.orderUpdatedAt).getTime() < stored.getTime()) {
      return { status: "ignored", reason: "older_than_ledger" };
    }
  }
  // The payload states its event's whole effect and the ledger already shows it (our own request,
  // re-synced after the mutation, comes back as fulfillment_request_submitted): nothing to read.
  if (await ledgerHolds(shop, targets.statedStates)) return { status: "ignored", reason: "already_in_ledger" };

  const orderIds = await ordersToRefresh(graphql, shop, targets);
  if (orderIds.length === 0) return { status: "ignored", reason: "no_such_order" };
  if (!options.inline) {
    // A read of the order already queued and not started yet is shared: it will see this change.
    for (const orderId of orderIds) await enqueueOrderRead(queue, shop, orderId);
    return { status: "processed" };
  }
  let missing = 0;
  for (const orderId of orderIds) {
    const result = await refreshOrder(graphql, shop, orderId, { source: "webhook", lineage: targets.lineage });
    if (result.kind === "missing") missing += 1;
  }
  return missing === orderIds.length ? { status: "ignored", reason: "no_such_order" } : { status: "processed" };
}
