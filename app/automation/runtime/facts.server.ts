// Reads what the rules see from the ledger. Live automation and the dry run both use it, so they
// decide on the same facts.
import { fromJsonColumn } from "~/db/json-column";
import { prisma } from "~/db.server";
import { ourHoldHandle } from "~/fulfillment/commands/hold.server";
import type { FulfillmentOrderFacts, LineFacts, OrderFacts } from "../facts";

type FulfillmentOrderRow = NonNullable<Awaited<ReturnType<typeof prisma.fulfillmentOrder.findFirst>>>;
type OrderRow = NonNullable<Awaited<ReturnType<typeof prisma.order.findFirst>>>;

interface StoredLine {
  id: string;
  lineItemId: string;
  sku: string | null;
  remainingQuantity: number;
  productTags?: string[];
  vendor?: string | null;
}

interface StoredHold {
  id: string;
  reason: string;
  handle: string | null;
  heldByRequestingApp: boolean;
  firstSeenAt?: string;
}

const decodeTags = (encoded: string) => encoded.split(",").filter(Boolean);

export function fulfillmentOrderFactsOf(row: FulfillmentOrderRow): FulfillmentOrderFacts {
  const lines = fromJsonColumn<StoredLine[]>(row.lineItems).map((li): LineFacts => ({
    id: li.id,
    lineItemId: li.lineItemId,
    sku: li.sku,
    productTags: li.productTags ?? [],
    vendor: li.vendor ?? null,
    remainingQuantity: li.remainingQuantity,
  }));
  const holds = fromJsonColumn<StoredHold[]>(row.holds).map((h) => ({
    id: h.id,
    reason: h.reason,
    handle: h.handle,
    heldByRequestingApp: h.heldByRequestingApp,
    since: h.firstSeenAt ?? null,
  }));
  return {
    id: row.shopifyId,
    status: row.status,
    requestStatus: row.requestStatus,
    deliveryMethod: row.deliveryMethod,
    locationId: row.locationShopifyId,
    locationName: row.locationName,
    thirdParty: row.thirdParty,
    destinationCountryCode: row.destinationCountryCode,
    destinationProvinceCode: row.destinationProvinceCode,
    holds,
    supportedActions: fromJsonColumn<{ action: string }[]>(row.supportedActions).map((a) => a.action),
    lines,
    updatedAt: row.shopifyUpdatedAt.toISOString(),
    openedAt: row.openedAt.toISOString(),
  };
}

export function orderFactsOf(row: OrderRow): OrderFacts {
  const total = row.totalAmount === null ? null : Number(row.totalAmount);
  return {
    id: row.shopifyId,
    name: row.name,
    tags: decodeTags(row.tags),
    financialStatus: row.displayFinancialStatus,
    riskLevel: row.riskLevel,
    totalAmount: total !== null && Number.isFinite(total) ? total : null,
    placedAt: row.placedAt.toISOString(),
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    lastEditedAt: row.lastEditedAt?.toISOString() ?? null,
    upsellDecision: row.upsellDecision === "accepted" || row.upsellDecision === "declined" ? row.upsellDecision : null,
    upsellDecidedAt: row.upsellDecidedAt?.toISOString() ?? null,
  };
}

/** One FO and its order as the ledger has them, or null when the ledger doesn't know the FO. */
export async function loadFacts(
  shop: string,
  fulfillmentOrderId: string,
): Promise<{ fulfillmentOrder: FulfillmentOrderFacts; order: OrderFacts; orderVersion: string } | null> {
  const row = await prisma.fulfillmentOrder.findUnique({
    where: { shop_shopifyId: { shop, shopifyId: fulfillmentOrderId } },
    include: { order: true },
  });
  if (!row) return null;
  const order = orderFactsOf(row.order);
  if (order.upsellDecision === "accepted") order.upsellLineArrived = await upsellLineArrived(shop, row.order.shopifyId);
  return {
    fulfillmentOrder: fulfillmentOrderFactsOf(row),
    order,
    orderVersion: row.order.shopifyUpdatedAt.toISOString(),
  };
}

/** Whether any of the order's FOs in the ledger holds the variant the buyer accepted after checkout. */
async function upsellLineArrived(shop: string, orderId: string): Promise<boolean> {
  const accepted = await prisma.upsellPresentation.findFirst({
    where: { shop, orderId, decision: "accepted" },
    select: { variantId: true },
  });
  if (!accepted) return false;
  const fos = await prisma.fulfillmentOrder.findMany({
    where: { shop, orderShopifyId: orderId },
    select: { lineItems: true },
  });
  return fos.some((fo) =>
    fromJsonColumn<{ variantId?: string | null }[]>(fo.lineItems).some((li) => li.variantId === accepted.variantId),
  );
}

/** How long since a post-purchase hold counts as evidence that the shop runs an offer. */
const UPSELL_EVIDENCE_DAYS = 30;
/** The quiet period when the shop runs a post-purchase offer and the merchant set none. */
const DEFAULT_UPSELL_QUIET_MINUTES = 10;

/**
 * The quiet period after an order edit: the merchant's, or automatically 10 minutes when the
 * shop runs a post-purchase offer (Shopify placed its cross-sell hold on a recent order) and 0
 * when it doesn't — a shop without upsells has no edit to wait for.
 */
export async function effectiveQuietPeriod(shop: string, configured: number | null, now: Date): Promise<number> {
  if (configured !== null) return configured;
  const since = new Date(now.getTime() - UPSELL_EVIDENCE_DAYS * 86_400_000);
  const evidence = await prisma.order.findFirst({
    where: { shop, postPurchaseHoldSeenAt: { gte: since } },
    select: { id: true },
  });
  return evidence ? DEFAULT_UPSELL_QUIET_MINUTES : 0;
}

/**
 * The rules (null: the default fraud hold) whose hold we placed on this FO and that is gone since,
 * released by our hold-until time or by the merchant: they don't hold the FO again.
 */
export async function releasedHoldRuleIds(
  shop: string,
  fulfillmentOrder: { id: string; holds: readonly { handle: string | null }[] },
): Promise<(string | null)[]> {
  const placed = await prisma.automationDecision.findMany({
    where: { shop, fulfillmentOrderShopifyId: fulfillmentOrder.id, outcome: "hold", status: "succeeded" },
    select: { id: true, ruleId: true },
  });
  const current = new Set(fulfillmentOrder.holds.map((h) => h.handle));
  return [...new Set(placed.filter((d) => !current.has(ourHoldHandle(shop, d.id))).map((d) => d.ruleId))];
}
