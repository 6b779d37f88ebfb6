// Resubmitting FOs from the rejection inbox: the worklist's bulk request (the same single-FO
// action the detail page runs, once per row, each with its own idempotency key), and one audit
// row per FO that went back to the 3PL.
import type { ActionContext } from "~/fulfillment/actions/perform-action.server";
import { runBulkAction } from "~/fulfillment/worklist/bulk-actions.server";
import type { BulkIntent, BulkRowResult } from "~/fulfillment/worklist/bulk-intent";
import { en } from "~/i18n/en";
import type { AdminGraphql } from "~/shopify/admin/run-operation.server";
import { recordAuditEvent } from "~/stale-orders/audit.server";
import { findReturnedFulfillmentOrders } from "./rejection-inbox.server";

type ResubmitIntent = Extract<BulkIntent, { intent: "bulk-request-fulfillment" }>;

export async function resubmitRejected(
  graphql: AdminGraphql,
  context: ActionContext,
  bulk: ResubmitIntent,
): Promise<BulkRowResult[]> {
  const ids = bulk.rows.map((row) => row.id);
  // What each FO was rejected for, read before the request clears it (for the audit row).
  const returned = new Map(
    (await findReturnedFulfillmentOrders(context.shop, ids, ids.length)).map((row) => [row.shopifyId, row]),
  );
  // Only FOs still in the inbox are requested from here: any other id (resubmitted meanwhile,
  // changed in Shopify, another shop's) is answered without a Shopify call.
  const sent = await runBulkAction(graphql, context, {
    ...bulk,
    rows: bulk.rows.filter((row) => returned.has(row.id)),
  });
  const answers = new Map(sent.map((result) => [result.id, result]));
  for (const result of sent) {
    const before = returned.get(result.id);
    // A replayed answer (the same key submitted twice at once) was audited by the submission
    // that did it.
    if (result.outcome !== "done" || result.replayed || !before) continue;
    await recordAuditEvent({
      shop: context.shop,
      actor: context.actor,
      action: "rejection.resubmitted",
      subject: result.id,
      detail: {
        orderName: before.orderName,
        reason: before.status === "INCOMPLETE" ? "INCOMPLETE" : before.rejectionReason,
      },
    });
  }
  return bulk.rows.map(
    (row): BulkRowResult =>
      answers.get(row.id) ?? { id: row.id, outcome: "skipped", message: en.rejections.notInInbox },
  );
}
