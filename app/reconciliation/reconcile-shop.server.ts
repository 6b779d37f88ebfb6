// The reconciliation sweep. Webhooks can arrive late, twice, out of order or never; this pages
// what changed in Shopify since the shop's watermark (orders and fulfillment orders, by
// updated_at, 250 a page) and repairs whatever the ledger is missing. Each run reports what it
// saw, how much webhooks had already got right, what it repaired, and what it could not account
// for (which must be 0).
import { refreshOrder } from "~/fulfillment/refresh-order.server";
import type { ClientStats } from "~/shopify/admin/admin-client.server";
import {
  fetchFulfillmentOrdersChangedPage,
  type FulfillmentOrderListing,
} from "~/shopify/admin/fulfillment-orders-changed-since.server";
import { fetchOrdersChangedPage } from "~/shopify/admin/orders-changed-since.server";
import type { AdminGraphql } from "~/shopify/admin/run-operation.server";
import {
  advanceWatermark,
  finishRun,
  type ReconcileTrigger,
  type RunTotals,
  startRun,
  storedVersions,
  watermarkOf,
} from "./reconcile-runs.server";

const BACKFILL_DAYS = 60;
/** Overlap with the previous run, so a change stamped just before the watermark is never missed. */
const WATERMARK_OVERLAP_MS = 5 * 60_000;
/** Shopify's search index lags writes slightly; don't move the watermark past what it can show. */
const INDEX_LAG_MS = 60_000;

interface ReconcileOptions {
  trigger: ReconcileTrigger;
  now?: () => Date;
  stats?: ClientStats;
  /**
   * Of the given stale orders, those a webhook's read already waits for in the queue. The sweep
   * leaves them to that read instead of reading them a second time, and keeps its watermark
   * before them so the next sweep checks they were repaired
   * (docs/decisions/0030-sweep-defers-to-queued-reads.md).
   */
  queuedReads?: (orderIds: string[]) => Promise<Set<string>>;
}

const searchDate = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");
const notOlder = (stored: Date | undefined, listed: string) =>
  stored !== undefined && stored.getTime() >= new Date(listed).getTime();

async function listChanged(graphql: AdminGraphql, orderSearch: string, foListings: FulfillmentOrderListing[]) {
  const orders = new Map<string, string>();
  const fulfillmentOrders = new Map<string, { orderId: string; updatedAt: string }>();
  let cursor: string | null = null;
  do {
    const page = await fetchOrdersChangedPage(graphql, orderSearch, cursor);
    for (const node of page.nodes) orders.set(node.id, node.updatedAt);
    cursor = page.nextCursor;
  } while (cursor);
  for (const listing of foListings) {
    do {
      const page = await fetchFulfillmentOrdersChangedPage(graphql, listing, cursor);
      for (const node of page.nodes)
        fulfillmentOrders.set(node.id, { orderId: node.orderId, updatedAt: node.updatedAt });
      cursor = page.nextCursor;
    } while (cursor);
  }
  return { orders, fulfillmentOrders };
}

/** A backfill brings in every order placed in the window; a sweep, every order updated in it. */
function orderSearch(backfill: boolean, since: Date): string {
  return `${backfill ? "created_at" : "updated_at"}:>='${searchDate(since)}'`;
}

/**
 * FOs can be searched only by assigned_location_id, id, status and updated_at (Shopify ignores
 * `created_at` there and would return every FO the shop ever had). An FO created in the window
 * was also updated in it, so `updated_at` bounds every read; a closed FO last updated before the
 * window is outside it. A backfill also reads the FOs still open, whatever their age, so work
 * placed before the window still reaches the queue (a closed FO is never in that read).
 * https://shopify.dev/docs/api/admin-graphql/latest/queries/fulfillmentOrders#arguments-query
 */
