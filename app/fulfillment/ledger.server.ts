// The fulfillment-order ledger repository: the only module that writes Order,
// FulfillmentOrder and FulfillmentOrderEvent rows. Every write is scoped by shop.
import { lockForTransaction } from "~/db/transaction-lock.server";
import type { Prisma } from "@prisma/client";
import { prisma } from "~/db.server";
import { fromJsonColumn, JSON_DB_NULL, toJsonColumn, type JsonColumn } from "~/db/json-column";
import {
  carriesPostPurchaseHold,
  diffFulfillmentOrder,
  encodeTags,
  fulfillmentOrderMatches,
  isOlder,
  lineItemsEdited,
  mergeHolds,
  orderMatches,
  parseStoredHolds,
} from "./ledger-diff";
import { type FulfillmentOrderChange, notifyLedgerChange } from "./ledger-changes";
import type {
  ChangeSource,
  FulfillmentOrderSnapshot,
  LineageHint,
  OrderSnapshot,
  StatedFulfillmentOrder,
} from "./ledger-types";
import {
  filterFieldsMatch,
  type OrderFilterFields,
  orderFilterFields,
  storedOrderFilterFields,
} from "./order-filter-fields";

export interface ApplyContext {
  source: ChangeSource;
  actor?: string | null;
  lineage?: readonly LineageHint[];
  now?: Date;
}

export type FulfillmentOrderOutcome = "created" | "updated" | "unchanged" | "stale";

export interface ApplyResult {
  order: "created" | "updated" | "unchanged" | "stale";
  fulfillmentOrders: { id: string; outcome: FulfillmentOrderOutcome }[];
}

type Tx = Prisma.TransactionClient;

function orderData(snapshot: OrderSnapshot) {
  return {
    name: snapshot.name,
    placedAt: new Date(snapshot.createdAt),
    displayFinancialStatus: snapshot.displayFinancialStatus,
    displayFulfillmentStatus: snapshot.displayFulfillmentStatus,
    tags: encodeTags(snapshot.tags),
    riskLevel: snapshot.riskLevel,
    customerShopifyId: snapshot.customerId,
    customerName: snapshot.customerName,
    totalAmount: snapshot.totalAmount,
    currencyCode: snapshot.currencyCode,
    ...(snapshot.checkoutToken !== undefined ? { checkoutToken: snapshot.checkoutToken } : {}),
    cancelledAt: snapshot.cancelledAt ? new Date(snapshot.cancelledAt) : null,
    shopifyUpdatedAt: new Date(snapshot.updatedAt),
  };
}

/**
 * What only the ledger can know of an order, for the automation's settle window: when its line
 * items last changed (set on a change, never on first sight) and when Shopify's post-purchase hold
 * was first seen on it (set once). Empty when nothing is to be written.
 */
async function orderWatchData(
  tx: Tx,
  stored: { id: string; postPurchaseHoldSeenAt: Date | null } | null,
  snapshot: OrderSnapshot,
  now: Date,
): Promise<{ lastEditedAt?: Date; postPurchaseHoldSeenAt?: Date }> {
  const data: { lastEditedAt?: Date; postPurchaseHoldSeenAt?: Date } = {};
  if (!stored?.postPurchaseHoldSeenAt && carriesPostPurchaseHold(snapshot.fulfillmentOrders)) {
    data.postPurchaseHoldSeenAt = now;
  }
  if (stored) {
    const storedFos = await tx.fulfillmentOrder.findMany({
      where: { orderId: stored.id },
      select: { status: true, lineItems: true },
    });
    if (storedFos.length > 0 && lineItemsEdited(storedFos, snapshot.fulfillmentOrders)) {
      data.lastEditedAt = new Date(snapshot.updatedAt);
    }
  }
  return data;
}

function fulfillmentOrderData(snapshot: FulfillmentOrderSnapshot, holds: Prisma.InputJsonValue) {
  return {
    status: snapshot.status,
    requestStatus: snapshot.requestStatus,
    deliveryMethod: snapshot.deliveryMethod,
    locationShopifyId: snapshot.locationId,
    locationName: snapshot.locationName,
    destinationCountryCode: snapshot.destinationCountryCode,
    destinationProvinceCode: snapshot.destinationProvinceCode,
    thirdParty: snapshot.thirdParty,
    supportedActions: toJsonColumn(snapshot.supportedActions),
    holds,
    lineItems: toJsonColumn(snapshot.lineItems),
    totalQuantity: snapshot.lineItems.reduce((sum, li) => sum + li.totalQuantity, 0),
    remainingQuantity: snapshot.lineItems.reduce((sum, li) => sum + li.remainingQuantity, 0),
    fulfillAt: snapshot.fulfillAt ? new Date(snapshot.fulfillAt) : null,
    rejectionReason: snapshot.rejectionReason,
    rejectionMessage: snapshot.rejectionMessage,
    shopifyUpdatedAt: new Date(snapshot.updatedAt),
  };
}

