// The buyer's decision on the offer: recorded once on the presentation (a second one is a
// replay), then handed to automation, whose settle window it ends. When the ledger doesn't know
// the order yet, listen.server.ts applies the decision on the ledger's first write of it.
import type { UpsellPresentation } from "@prisma/client";
import { recordUpsellDecision } from "~/automation/runtime/upsell-decision.server";
import { prisma } from "~/db.server";
import { en } from "~/i18n/en";
import type { JobQueue } from "~/jobs/job-queue";
import { PostPurchaseRefusal } from "./refusal";

type BuyerDecision = "accepted" | "declined";

export async function recordDecision(
  queue: JobQueue,
  presentation: UpsellPresentation,
  decision: BuyerDecision,
  now: Date = new Date(),
): Promise<void> {
  const { shop, referenceId } = presentation;
  // Shopify adds the upsell only through a changeset we signed: an acceptance without one would
  // make automation wait for an edit that never comes (and count revenue that never came).
  if (decision === "accepted" && presentation.changesetJti === null) {
    throw new PostPurchaseRefusal(409, en.postPurchaseApi.acceptedUnsigned);
  }
  const { count } = await prisma.upsellPresentation.updateMany({
    where: { id: presentation.id, decision: null },
    data: { decision, decidedAt: now },
  });
  if (count === 0) throw new PostPurchaseRefusal(401, en.postPurchaseApi.tokenSpent);
  const order = await prisma.order.findFirst({
    where: { shop, checkoutToken: referenceId },
    select: { shopifyId: true },
  });
  if (!order) return;
  await prisma.upsellPresentation.update({ where: { id: presentation.id }, data: { orderId: order.shopifyId } });
  await recordUpsellDecision(queue, shop, order.shopifyId, decision, now);
}
