// Feeds automation from the ledger: every ledger write that makes an FO decidable enqueues its
// evaluation in the same transaction, so a crash can't separate the change from its evaluation.
import type { Prisma } from "@prisma/client";
import { onLedgerChange } from "~/fulfillment/ledger-changes";
import type { TransactionalJobQueue } from "~/jobs/job-queue";
import { AUTOMATION_EVALUATE_JOB, type EvaluatePayload, evaluateDedupeKey } from "./jobs";
import { triggersOf } from "./triggers";

async function automationRunning(tx: Prisma.TransactionClient, shop: string): Promise<boolean> {
  const settings = await tx.automationSettings.findUnique({ where: { shop }, select: { enabled: true, paused: true } });
  // Paused: nothing is enqueued; resuming evaluates every decidable FO again (resume.server.ts).
  return Boolean(settings?.enabled && !settings.paused);
}

export function listenToLedger(queue: TransactionalJobQueue): void {
  onLedgerChange("automation", async (tx, change) => {
    const triggered = triggersOf(change);
    if (triggered.length === 0 || !(await automationRunning(tx, change.shop))) return;
    const eligibleAt = new Date().toISOString();
    for (const t of triggered) {
      const payload: EvaluatePayload = {
        shop: change.shop,
        fulfillmentOrderId: t.fulfillmentOrderId,
        trigger: t.trigger,
        eligibleAt,
      };
      await queue.enqueueWith(tx, AUTOMATION_EVALUATE_JOB, payload, {
        shop: change.shop,
        dedupeKey: evaluateDedupeKey(change.shop, t.fulfillmentOrderId, t.version, t.trigger),
      });
    }
  });
}
