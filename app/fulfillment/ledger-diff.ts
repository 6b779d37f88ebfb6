// Pure comparison of what Shopify says (a snapshot) with what the ledger holds, so the refresh
// knows what changed (for the event history) and the reconciliation sweep knows whether the
// ledger was already correct.
import type {
  FulfillmentOrderLineSnapshot,
  FulfillmentOrderSnapshot,
  HoldSnapshot,
  OrderSnapshot,
} from "./ledger-types";
import { fromJsonColumn, sameJson, toJsonColumn, type JsonColumn } from "~/db/json-column";

interface StoredFulfillmentOrder {
  shopifyId: string;
  status: string;
  requestStatus: string;
  deliveryMethod: string | null;
  locationShopifyId: string | null;
  locationName: string | null;
  destinationCountryCode: string | null;
  destinationProvinceCode: string | null;
  thirdParty: boolean;
  supportedActions: JsonColumn;
  holds: JsonColumn;
  lineItems: JsonColumn;
  fulfillAt: Date | null;
  rejectionReason: string | null;
  rejectionMessage: string | null;
  shopifyUpdatedAt: Date;
}

interface StoredOrder {
  shopifyId: string;
  name: string;
  displayFinancialStatus: string | null;
  displayFulfillmentStatus: string | null;
  tags: string;
  riskLevel: string | null;
  customerShopifyId: string | null;
  customerName: string | null;
  totalAmount: string | null;
  currencyCode: string | null;
  checkoutToken: string | null;
  cancelledAt: Date | null;
  shopifyUpdatedAt: Date;
}

interface StoredHold extends HoldSnapshot {
  /** When the ledger first saw the hold: Shopify's FulfillmentHold has no timestamp. */
  firstSeenAt: string;
}

type FieldChange = { field: string; from: string | null; to: string | null };

export const encodeTags = (tags: readonly string[]) =>
  `,${tags
    .map((t) => t.trim())
    .filter(Boolean)
    .join(",")},`;
export const decodeTags = (stored: string) => stored.split(",").filter(Boolean);

const holdKey = (holds: readonly Pick<HoldSnapshot, "id">[]) =>
  holds
    .map((h) => h.id)
    .sort()
    .join(",") || null;

const holdReasons = (holds: readonly Pick<HoldSnapshot, "reason">[]) => holds.map((h) => h.reason).join(", ") || null;

const timestamp = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** Stored holds for a snapshot, keeping when each existing hold was first seen. */
export function mergeHolds(snapshot: readonly HoldSnapshot[], stored: readonly StoredHold[], now: Date): StoredHold[] {
  return snapshot.map((hold) => ({
    ...hold,
    firstSeenAt: stored.find((s) => s.id === hold.id)?.firstSeenAt ?? now.toISOString(),
  }));
}

export const parseStoredHolds = (stored: JsonColumn): StoredHold[] => fromJsonColumn<StoredHold[]>(stored);

/** Changes that matter to merchants, in the order they are recorded in the event history. */
export function diffFulfillmentOrder(stored: StoredFulfillmentOrder, next: FulfillmentOrderSnapshot): FieldChange[] {
  const changes: FieldChange[] = [];
  const storedHolds = parseStoredHolds(stored.holds);
  if (stored.status !== next.status) changes.push({ field: "status", from: stored.status, to: next.status });
  if (stored.requestStatus !== next.requestStatus) {
    changes.push({ field: "request_status", from: stored.requestStatus, to: next.requestStatus });
  }
  if (holdKey(storedHolds) !== holdKey(next.holds)) {
    changes.push({ field: "holds", from: holdReasons(storedHolds), to: holdReasons(next.holds) });
  }
  if (stored.locationShopifyId !== next.locationId) {
    changes.push({ field: "location", from: stored.locationName, to: next.locationName });
  }
  return changes;
}

