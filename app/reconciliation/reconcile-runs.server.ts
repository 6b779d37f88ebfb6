// Repository for reconciliation runs, the shop's watermark, and the versions the ledger holds.
import { prisma } from "~/db.server";

export type ReconcileTrigger = "scheduled" | "manual" | "install" | "backfill";

export interface RunTotals {
  ordersSeen: number;
  objectsSeen: number;
  alreadyCorrect: number;
  repaired: number;
  deferred: number;
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

// Prisma caps bound parameters per query (999 for SQLite), so id lists are looked up in chunks.
const CHUNK = 500;

async function inChunks<T>(ids: string[], find: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) rows.push(...(await find(ids.slice(i, i + CHUNK))));
  return rows;
}

/** Versions the ledger holds, for the ids a sweep saw changed. */
export async function storedVersions(shop: string, orderIds: string[], fulfillmentOrderIds: string[]) {
  const select = { shopifyId: true, shopifyUpdatedAt: true } as const;
  const orders = await inChunks(orderIds, (chunk) =>
    prisma.order.findMany({ where: { shop, shopifyId: { in: chunk } }, select }),
  );
  const fulfillmentOrders = await inChunks(fulfillmentOrderIds, (chunk) =>
    prisma.fulfillmentOrder.findMany({ where: { shop, shopifyId: { in: chunk } }, select }),
  );
  return {
    orders: new Map(orders.map((o) => [o.shopifyId, o.shopifyUpdatedAt])),
    fulfillmentOrders: new Map(fulfillmentOrders.map((f) => [f.shopifyId, f.shopifyUpdatedAt])),
  };
}
