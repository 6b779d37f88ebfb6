// The buyer's answer to our post-purchase offer (the extension's decision endpoint records it):
// it ends the settle window as soon as Shopify's order edit has arrived, instead of at the
// quiet period's end.
import type { Prisma } from "@prisma/client";
import { prisma } from "~/db.server";
import type { EnqueueOptions, JobQueue, TransactionalJobQueue } from "~/jobs/job-queue";
import { AUTOMATION_EVALUATE_JOB, type EvaluatePayload, evaluateDedupeKey } from "./jobs";

type Enqueue = (payload: EvaluatePayload, options: EnqueueOptions) => Promise<unknown>;

async function applyDecision(
  db: Prisma.TransactionClient,
  enqueue: Enqueue,
  shop: string,
  orderId: string,
  decision: "accepted" | "declined",
  at: Date,
): Promise<boolean> {
  const { count } = await db.order.updateMany({
    where: { shop, shopifyId: orderId },
    data: { upsellDecision: decision, upsellDecidedAt: at },
  });
  if (count === 0) return false;
  const waiting = await db.fulfillmentOrder.findMany({
    where: { shop, orderShopifyId: orderId, status: { in: ["OPEN", "ON_HOLD"] }, requestStatus: "UNSUBMITTED" },
    select: { shopifyId: true },
  });
  for (const fo of waiting) {
    await enqueue(
      { shop, fulfillmentOrderId: fo.shopifyId, trigger: "upsell_decided" },
      { shop, dedupeKey: evaluateDedupeKey(shop, fo.shopifyId, `${decision}@${at.toISOString()}`, "upsell_decided") },
    );
  }
  return true;
}

/**
 * Records the answer on the ledger's order and decides its waiting FOs again. Returns false when
 * the ledger doesn't know the order yet: then the ledger's first write of the order applies it
 * (app/post-purchase/listen.server.ts calls recordUpsellDecisionWith).
 */
export async function recordUpsellDecision(
  queue: JobQueue,
  shop: string,
  orderId: string,
  decision: "accepted" | "declined",
  at: Date = new Date(),
): Promise<boolean> {
  const enqueue: Enqueue = (payload, options) => queue.enqueue(AUTOMATION_EVALUATE_JOB, payload, options);
  return applyDecision(prisma, enqueue, shop, orderId, decision, at);
}

/** The same, inside the caller's transaction (a ledger write): the jobs commit with the answer. */
export async function recordUpsellDecisionWith(
  tx: Prisma.TransactionClient,
  queue: TransactionalJobQueue,
  shop: string,
  orderId: string,
  decision: "accepted" | "declined",
  at: Date,
): Promise<boolean> {
  const enqueue: Enqueue = (payload, options) => queue.enqueueWith(tx, AUTOMATION_EVALUATE_JOB, payload, options);
  return applyDecision(tx, enqueue, shop, orderId, decision, at);
}
