// The buyer's answer to our post-purchase offer (the extension's decision endpoint records it):
// it ends the settle window as soon as Shopify's order edit has arrived, instead of at the
// quiet period's end.
import { prisma } from "~/db.server";
import type { JobQueue } from "~/jobs/job-queue";
import { AUTOMATION_EVALUATE_JOB, type EvaluatePayload, evaluateDedupeKey } from "./jobs";

/**
 * Records the answer on the ledger's order and decides its waiting FOs again. Returns false when
 * the ledger doesn't know the order yet: its first write will decide with the answer missing,
 * which only means waiting the quiet period out.
 */
export async function recordUpsellDecision(
  queue: JobQueue,
  shop: string,
  orderId: string,
  decision: "accepted" | "declined",
  at: Date = new Date(),
): Promise<boolean> {
  const { count } = await prisma.order.updateMany({
    where: { shop, shopifyId: orderId },
    data: { upsellDecision: decision, upsellDecidedAt: at },
  });
  if (count === 0) return false;
  const waiting = await prisma.fulfillmentOrder.findMany({
    where: { shop, orderShopifyId: orderId, status: { in: ["OPEN", "ON_HOLD"] }, requestStatus: "UNSUBMITTED" },
    select: { shopifyId: true },
  });
  for (const fo of waiting) {
    const payload: EvaluatePayload = { shop, fulfillmentOrderId: fo.shopifyId, trigger: "upsell_decided" };
    await queue.enqueue(AUTOMATION_EVALUATE_JOB, payload, {
      shop,
      dedupeKey: evaluateDedupeKey(shop, fo.shopifyId, `${decision}@${at.toISOString()}`, "upsell_decided"),
    });
  }
  return true;
}