/**
 * Where a newly seen FO came from: Shopify's word when we have it (webhook payloads, mutation
 * responses), otherwise the sibling FO of the same order that holds the same order line items.
 */
function parentOf(
  snapshot: FulfillmentOrderSnapshot,
  siblings: readonly { shopifyId: string; lineItems: JsonColumn; rootShopifyId: string | null }[],
  hints: readonly LineageHint[],
): { parentShopifyId: string; lineageReason: string; rootShopifyId: string } | null {
  const hint = hints.find((h) => h.childId === snapshot.id && h.parentId !== snapshot.id);
  const lineItemIds = new Set(snapshot.lineItems.map((li) => li.lineItemId));
  const sibling = hint
    ? siblings.find((s) => s.shopifyId === hint.parentId)
    : siblings.find((s) =>
        fromJsonColumn<{ lineItemId: string }[]>(s.lineItems).some((li) => lineItemIds.has(li.lineItemId)),
      );
  const parentShopifyId = hint?.parentId ?? sibling?.shopifyId;
  if (!parentShopifyId) return null;
  return {
    parentShopifyId,
    lineageReason: hint?.reason ?? "inferred",
    rootShopifyId: sibling?.rootShopifyId ?? parentShopifyId,
  };
}

async function applyFulfillmentOrder(
  tx: Tx,
  shop: string,
  order: { rowId: string; shopifyId: string; filterFields: OrderFilterFields },
  snapshot: FulfillmentOrderSnapshot,
  context: Required<Pick<ApplyContext, "source" | "now">> & ApplyContext,
  changed: FulfillmentOrderChange[],
): Promise<FulfillmentOrderOutcome> {
  const stored = await tx.fulfillmentOrder.findUnique({ where: { shop_shopifyId: { shop, shopifyId: snapshot.id } } });
  const event = { shop, source: context.source, actor: context.actor ?? null, at: context.now };

  if (!stored) {
    const siblings = await tx.fulfillmentOrder.findMany({
      where: { shop, orderShopifyId: order.shopifyId, NOT: { shopifyId: snapshot.id } },
      select: { shopifyId: true, lineItems: true, rootShopifyId: true },
      orderBy: { openedAt: "asc" },
    });
    const lineage = parentOf(snapshot, siblings, context.lineage ?? []);
    const holds = toJsonColumn(mergeHolds(snapshot.holds, [], context.now));
    await tx.fulfillmentOrder.create({
      data: {
        shop,
        shopifyId: snapshot.id,
        orderId: order.rowId,
        orderShopifyId: order.shopifyId,
        ...order.filterFields,
        openedAt: new Date(snapshot.createdAt),
        parentShopifyId: lineage?.parentShopifyId ?? null,
        lineageReason: lineage?.lineageReason ?? null,
        rootShopifyId: lineage?.rootShopifyId ?? null,
        ...fulfillmentOrderData(snapshot, holds),
        events: {
          create: [
            {
              ...event,
              kind: "created",
              fromValue: null,
              toValue: snapshot.status,
              detail: lineage ? toJsonColumn(lineage) : JSON_DB_NULL,
            },
          ],
        },
      },
    });
    changed.push({ id: snapshot.id, outcome: "created", fields: [], holdsBefore: 0 });
    return "created";
  }

  const holdsBefore = parseStoredHolds(stored.holds).length;
  if (isOlder(snapshot.updatedAt, stored.shopifyUpdatedAt)) {
    changed.push({ id: snapshot.id, outcome: "stale", fields: [], holdsBefore });
    return "stale";
  }
  if (fulfillmentOrderMatches(stored, snapshot)) {
    changed.push({ id: snapshot.id, outcome: "unchanged", fields: [], holdsBefore });
    // The row may still carry copies the SQL backfill folded in ASCII only: refold them in passing.
    if (!filterFieldsMatch(stored, order.filterFields)) {
      await tx.fulfillmentOrder.update({ where: { id: stored.id }, data: order.filterFields });
    }
    return "unchanged";
  }

  const changes = diffFulfillmentOrder(stored, snapshot);
  changed.push({ id: snapshot.id, outcome: "updated", fields: changes.map((c) => c.field), holdsBefore });
  const holds = toJsonColumn(mergeHolds(snapshot.holds, parseStoredHolds(stored.holds), context.now));
  await tx.fulfillmentOrder.update({
    where: { id: stored.id },
    data: {
      ...fulfillmentOrderData(snapshot, holds),
      ...order.filterFields,
      events: {
        create: changes.map((c) => ({ ...event, kind: c.field, fromValue: c.from, toValue: c.to })),
      },
    },
  });
  return "updated";
}

