// The local pickup board's data and its one setting. Every read and write is scoped by shop.
import { prisma } from "~/db.server";
import { availabilityOf, toGatedFulfillmentOrder } from "~/fulfillment/available-actions";
import { findPreparedForPickup } from "~/fulfillment/ledger.server";
import {
  DEFAULT_NOT_COLLECTED_DAYS,
  groupPickupOrders,
  MAX_NOT_COLLECTED_DAYS,
  MIN_NOT_COLLECTED_DAYS,
  type PickupBoardView,
  type PickupOrderView,
} from "./board";
import { hasSomethingToRefund } from "./cancel-and-restock";
import { latestCancellationsOf } from "./pickup-cancellations.server";

/** FO statuses that still have a pickup to prepare or collect. */
export const ACTIVE_PICKUP_STATUSES = ["OPEN", "IN_PROGRESS", "ON_HOLD", "SCHEDULED"];
const PICKUP_ORDERS_SHOWN = 200;

export async function notCollectedDaysOf(shop: string): Promise<number> {
  const settings = await prisma.shopSettings.findUnique({ where: { shop }, select: { pickupNotCollectedDays: true } });
  return settings?.pickupNotCollectedDays ?? DEFAULT_NOT_COLLECTED_DAYS;
}

export async function loadPickupBoard(shop: string, options: { now?: Date } = {}): Promise<PickupBoardView> {
  const now = options.now ?? new Date();
  const [days, rows] = await Promise.all([
    notCollectedDaysOf(shop),
    prisma.fulfillmentOrder.findMany({
      where: {
        shop,
        deliveryMethod: "PICK_UP",
        status: { in: ACTIVE_PICKUP_STATUSES },
        remainingQuantity: { gt: 0 },
        order: { cancelledAt: null },
      },
      include: {
        order: { select: { name: true, customerName: true, placedAt: true, displayFinancialStatus: true } },
      },
      orderBy: { openedAt: "asc" },
      take: PICKUP_ORDERS_SHOWN,
    }),
  ]);
  const ids = rows.map((row) => row.shopifyId);
  const [prepared, cancellations] = await Promise.all([
    findPreparedForPickup(shop, ids),
    latestCancellationsOf(shop, ids),
  ]);
  // Cancelled already, the ledger not yet refreshed (webhooks and the sweep will): off the board.
  const shown = rows.filter((row) => cancellations.get(row.shopifyId)?.status !== "cancelled");
  const orders: PickupOrderView[] = shown.map((row) => {
    const cancellation = cancellations.get(row.shopifyId);
    const gated = toGatedFulfillmentOrder({ ...row, preparedForPickupAt: prepared.get(row.shopifyId) ?? null });
    return {
      fulfillmentOrderId: row.shopifyId,
      orderName: row.order.name,
      customerName: row.order.customerName,
      locationName: row.locationName,
      remainingQuantity: row.remainingQuantity,
      placedAt: row.order.placedAt.toISOString(),
      preparedForPickupAt: gated.preparedForPickupAt,
      expectedUpdatedAt: row.shopifyUpdatedAt.toISOString(),
      readyForPickup: availabilityOf(gated, "ready-for-pickup"),
      pickedUp: availabilityOf(gated, "picked-up"),
      refundable: hasSomethingToRefund(row.order.displayFinancialStatus),
      cancellation:
        cancellation?.status === "cancelling" || cancellation?.status === "failed"
          ? { status: cancellation.status, error: cancellation.error }
          : null,
    };
  });
  return groupPickupOrders(orders, days, now);
}

type SaveNotCollectedDaysResult = { ok: true; notCollectedDays: number } | { ok: false; error: "invalid" };

export async function saveNotCollectedDays(shop: string, raw: unknown): Promise<SaveNotCollectedDaysResult> {
  const days = typeof raw === "string" && /^\d+$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!Number.isInteger(days) || days < MIN_NOT_COLLECTED_DAYS || days > MAX_NOT_COLLECTED_DAYS) {
    return { ok: false, error: "invalid" };
  }
  await prisma.shopSettings.upsert({
    where: { shop },
    create: { shop, pickupNotCollectedDays: days },
    update: { pickupNotCollectedDays: days },
  });
  return { ok: true, notCollectedDays: days };
}
