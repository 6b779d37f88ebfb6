// Nothing lost when the buyer answers before the ledger has the order (the decision endpoint is
// called seconds after payment; orders/create may still be queued): the ledger's first write of
// the order that names the checkout (Order.checkoutToken) links the presentation to it and
// applies the recorded decision, inside that write's transaction.
import { recordUpsellDecisionWith } from "~/automation/runtime/upsell-decision.server";
import { onLedgerChange } from "~/fulfillment/ledger-changes";
import type { TransactionalJobQueue } from "~/jobs/job-queue";

export function listenForUpsellDecisions(queue: TransactionalJobQueue): void {
  onLedgerChange("post-purchase", async (tx, change) => {
    const referenceId = change.snapshot.checkoutToken;
    if (!referenceId || change.order.outcome === "stale") return;
    const presentation = await tx.upsellPresentation.findUnique({
      where: { shop_referenceId: { shop: change.shop, referenceId } },
    });
    if (!presentation || presentation.orderId !== null) return;
    await tx.upsellPresentation.update({ where: { id: presentation.id }, data: { orderId: change.order.id } });
    const decision = presentation.decision;
    if ((decision === "accepted" || decision === "declined") && presentation.decidedAt) {
      await recordUpsellDecisionWith(tx, queue, change.shop, change.order.id, decision, presentation.decidedAt);
    }
  });
}