/**
 * Writes Shopify's current state of one order and all its FOs in one transaction.
 * Older data never overwrites newer (Shopify's updatedAt, per order and per FO); every
 * observed transition is appended to the FO's event history.
 */
export async function applyOrderSnapshot(
  shop: string,
  snapshot: OrderSnapshot,
  input: ApplyContext,
): Promise<ApplyResult> {
  const context = { ...input, now: input.now ?? new Date() };
  return prisma.$transaction(async (tx) => {
    // Two writers of one order (a webhook job and the sweep, two processes) take turns.
    await lockForTransaction(tx, `ledger ${shop} ${snapshot.id}`);
    const stored = await tx.order.findUnique({ where: { shop_shopifyId: { shop, shopifyId: snapshot.id } } });
    let orderOutcome: ApplyResult["order"];
    let orderRowId: string;
    // What the order's FOs carry for the queue's filters: the snapshot's, unless it is older
    // than the stored order, whose fields stay.
    let filterFields = orderFilterFields(snapshot);
    const stale = stored !== null && isOlder(snapshot.updatedAt, stored.shopifyUpdatedAt);
    const watch = stale ? {} : await orderWatchData(tx, stored, snapshot, context.now);
    if (!stored) {
      orderRowId = (await tx.order.create({ data: { shop, shopifyId: snapshot.id, ...orderData(snapshot), ...watch } }))
        .id;
      orderOutcome = "created";
    } else {
      orderRowId = stored.id;
      if (stale) {
        orderOutcome = "stale";
        filterFields = storedOrderFilterFields(stored);
      } else if (orderMatches(stored, snapshot)) {
        orderOutcome = "unchanged";
        // A hold or a line change can come with an FO change alone, which leaves Order.updatedAt.
        if (Object.keys(watch).length) await tx.order.update({ where: { id: stored.id }, data: watch });
      } else {
        await tx.order.update({ where: { id: stored.id }, data: { ...orderData(snapshot), ...watch } });
        // Every FO of the order, including those this snapshot doesn't list (closed ones paged out).
        await tx.fulfillmentOrder.updateMany({ where: { shop, orderId: stored.id }, data: filterFields });
        orderOutcome = "updated";
      }
    }
    const fulfillmentOrders: ApplyResult["fulfillmentOrders"] = [];
    const changed: FulfillmentOrderChange[] = [];
    // Oldest first, so a child's parent is in the ledger before the child is inferred from it.
    const ordered = [...snapshot.fulfillmentOrders].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    for (const fo of ordered) {
      fulfillmentOrders.push({
        id: fo.id,
        outcome: await applyFulfillmentOrder(
          tx,
          shop,
          { rowId: orderRowId, shopifyId: snapshot.id, filterFields },
          fo,
          context,
          changed,
        ),
      });
    }
    await notifyLedgerChange(tx, {
      shop,
      source: context.source,
      order: {
        id: snapshot.id,
        outcome: orderOutcome,
        financialStatusBefore: stored?.displayFinancialStatus ?? null,
        edited: "lastEditedAt" in watch,
      },
      snapshot,
      fulfillmentOrders: changed,
    });
    return { order: orderOutcome, fulfillmentOrders };
  });
}

/** The order an FO belongs to, if the ledger has seen the FO. */
export async function findOrderIdOfFulfillmentOrder(shop: string, fulfillmentOrderId: string): Promise<string | null> {
  const row = await prisma.fulfillmentOrder.findUnique({
    where: { shop_shopifyId: { shop, shopifyId: fulfillmentOrderId } },
    select: { orderShopifyId: true },
  });
  return row?.orderShopifyId ?? null;
}

export async function findStoredOrderVersion(shop: string, orderId: string): Promise<Date | null> {
  const row = await prisma.order.findUnique({
    where: { shop_shopifyId: { shop, shopifyId: orderId } },
    select: { shopifyUpdatedAt: true },
  });
  return row?.shopifyUpdatedAt ?? null;
}

/** orders/delete: Shopify no longer has the order; its FOs and their history go with it. */
export async function deleteOrder(shop: string, orderId: string): Promise<number> {
  const { count } = await prisma.order.deleteMany({ where: { shop, shopifyId: orderId } });
  return count;
}