/** Whether the stored FO already equals the snapshot in every field the ledger keeps. */
export function fulfillmentOrderMatches(stored: StoredFulfillmentOrder, next: FulfillmentOrderSnapshot): boolean {
  const holds = parseStoredHolds(stored.holds).map(({ firstSeenAt: _seen, ...hold }) => hold);
  return (
    stored.status === next.status &&
    stored.requestStatus === next.requestStatus &&
    stored.deliveryMethod === next.deliveryMethod &&
    stored.locationShopifyId === next.locationId &&
    stored.locationName === next.locationName &&
    stored.destinationCountryCode === next.destinationCountryCode &&
    stored.destinationProvinceCode === next.destinationProvinceCode &&
    stored.thirdParty === next.thirdParty &&
    sameJson(stored.supportedActions, toJsonColumn(next.supportedActions)) &&
    sameJson(holds, toJsonColumn(next.holds)) &&
    sameJson(stored.lineItems, toJsonColumn(next.lineItems)) &&
    timestamp(stored.fulfillAt) === timestamp(next.fulfillAt) &&
    stored.rejectionReason === next.rejectionReason &&
    stored.rejectionMessage === next.rejectionMessage &&
    timestamp(stored.shopifyUpdatedAt) === timestamp(next.updatedAt)
  );
}

export function orderMatches(stored: StoredOrder, next: OrderSnapshot): boolean {
  return (
    stored.name === next.name &&
    stored.displayFinancialStatus === next.displayFinancialStatus &&
    stored.displayFulfillmentStatus === next.displayFulfillmentStatus &&
    stored.tags === encodeTags(next.tags) &&
    stored.riskLevel === next.riskLevel &&
    stored.customerShopifyId === next.customerId &&
    stored.customerName === next.customerName &&
    stored.totalAmount === next.totalAmount &&
    stored.currencyCode === next.currencyCode &&
    (next.checkoutToken === undefined || stored.checkoutToken === next.checkoutToken) &&
    timestamp(stored.cancelledAt) === timestamp(next.cancelledAt) &&
    timestamp(stored.shopifyUpdatedAt) === timestamp(next.updatedAt)
  );
}

/** Older data never overwrites newer: Shopify's updatedAt decides. Equal is the same version. */
export function isOlder(next: string, stored: Date): boolean {
  return new Date(next).getTime() < stored.getTime();
}

/** Shopify's own hold while the buyer sees a post-purchase offer (FulfillmentHoldReason). */
const POST_PURCHASE_HOLD_REASON = "ONLINE_STORE_POST_PURCHASE_CROSS_SELL";

/** Whether any FO of the order carries Shopify's post-purchase hold. */
export function carriesPostPurchaseHold(
  fulfillmentOrders: readonly Pick<FulfillmentOrderSnapshot, "holds">[],
): boolean {
  return fulfillmentOrders.some((fo) => fo.holds.some((h) => h.reason === POST_PURCHASE_HOLD_REASON));
}

interface OrderLines {
  lineItemIds: Set<string>;
  /** Units on FOs still to be worked (not CLOSED or CANCELLED). */
  openUnits: number;
}

function orderLines(fulfillmentOrders: readonly { status: string; lines: readonly FulfillmentOrderLineSnapshot[] }[]) {
  const lines: OrderLines = { lineItemIds: new Set(), openUnits: 0 };
  for (const fo of fulfillmentOrders) {
    const open = fo.status !== "CLOSED" && fo.status !== "CANCELLED";
    for (const li of fo.lines) {
      lines.lineItemIds.add(li.lineItemId);
      if (open) lines.openUnits += li.totalQuantity;
    }
  }
  return lines;
}

/**
 * Whether the order's line items changed between what the ledger stored and the snapshot: an order
 * edit or an accepted post-purchase offer. Shopify's Order has no "last edited" timestamp
 * (https://shopify.dev/docs/api/admin-graphql/latest/objects/Order), so the FOs' lines tell: a line
 * item the order didn't have, or more units on FOs still to be worked. Splits, moves, holds, merges
 * and cancellation replacements only regroup the same lines, and fulfilling closes FOs (fewer open
 * units), so none of them reads as an edit. A line that disappears is not counted: a snapshot may
 * leave closed FOs out, and a removal gives the buyer nothing more to wait for.
 */
export function lineItemsEdited(
  stored: readonly Pick<StoredFulfillmentOrder, "status" | "lineItems">[],
  next: readonly Pick<FulfillmentOrderSnapshot, "status" | "lineItems">[],
): boolean {
  const before = orderLines(
    stored.map((fo) => ({ status: fo.status, lines: fromJsonColumn<FulfillmentOrderLineSnapshot[]>(fo.lineItems) })),
  );
  const after = orderLines(next.map((fo) => ({ status: fo.status, lines: fo.lineItems })));
  const added = [...after.lineItemIds].some((id) => !before.lineItemIds.has(id));
  return added || after.openUnits > before.openUnits;
}
