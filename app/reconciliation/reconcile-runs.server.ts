// Repository for reconciliation runs, the shop's watermark, and the versions the ledger holds.
import { prisma } from "~/db.server";

export type ReconcileTrigger = "scheduled" | "manual" | "install" | "backfill";

export interface RunTotals {
  ordersSeen: number;
  objectsSeen: number;
  alreadyCorrect: number;
  repaired: number;
  unaccounted: number;
  apiCalls: number;
  throttledRetries: number;
}

export async function startRun(shop: string, trigger: ReconcileTrigger, since: Date | null) {
  return prisma.reconcileRun.create({ data: { shop, trigger, since } });
}

export async function finishRun(id: string, totals: RunTotals, through: Date, error?: string) {
  return prisma.reconcileRun.update({
    where: { id },
    data: { ...totals, through, status: error ? "failed" : "succeeded", error: error ?? null, finishedAt: new Date() },
  });
}

export async function listRuns(shop: string, take = 20) {
  return prisma.reconcileRun.findMany({ where: { shop }, orderBy: { startedAt: "desc" }, take });
}

export async function watermarkOf(shop: string): Promise<Date | null> {
  const row = await prisma.shop.findUnique({ where: { shop }, select: { reconciledThrough: true } });
  return row?.reconciledThrough ?? null;
}

export async function advanceWatermark(shop: string, through: Date, backfilled: boolean): Promise<void> {
  await prisma.shop.updateMany({
    where: { shop },
    data: { reconciledThrough: through, ...(backfilled ? { backfilledAt: new Date() } : {}) },
  });
}

/** Versions the ledger holds, for the ids a sweep saw changed. */
export async function storedVersions(shop: string, orderIds: string[], fulfillmentOrderIds: string[]) {
  const [orders, fulfillmentOrders] = await Promise.all([
    prisma.order.findMany({
      where: { shop, shopifyId: { in: orderIds } },
      select: { shopifyId: true, shopifyUpdatedAt: true },
    }),
    prisma.fulfillmentOrder.findMany({
      where: { shop, shopifyId: { in: fulfillmentOrderIds } },
      select: { shopifyId: true, shopifyUpdatedAt: true },
    }),
  ]);
  return {
    orders: new Map(orders.map((o) => [o.shopifyId, o.shopifyUpdatedAt])),
    fulfillmentOrders: new Map(fulfillmentOrders.map((f) => [f.shopifyId, f.shopifyUpdatedAt])),
  };
}
