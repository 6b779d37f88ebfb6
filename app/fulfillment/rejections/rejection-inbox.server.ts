// The rejection inbox's loader: the FOs the worklist's "Returned by 3PL" tab selects (the 3PL
// rejected the request, or closed the FO unfinished), read from the ledger, with the lines the
// 3PL named read from Shopify, grouped by cause.
import { prisma } from "~/db.server";
import { matchesTab, TAB_SPECS } from "~/fulfillment/worklist/tabs";
import { AdminGraphqlError, AdminThrottledError, AdminTransportError } from "~/shopify/admin/errors";
import { fetchLineWarnings } from "~/shopify/admin/fulfillment-order-line-warnings.server";
import type { AdminGraphql } from "~/shopify/admin/run-operation.server";
import { groupRejections, type RejectedFulfillmentOrder, type RejectionGroup } from "./grouping";

/** The inbox shows this many FOs at most, oldest first; it says when there are more. */
const INBOX_LIMIT = 100;

const SPEC = TAB_SPECS.rejected;

export interface RejectionInboxView {
  groups: RejectionGroup[];
  total: number;
  /** More FOs wait than the inbox shows. */
  truncated: boolean;
  /** Shopify could not be asked for the line warnings this time; groups are by reason only. */
  warningsUnavailable: boolean;
  now: string;
}

/** The inbox's FOs of a shop, as the ledger has them (at most `limit`, the oldest first). */
export async function findReturnedFulfillmentOrders(shop: string, ids?: readonly string[], limit = INBOX_LIMIT) {
  const rows = await prisma.fulfillmentOrder.findMany({
    where: {
      shop,
      status: { in: [...SPEC.statuses!] },
      requestStatus: { in: [...SPEC.requestStatuses!] },
      ...(ids ? { shopifyId: { in: [...ids] } } : {}),
    },
    orderBy: [{ shopifyUpdatedAt: "asc" }, { shopifyId: "asc" }],
    take: limit + 1,
    select: {
      shopifyId: true,
      orderName: true,
      orderShopifyId: true,
      locationName: true,
      status: true,
      requestStatus: true,
      deliveryMethod: true,
      thirdParty: true,
      rejectionReason: true,
      rejectionMessage: true,
      shopifyUpdatedAt: true,
    },
  });
  // The same predicate as the tab's count, so the two never disagree.
  return rows.filter((row) => matchesTab("rejected", row));
}

type LedgerRow = Awaited<ReturnType<typeof findReturnedFulfillmentOrders>>[number];

const kindOf = (row: Pick<LedgerRow, "status">): RejectedFulfillmentOrder["kind"] =>
  row.status === "INCOMPLETE" ? "incomplete" : "rejected";

/**
 * Shopify being slow, down or throttled must not hide the inbox: it shows without the line
 * warnings. In a route, authenticate.admin's client turns Shopify's HTTP error into a thrown
 * Response with Shopify's status; only 429 and 5xx are that, a re-authentication (401, a
 * redirect) still goes through.
 */
const isShopifyUnavailable = (error: unknown) =>
  error instanceof AdminThrottledError ||
  error instanceof AdminTransportError ||
  error instanceof AdminGraphqlError ||
  (error instanceof Response && (error.status === 429 || error.status >= 500));

export async function loadRejectionInbox(graphql: AdminGraphql, shop: string): Promise<RejectionInboxView> {
  const found = await findReturnedFulfillmentOrders(shop);
  const rows = found.slice(0, INBOX_LIMIT);
  let warnings = new Map<string, RejectedFulfillmentOrder["warnings"]>();
  let warningsUnavailable = false;
  const rejected = rows.filter((row) => row.requestStatus === "REJECTED").map((row) => row.shopifyId);
  try {
    if (rejected.length > 0) warnings = await fetchLineWarnings(graphql, rejected);
  } catch (error) {
    if (!isShopifyUnavailable(error)) throw error;
    const detail = error instanceof Response ? `HTTP ${error.status}` : String(error);
    console.warn("rejection inbox: line warnings unavailable", { shop, error: detail });
    warningsUnavailable = true;
  }
  const inbox = rows.map((row): RejectedFulfillmentOrder => ({
    id: row.shopifyId,
    orderName: row.orderName,
    orderShopifyId: row.orderShopifyId,
    locationName: row.locationName,
    kind: kindOf(row),
    reason: row.rejectionReason,
    message: row.rejectionMessage,
    warnings: (warnings.get(row.shopifyId) ?? []).map(({ sku, productTitle, text }) => ({ sku, productTitle, text })),
    shopifyUpdatedAt: row.shopifyUpdatedAt.toISOString(),
  }));
  return {
    groups: groupRejections(inbox),
    total: inbox.length,
    truncated: found.length > INBOX_LIMIT,
    warningsUnavailable,
    now: new Date().toISOString(),
  };
}
