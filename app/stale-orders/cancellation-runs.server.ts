// Starting a cancellation run, in two steps so that confirming never waits on Shopify
// (docs/decisions/0007-stale-order-runs-prepare-in-background.md):
// 1. requestCancellationRun (the merchant's request, or the daily schedule) records the run as
//    "preparing" with the selection, the settings snapshot and the actor, and enqueues its
//    prepare job in the same transaction: no run without a job to prepare it.
// 2. prepareCancellationRun (that job, prepare-run.server.ts) runs a fresh preview, creates one
//    item per eligible order and enqueues each item's cancel job in the same transaction.
// Orders already cancelled by an earlier run, or still in flight in one, are never queued again.
import { JSON_DB_NULL, toJsonColumn } from "~/db/json-column";
import { type Prisma } from "@prisma/client";
import { prisma } from "~/db.server";
import type { JobTransaction, TransactionalJobQueue } from "~/jobs/job-queue";
import type { ItemStatus } from "./options";
import { loadStaleOrderSettings, type StaleOrderSettings } from "./policy-settings.server";
import { isUniqueViolation } from "~/db/unique-violation";

export const CANCEL_ORDER_JOB = "stale-orders.cancel-order";
export const PREPARE_RUN_JOB = "stale-orders.prepare-run";

export interface CancelOrderJobPayload {
  shop: string;
  runId: string;
  itemId: string;
}

export interface PrepareRunJobPayload {
  shop: string;
  runId: string;
}

/** Statuses that mean "this order is ours already": queued, being cancelled, or cancelled. */
export const CLAIMED: ItemStatus[] = ["pending", "cancelling", "cancelled"];

const ID_CHUNK = 500;

export type RunTrigger = "manual" | "scheduled";

export interface RequestRunResult {
  /** The run now preparing; null when every selected order was already cancelled or is in flight. */
  runId: string | null;
  /** Orders the run checks against Shopify; 0 when it takes every eligible order. */
  selected: number;
  /** Selected, but already cancelled or in flight in another run. */
  alreadyHandled: number;
}

/** The orders among `ids` that have an item matching `where` (in chunks: SQLite caps bound parameters). */
export async function ordersWithItems(
  db: Prisma.TransactionClient,
  shop: string,
  ids: string[],
  where: Prisma.CancellationRunItemWhereInput,
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += ID_CHUNK) {
    const rows = await db.cancellationRunItem.findMany({
      where: { ...where, shop, orderShopifyId: { in: ids.slice(i, i + ID_CHUNK) } },
      select: { orderShopifyId: true },
    });
    for (const row of rows) found.add(row.orderShopifyId);
  }
  return found;
}

/**
 * Records the run and its prepare job in one transaction and returns at once: no Admin API call.
 * With a `requestKey` (the scheduled job's id, or the confirmation dialog's idempotency key), a
 * retried or double-submitted request returns the run it created.
 */
export async function requestCancellationRun(input: {
  queue: TransactionalJobQueue;
  shop: string;
  actor: string | null;
  trigger: RunTrigger;
  /** Order GIDs the merchant ticked, or "all" for every eligible order (the schedule). */
  selection: string[] | "all";
  requestKey?: string;
  /** The settings the merchant previewed and confirmed; the saved ones when absent (the schedule). */
  settings?: StaleOrderSettings;
  now?: Date;
}): Promise<RequestRunResult> {
  const { shop } = input;
  const now = input.now ?? new Date();
  const settings = input.settings ?? (await loadStaleOrderSettings(shop));
  const ids = input.selection === "all" ? null : [...new Set(input.selection)];
  const existingRun = async (client: Pick<Prisma.TransactionClient, "cancellationRun">) => {
    if (input.requestKey === undefined) return null;
    const existing = await client.cancellationRun.findUnique({
      where: { shop_requestKey: { shop, requestKey: input.requestKey } },
    });
    return existing && { runId: existing.id, selected: existing.selected, alreadyHandled: existing.alreadyHandled };
  };
  try {
    return await recordRun();
  } catch (error) {
    // Two requests with one key raced past the lookup (possible on Postgres): the loser answers
    // with the winner's run.
    const winner = isUniqueViolation(error) ? await existingRun(prisma) : null;
    if (winner) return winner;
    throw error;
  }

  function recordRun(): Promise<RequestRunResult> {
    return prisma.$transaction(async (tx) => {
      const existing = await existingRun(tx);
      if (existing) return existing;
      // A cheap local answer to "all of these are ours already" (a double submit, the same selection
      // again); the preparation decides again for the rest against a fresh preview.
      const taken = ids ? await ordersWithItems(tx, shop, ids, { status: { in: CLAIMED } }) : new Set<string>();
      if (ids && taken.size === ids.length) return { runId: null, selected: ids.length, alreadyHandled: taken.size };
      const run = await tx.cancellationRun.create({
        data: {
          shop,
          trigger: input.trigger,
          actor: input.actor,
          status: "preparing",
          selectedOrderIds: ids ? toJsonColumn(ids) : JSON_DB_NULL,
          selected: ids?.length ?? 0,
          requestKey: input.requestKey ?? null,
          policy: toJsonColumn(settings.policy),
          cancelReason: settings.cancelReason,
          notifyCustomer: settings.notifyCustomer,
          staffNote: settings.staffNote,
          createdAt: now,
        },
      });
      await enqueuePrepareRun(input.queue, tx, { shop, runId: run.id });
      return { runId: run.id, selected: run.selected, alreadyHandled: taken.size };
    });
  }
}

function enqueuePrepareRun(queue: TransactionalJobQueue, tx: JobTransaction, payload: PrepareRunJobPayload) {
  return queue.enqueueWith(tx, PREPARE_RUN_JOB, payload, {
    shop: payload.shop,
    // A few minutes of retries (15 s doubling) before the run is shown as failed.
    maxAttempts: 5,
    dedupeKey: `stale-orders:prepare:${payload.runId}`,
  });
}

export function enqueueCancelOrder(queue: TransactionalJobQueue, tx: JobTransaction, payload: CancelOrderJobPayload) {
  return queue.enqueueWith(tx, CANCEL_ORDER_JOB, payload, {
    shop: payload.shop,
    // Cancelling is slow on Shopify's side; the job yields while Shopify works and tries again.
    maxAttempts: 20,
    dedupeKey: `stale-orders:cancel:${payload.shop}:${payload.itemId}`,
  });
}