function fulfillmentOrderListings(backfill: boolean, since: Date): FulfillmentOrderListing[] {
  const changed = { search: `updated_at:>='${searchDate(since)}'`, includeClosed: true };
  return backfill ? [changed, { search: null, includeClosed: false }] : [changed];
}

export async function reconcileShop(graphql: AdminGraphql, shop: string, options: ReconcileOptions) {
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  const backfill = options.trigger === "install" || options.trigger === "backfill";
  const watermark = backfill ? null : await watermarkOf(shop);
  const since = watermark
    ? new Date(watermark.getTime() - WATERMARK_OVERLAP_MS)
    : new Date(startedAt.getTime() - BACKFILL_DAYS * 86_400_000);
  const run = await startRun(shop, options.trigger, since);
  const callsBefore = options.stats?.calls ?? 0;
  const throttlesBefore = options.stats?.throttledRetries ?? 0;
  const totals: RunTotals = {
    ordersSeen: 0,
    objectsSeen: 0,
    alreadyCorrect: 0,
    repaired: 0,
    deferred: 0,
    unaccounted: 0,
    apiCalls: 0,
    throttledRetries: 0,
  };
  try {
    const changed = await listChanged(graphql, orderSearch(backfill, since), fulfillmentOrderListings(backfill, since));
    const orderIds = new Set([
      ...changed.orders.keys(),
      ...[...changed.fulfillmentOrders.values()].map((f) => f.orderId),
    ]);
    totals.ordersSeen = orderIds.size;
    totals.objectsSeen = changed.orders.size + changed.fulfillmentOrders.size;

    const before = await storedVersions(shop, [...changed.orders.keys()], [...changed.fulfillmentOrders.keys()]);
    const correctOrder = (id: string, v: typeof before) => notOlder(v.orders.get(id), changed.orders.get(id)!);
    const correctFo = (id: string, v: typeof before) =>
      notOlder(v.fulfillmentOrders.get(id), changed.fulfillmentOrders.get(id)!.updatedAt);

    const stale = new Set<string>();
    for (const id of changed.orders.keys()) if (!correctOrder(id, before)) stale.add(id);
    for (const [id, fo] of changed.fulfillmentOrders) if (!correctFo(id, before)) stale.add(fo.orderId);
    const queued = options.queuedReads && stale.size > 0 ? await options.queuedReads([...stale]) : new Set<string>();
    for (const orderId of stale) {
      if (!queued.has(orderId)) await refreshOrder(graphql, shop, orderId, { source: "reconcile" });
    }

    const after = await storedVersions(shop, [...changed.orders.keys()], [...changed.fulfillmentOrders.keys()]);
    // The next sweep must list what was left to a queued read again, to see that it was repaired.
    let through = startedAt.getTime() - INDEX_LAG_MS;
    const tally = (correctBefore: boolean, correctAfter: boolean, orderId: string, updatedAt: string) => {
      if (correctBefore) totals.alreadyCorrect += 1;
      else if (correctAfter) totals.repaired += 1;
      else if (queued.has(orderId)) {
        totals.deferred += 1;
        through = Math.min(through, new Date(updatedAt).getTime());
      } else totals.unaccounted += 1;
    };
    for (const [id, updatedAt] of changed.orders) {
      tally(correctOrder(id, before), correctOrder(id, after), id, updatedAt);
    }
    for (const [id, fo] of changed.fulfillmentOrders) {
      tally(correctFo(id, before), correctFo(id, after), fo.orderId, fo.updatedAt);
    }
    totals.apiCalls = (options.stats?.calls ?? 0) - callsBefore;
    totals.throttledRetries = (options.stats?.throttledRetries ?? 0) - throttlesBefore;
    await advanceWatermark(shop, new Date(through), backfill);
    return finishRun(run.id, totals, new Date(through));
  } catch (error) {
    totals.apiCalls = (options.stats?.calls ?? 0) - callsBefore;
    await finishRun(run.id, totals, startedAt, error instanceof Error ? error.message : String(error));
    throw error;
  }
}
