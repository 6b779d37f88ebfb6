// Bulk actions of the worklist: the same single-FO action the detail page runs
// (performFulfillmentAction), once per selected row, one after another — the gateway paces
// Shopify calls by their cost, and one row's refusal never stops the others.
import type { ActionInput, ActionResult } from "~/fulfillment/actions/contract";
import { type ActionContext, performFulfillmentAction } from "~/fulfillment/actions/perform-action.server";
import type { AdminGraphql } from "~/shopify/admin/run-operation.server";
import { type BulkIntent, type BulkRowResult, rowIdempotencyKey } from "./bulk-intent";

/** The single-FO action input for one row of a bulk submission. */
function rowInput(bulk: BulkIntent, row: { id: string; updatedAt: string }): Partial<ActionInput> {
  const common = {
    fulfillmentOrderId: row.id,
    expectedUpdatedAt: row.updatedAt,
    idempotencyKey: rowIdempotencyKey(bulk.batchKey, row.id),
  };
  switch (bulk.intent) {
    case "bulk-request-fulfillment":
      return { intent: "request-fulfillment", ...common };
    case "bulk-hold":
      return {
        intent: "hold",
        ...common,
        reason: bulk.reason,
        ...(bulk.reasonNotes ? { reasonNotes: bulk.reasonNotes } : {}),
      };
    case "bulk-release-holds":
      // No hold ids: all of ours. Other apps' holds are never released (the contract).
      return { intent: "release-holds", ...common };
  }
}

/** Shopify's or our reason, in one line, for a row that was not done. */
function reasonOf(result: Exclude<ActionResult, { ok: true }>): string {
  switch (result.kind) {
    case "invalid":
    case "user-errors":
      return result.errors.map((error) => error.message).join(" ");
    case "stale":
    case "unavailable":
      return result.message;
  }
}

export async function runBulkAction(
  graphql: AdminGraphql,
  context: ActionContext,
  bulk: BulkIntent,
): Promise<BulkRowResult[]> {
  const results: BulkRowResult[] = [];
  for (const row of bulk.rows) {
    // Sequential on purpose: each call waits for the gateway's throttle budget.
    const result = await performFulfillmentAction(graphql, context, rowInput(bulk, row));
    results.push(
      result.ok
        ? { id: row.id, outcome: "done", message: result.message, ...(result.replayed ? { replayed: true } : {}) }
        : { id: row.id, outcome: "skipped", message: reasonOf(result) },
    );
  }
  return results;
}
