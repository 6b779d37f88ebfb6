// The PickupCancellation repository: one row per "cancel and restock" submitted from the pickup
// board. Two unique keys do the deduplication: (shop, idempotencyKey) answers a double submit
// from the first row, and activeOrderKey keeps a second, different submission from cancelling
// the same order again while one is live or done. Every read and write is scoped by shop.
import { type Prisma, type PickupCancellation } from "@prisma/client";
import { prisma } from "~/db.server";
import { isUniqueViolation } from "~/db/unique-violation";

export type { PickupCancellation } from "@prisma/client";

type NewPickupCancellation = Pick<
  PickupCancellation,
  | "shop"
  | "idempotencyKey"
  | "fulfillmentOrderId"
  | "orderShopifyId"
  | "orderName"
  | "locationName"
  | "itemCount"
  | "reason"
  | "refund"
  | "notifyCustomer"
  | "staffNote"
  | "actor"
>;

type Claim =
  | { kind: "claimed"; cancellation: PickupCancellation }
  /** This submission was already received: its row. */
  | { kind: "replay"; cancellation: PickupCancellation }
  /** Another submission is cancelling (or cancelled) this order. */
  | { kind: "order-busy" };

const activeOrderKeyOf = (shop: string, orderShopifyId: string) => `${shop} ${orderShopifyId}`;

export function findCancellationByKey(shop: string, idempotencyKey: string): Promise<PickupCancellation | null> {
  return prisma.pickupCancellation.findUnique({ where: { shop_idempotencyKey: { shop, idempotencyKey } } });
}

export function findCancellation(id: string): Promise<PickupCancellation | null> {
  return prisma.pickupCancellation.findUnique({ where: { id } });
}

export function findOpenCancellations(shop: string): Promise<PickupCancellation[]> {
  return prisma.pickupCancellation.findMany({ where: { shop, status: "cancelling" } });
}

/**
 * Creates the row in "cancelling": from here on the order is this submission's to cancel.
 * `alongside` runs in the same transaction (queueing the job that finishes it), so a row never
 * exists without the job that looks after it.
 */
export async function claimCancellation(
  input: NewPickupCancellation,
  requestUntil: Date,
  alongside: (tx: Prisma.TransactionClient, cancellation: PickupCancellation) => Promise<unknown>,
): Promise<Claim> {
  try {
    const cancellation = await prisma.$transaction(async (tx) => {
      const created = await tx.pickupCancellation.create({
        data: {
          ...input,
          status: "cancelling",
          activeOrderKey: activeOrderKeyOf(input.shop, input.orderShopifyId),
          requestUntil,
        },
      });
      await alongside(tx, created);
      return created;
    });
    return { kind: "claimed", cancellation };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const same = await findCancellationByKey(input.shop, input.idempotencyKey);
  return same ? { kind: "replay", cancellation: same } : { kind: "order-busy" };
}

/** The request is done with the row: the job may act on it from now on. */
export async function releaseRequest(id: string): Promise<void> {
  await prisma.pickupCancellation.updateMany({ where: { id }, data: { requestUntil: null } });
}

/** Stores Shopify's job id before anyone waits on it, so a retry polls instead of cancelling again. */
export async function recordShopifyJob(id: string, shopifyJobId: string): Promise<void> {
  await prisma.pickupCancellation.updateMany({ where: { id, status: "cancelling" }, data: { shopifyJobId } });
}

/** cancelling → cancelled. False when another worker finished it first. */
export async function markCancelled(id: string, at: Date): Promise<boolean> {
  const { count } = await prisma.pickupCancellation.updateMany({
    where: { id, status: "cancelling" },
    data: { status: "cancelled", finishedAt: at },
  });
  return count === 1;
}

/** cancelling → failed, freeing the order for another attempt. False when already finished. */
export async function markFailed(id: string, error: string, at: Date): Promise<boolean> {
  const { count } = await prisma.pickupCancellation.updateMany({
    where: { id, status: "cancelling" },
    data: { status: "failed", error, activeOrderKey: null, finishedAt: at },
  });
  return count === 1;
}

/** The latest cancellation of each FO, for the board's rows. */
export async function latestCancellationsOf(
  shop: string,
  fulfillmentOrderIds: readonly string[],
): Promise<Map<string, Pick<PickupCancellation, "status" | "error">>> {
  const rows = await prisma.pickupCancellation.findMany({
    where: { shop, fulfillmentOrderId: { in: [...fulfillmentOrderIds] } },
    orderBy: { createdAt: "desc" },
    select: { fulfillmentOrderId: true, status: true, error: true },
  });
  const latest = new Map<string, Pick<PickupCancellation, "status" | "error">>();
  for (const row of rows) if (!latest.has(row.fulfillmentOrderId)) latest.set(row.fulfillmentOrderId, row);
  return latest;
}

/** The ledger's pickup FO with what the cancel gate needs of its order. */
export async function findPickupOrderForCancel(shop: string, fulfillmentOrderId: string) {
  return prisma.fulfillmentOrder.findUnique({
    where: { shop_shopifyId: { shop, shopifyId: fulfillmentOrderId } },
    include: { order: { select: { name: true, displayFinancialStatus: true, cancelledAt: true } } },
  });
}
