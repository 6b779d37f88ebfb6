// The fulfillment order detail page's data: one FO from the ledger with its order, holds,
// lineage and history, plus what the merchant may do with it. Every read is scoped by shop:
// another shop's FO is simply not found.
import { prisma } from "~/db.server";
import { fromJsonColumn } from "~/db/json-column";
import { listLocationsForMove } from "~/fulfillment/actions/perform-action.server";
import { availableActions, toGatedFulfillmentOrder } from "~/fulfillment/available-actions";
import { decodeTags } from "~/fulfillment/ledger-diff";
import { findPreparedForPickup } from "~/fulfillment/ledger.server";
import type { FulfillmentOrderLineSnapshot } from "~/fulfillment/ledger-types";
import type { AdminGraphql } from "~/shopify/admin/run-operation.server";
import { cancellationOf, rejectionOf, toHoldViews, toLineageReason } from "./derive";
import type { FulfillmentOrderDetailView, FulfillmentOrderEventView, RelatedFulfillmentOrderView } from "./types";

const EVENTS_SHOWN = 100;

type FulfillmentOrderRow = NonNullable<Awaited<ReturnType<typeof findFulfillmentOrderRow>>>;

function findFulfillmentOrderRow(shop: string, shopifyId: string) {
  return prisma.fulfillmentOrder.findUnique({
    where: { shop_shopifyId: { shop, shopifyId } },
    include: {
      order: true,
      events: { orderBy: { at: "desc" }, take: EVENTS_SHOWN },
    },
  });
}

const related = (
  row: {
    shopifyId: string;
    status: string;
    requestStatus: string;
    locationName: string | null;
    remainingQuantity: number;
  } | null,
  shopifyId: string,
  reason: string | null,
): RelatedFulfillmentOrderView => ({
  shopifyId,
  reason: toLineageReason(reason),
  status: row?.status ?? null,
  requestStatus: row?.requestStatus ?? null,
  locationName: row?.locationName ?? null,
  remainingQuantity: row?.remainingQuantity ?? null,
});

async function lineageOf(shop: string, fo: FulfillmentOrderRow): Promise<FulfillmentOrderDetailView["lineage"]> {
  const select = {
    shopifyId: true,
    status: true,
    requestStatus: true,
    locationName: true,
    remainingQuantity: true,
    lineageReason: true,
  } as const;
  const [parentRow, children] = await Promise.all([
    fo.parentShopifyId
      ? prisma.fulfillmentOrder.findUnique({
          where: { shop_shopifyId: { shop, shopifyId: fo.parentShopifyId } },
          select,
        })
      : null,
    prisma.fulfillmentOrder.findMany({
      where: { shop, parentShopifyId: fo.shopifyId },
      select,
      orderBy: { openedAt: "asc" },
    }),
  ]);
  return {
    parent: fo.parentShopifyId ? related(parentRow, fo.parentShopifyId, fo.lineageReason) : null,
    children: children.map((child) => related(child, child.shopifyId, child.lineageReason)),
  };
}

function toEventViews(events: FulfillmentOrderRow["events"]): FulfillmentOrderEventView[] {
  return events.map((event) => ({
    id: event.id,
    kind: event.kind,
    fromValue: event.fromValue,
    toValue: event.toValue,
    source: event.source,
    actor: event.actor,
    at: event.at.toISOString(),
  }));
}

/** The ledger's part of the page, without Shopify calls. Null when the shop has no such FO. */
async function readFulfillmentOrderDetail(
  shop: string,
  fulfillmentOrderId: string,
): Promise<{
  view: Omit<FulfillmentOrderDetailView, "actions" | "locationsForMove">;
  row: FulfillmentOrderRow;
} | null> {
  const fo = await findFulfillmentOrderRow(shop, fulfillmentOrderId);
  if (!fo) return null;
  const events = toEventViews(fo.events);
  const lineItems = fromJsonColumn<FulfillmentOrderLineSnapshot[]>(fo.lineItems);
  return {
    row: fo,
    view: {
      order: {
        shopifyId: fo.order.shopifyId,
        name: fo.order.name,
        placedAt: fo.order.placedAt.toISOString(),
        customerName: fo.order.customerName,
        displayFinancialStatus: fo.order.displayFinancialStatus,
        displayFulfillmentStatus: fo.order.displayFulfillmentStatus,
        totalAmount: fo.order.totalAmount,
        currencyCode: fo.order.currencyCode,
        tags: decodeTags(fo.order.tags),
        riskLevel: fo.order.riskLevel,
        cancelledAt: fo.order.cancelledAt?.toISOString() ?? null,
      },
      fulfillmentOrder: {
        shopifyId: fo.shopifyId,
        status: fo.status,
        requestStatus: fo.requestStatus,
        deliveryMethod: fo.deliveryMethod,
        locationName: fo.locationName,
        openedAt: fo.openedAt.toISOString(),
        fulfillAt: fo.fulfillAt?.toISOString() ?? null,
        rejection: rejectionOf(fo),
        shopifyUpdatedAt: fo.shopifyUpdatedAt.toISOString(),
        preparedForPickupAt:
          (await findPreparedForPickup(shop, [fo.shopifyId])).get(fo.shopifyId)?.toISOString() ?? null,
        totalQuantity: fo.totalQuantity,
        remainingQuantity: fo.remainingQuantity,
        lineItems: lineItems.map((li) => ({
          id: li.id,
          sku: li.sku,
          name: li.name,
          totalQuantity: li.totalQuantity,
          remainingQuantity: li.remainingQuantity,
        })),
        supportedActions: fromJsonColumn<{ action: string }[]>(fo.supportedActions).map((a) => a.action),
      },
      holds: toHoldViews(fo.holds, fo.updatedAt.toISOString()),
      lineage: await lineageOf(shop, fo),
      events,
      cancellation: cancellationOf(events),
    },
  };
}

/**
 * Everything the detail page shows: the ledger's view, the actions availableActions allows
 * (and why not), and — only when Shopify supports MOVE — where it could move.
 */
export async function loadFulfillmentOrderDetail(
  graphql: AdminGraphql,
  shop: string,
  fulfillmentOrderId: string,
): Promise<FulfillmentOrderDetailView | null> {
  const found = await readFulfillmentOrderDetail(shop, fulfillmentOrderId);
  if (!found) return null;
  const { view, row } = found;
  const gated = toGatedFulfillmentOrder({ ...row, preparedForPickupAt: view.fulfillmentOrder.preparedForPickupAt });
  const actions = availableActions(gated);
  const canMove = actions.some((a) => a.intent === "move" && a.available);
  const locations = canMove ? await listLocationsForMove(graphql, fulfillmentOrderId) : null;
  return {
    ...view,
    actions,
    locationsForMove:
      locations?.map((l) => ({ id: l.locationId, name: l.name, movable: l.movable, message: l.message })) ?? null,
  };
}