/** The ledger row of one FO, scoped by shop, as merchant actions need it. */
export async function findFulfillmentOrderForAction(shop: string, fulfillmentOrderId: string) {
  const row = await prisma.fulfillmentOrder.findUnique({
    where: { shop_shopifyId: { shop, shopifyId: fulfillmentOrderId } },
  });
  if (!row) return null;
  const prepared = await findPreparedForPickup(shop, [fulfillmentOrderId]);
  return { ...row, preparedForPickupAt: prepared.get(fulfillmentOrderId) ?? null };
}

const PREPARED_FOR_PICKUP_EVENT = "prepared_for_pickup";

/**
 * When each FO was marked ready for pickup, from its `prepared_for_pickup` events. Shopify's
 * FulfillmentOrder has no field for it, so the ledger is the only record.
 */
export async function findPreparedForPickup(
  shop: string,
  fulfillmentOrderIds: readonly string[],
): Promise<Map<string, Date>> {
  const rows = await prisma.fulfillmentOrder.findMany({
    where: { shop, shopifyId: { in: [...fulfillmentOrderIds] }, preparedForPickupAt: { not: null } },
    select: { shopifyId: true, preparedForPickupAt: true },
  });
  return new Map(rows.map((r) => [r.shopifyId, r.preparedForPickupAt!]));
}

/**
 * Records that FOs were marked ready for pickup (our action, or Shopify's
 * line_items_prepared_for_pickup webhook): sets preparedForPickupAt once and appends a
 * `prepared_for_pickup` event with who did it. Idempotent. Returns the FOs the ledger knows.
 */
export async function markFulfillmentOrdersPreparedForPickup(
  shop: string,
  fulfillmentOrderIds: readonly string[],
  context: { source: ChangeSource; actor: string | null; now?: Date },
): Promise<string[]> {
  const at = context.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const rows = await tx.fulfillmentOrder.findMany({
      where: { shop, shopifyId: { in: [...fulfillmentOrderIds] } },
      select: { id: true, shopifyId: true, preparedForPickupAt: true },
    });
    for (const row of rows) {
      if (row.preparedForPickupAt) continue;
      await tx.fulfillmentOrder.update({ where: { id: row.id }, data: { preparedForPickupAt: at } });
      await tx.fulfillmentOrderEvent.create({
        data: {
          shop,
          fulfillmentOrderId: row.id,
          kind: PREPARED_FOR_PICKUP_EVENT,
          fromValue: null,
          toValue: at.toISOString(),
          source: context.source,
          actor: context.actor,
          at,
        },
      });
    }
    return rows.map((r) => r.shopifyId);
  });
}

/**
 * Writes what Shopify's answer to our own mutation states of an FO — status, request status,
 * supported actions, version — without reading the order again (a whole-order read costs about
 * 20 points; the answer is free, docs/decisions/0029-automation-records-shopifys-answer.md).
 * Only for changes that leave the FO's lines, holds and location as they were (a whole
 * fulfillment request). Older answers never overwrite newer rows. Returns whether it wrote.
 */
export async function applyStatedFulfillmentOrder(
  shop: string,
  stated: StatedFulfillmentOrder,
  context: { source: ChangeSource; actor: string | null; now?: Date },
): Promise<boolean> {
  const at = context.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const stored = await tx.fulfillmentOrder.findUnique({ where: { shop_shopifyId: { shop, shopifyId: stated.id } } });
    if (!stored || isOlder(stated.updatedAt, stored.shopifyUpdatedAt)) return false;
    const event = { shop, source: context.source, actor: context.actor, at };
    const changes = [
      ...(stored.status === stated.status
        ? []
        : [{ kind: "status", fromValue: stored.status, toValue: stated.status }]),
      ...(stored.requestStatus === stated.requestStatus
        ? []
        : [{ kind: "request_status", fromValue: stored.requestStatus, toValue: stated.requestStatus }]),
    ];
    await tx.fulfillmentOrder.update({
      where: { id: stored.id },
      data: {
        status: stated.status,
        requestStatus: stated.requestStatus,
        supportedActions: toJsonColumn(stated.supportedActions),
        // The 3PL's rejection is only kept while the request stands rejected.
        ...(stated.requestStatus === "REJECTED" ? {} : { rejectionReason: null, rejectionMessage: null }),
        shopifyUpdatedAt: new Date(stated.updatedAt),
        events: { create: changes.map((c) => ({ ...event, ...c })) },
      },
    });
    if (stated.orderDisplayFulfillmentStatus) {
      await tx.order.update({
        where: { id: stored.orderId },
        data: { displayFulfillmentStatus: stated.orderDisplayFulfillmentStatus },
      });
    }
    return true;
  });
}
