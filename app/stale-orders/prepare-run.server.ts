// The stale-orders.prepare-run job's work: a fresh preview with the policy the run was confirmed
// with decides what is eligible (the selection only narrows it); each eligible order becomes one
// item, committed together with its cancel job, a chunk at a time so no transaction stays open
// long. At-least-once safe: a redelivery after a crash skips the orders that already have an item
// in this run (and so a job), creates the rest, and only then moves the run out of "preparing".
import { fromJsonColumn, toJsonColumn, type JsonColumn } from "~/db/json-column";
import { prisma } from "~/db.server";
import type { TransactionalJobQueue } from "~/jobs/job-queue";
import type { AdminGraphql } from "~/shopify/admin/run-operation.server";
import { recordAuditEvent } from "./audit.server";
import { refreshRunTotals } from "./cancel-order.server";
import { CLAIMED, enqueueCancelOrder, ordersWithItems } from "./cancellation-runs.server";
import { policyFromJson, type ReservedLine } from "./policy";
import { type PreviewCandidate, unitsReleased } from "./preview";
import { previewStaleOrders } from "./preview.server";

/** Items (and their jobs) committed per transaction. */
const PREPARE_CHUNK = 100;

/** Failure reasons the screen words itself; anything else is shown as it is. */
export const NOT_INSTALLED = "not-installed";
export const APP_UNINSTALLED = "app-uninstalled";

interface PrepareRunResult {
  runId: string;
  queued: number;
  alreadyHandled: number;
  noLongerEligible: number;
}

type RunRow = Awaited<ReturnType<typeof prisma.cancellationRun.findUniqueOrThrow>>;

/** Prepares a "preparing" run; null when there is nothing (left) to do for it. */
export async function prepareCancellationRun(input: {
  graphql: AdminGraphql;
  queue: TransactionalJobQueue;
  runId: string;
  now?: Date;
  chunkSize?: number;
}): Promise<PrepareRunResult | null> {
  const now = input.now ?? new Date();
  const run = await prisma.cancellationRun.findUnique({ where: { id: input.runId } });
  if (run?.status !== "preparing") return null;
  const preview = await previewStaleOrders(input.graphql, policyFromJson(run.policy), now);
  const wanted = selectionOf(run.selectedOrderIds);
  const selected = wanted ? preview.candidates.filter((c) => wanted.has(c.id)) : preview.candidates;
  const size = input.chunkSize ?? PREPARE_CHUNK;
  for (let i = 0; i < selected.length; i += size) {
    if (!(await addItems(input.queue, run, selected.slice(i, i + size)))) return null;
  }
  return finishPreparation(run, wanted ? [...wanted] : selected.map((c) => c.id), wanted !== null, now);
}

/** One chunk's items and their cancel jobs, in one transaction. False when the run left "preparing". */
async function addItems(queue: TransactionalJobQueue, run: RunRow, chunk: PreviewCandidate[]): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    // A guarded write, not a read: it holds the run's row until this chunk commits, so an uninstall
    // failing the run meanwhile cannot interleave (Postgres, read committed).
    const still = await tx.cancellationRun.updateMany({
      where: { id: run.id, status: "preparing" },
      data: { status: "preparing" },
    });
    if (still.count === 0) return false;
    // Skip orders already in this run (an earlier delivery of this job) or claimed by another run.
    const taken = await ordersWithItems(
      tx,
      run.shop,
      chunk.map((c) => c.id),
      { OR: [{ runId: run.id }, { status: { in: CLAIMED } }] },
    );
    const fresh = chunk.filter((c) => !taken.has(c.id));
    if (fresh.length === 0) return true;
    const items = await tx.cancellationRunItem.createManyAndReturn({
      data: fresh.map((c) => ({
        runId: run.id,
        shop: run.shop,
        orderShopifyId: c.id,
        orderName: c.name,
        previewedLines: toJsonColumn(c.lines),
      })),
      select: { id: true },
    });
    for (const item of items) await enqueueCancelOrder(queue, tx, { shop: run.shop, runId: run.id, itemId: item.id });
    return true;
  });
}

/** Every item exists: the run becomes "queued" (or "running" if some items already started) and is audited. */
async function finishPreparation(
  run: RunRow,
  considered: string[],
  isSelection: boolean,
  now: Date,
): Promise<PrepareRunResult | null> {
  const items = await prisma.cancellationRunItem.findMany({
    where: { runId: run.id },
    select: { orderShopifyId: true, previewedLines: true },
  });
  const own = new Set(items.map((i) => i.orderShopifyId));
  const elsewhere = await ordersWithItems(
    prisma,
    run.shop,
    considered.filter((id) => !own.has(id)),
    { runId: { not: run.id }, status: { in: CLAIMED } },
  );
  const alreadyHandled = elsewhere.size;
  const noLongerEligible = isSelection ? Math.max(0, considered.length - own.size - alreadyHandled) : 0;
  const lines = items.flatMap((i) => linesOf(i.previewedLines));
  const moved = await prisma.$transaction(async (tx) => {
    // Cancel jobs of items created by this preparation may already be at work.
    const started = (await tx.cancellationRunItem.count({ where: { runId: run.id, status: { not: "pending" } } })) > 0;
    const { count } = await tx.cancellationRun.updateMany({
      where: { id: run.id, status: "preparing" },
      data: {
        status: started ? "running" : "queued",
        ...(started ? { startedAt: now } : {}),
        total: items.length,
        previewedUnits: toJsonColumn(unitsReleased([{ lines }])),
        alreadyHandled,
        noLongerEligible,
      },
    });
    if (count === 0) return false;
    await recordAuditEvent(
      {
        shop: run.shop,
        actor: run.actor,
        action: "stale-orders.run-started",
        subject: run.id,
        detail: {
          trigger: run.trigger,
          orders: items.length,
          units: lines.reduce((n, l) => n + l.quantity, 0),
          policy: policyFromJson(run.policy),
          cancelReason: run.cancelReason,
          notifyCustomer: run.notifyCustomer,
          alreadyHandled,
          noLongerEligible,
        },
        at: now,
      },
      tx,
    );
    return true;
  });
  if (!moved) return null;
  // Finishes the run at once when it has no item, or when every item was done while preparing.
  await refreshRunTotals(run.id, run.actor, now);
  return { runId: run.id, queued: items.length, alreadyHandled, noLongerEligible };
}

/**
 * The preparation cannot finish (the shop is gone, Shopify kept failing): the run ends "failed"
 * with the reason instead of "preparing" forever. Items it had created but that have not started
 * are skipped; an order already being cancelled finishes. False when the run was not preparing.
 */
export async function failCancellationRun(runId: string, reason: string, at: Date = new Date()): Promise<boolean> {
  const run = await prisma.$transaction(async (tx) => {
    const row = await tx.cancellationRun.findUnique({ where: { id: runId } });
    if (row?.status !== "preparing") return null;
    await tx.cancellationRun.update({
      where: { id: runId },
      data: { status: "failed", failureReason: reason, finishedAt: at },
    });
    await tx.cancellationRunItem.updateMany({
      where: { runId, status: "pending" },
      data: { status: "skipped", outcome: "run-failed" },
    });
    await recordAuditEvent(
      { shop: row.shop, actor: row.actor, action: "stale-orders.run-failed", subject: runId, detail: { reason }, at },
      tx,
    );
    return row;
  });
  if (!run) return false;
  await refreshRunTotals(runId, run.actor, at);
  return true;
}

/** app/uninstalled cancels the shop's queued jobs, prepare jobs included: their runs fail here. */
export async function failPreparingRuns(shop: string, reason: string = APP_UNINSTALLED): Promise<number> {
  const runs = await prisma.cancellationRun.findMany({ where: { shop, status: "preparing" }, select: { id: true } });
  let failed = 0;
  for (const run of runs) if (await failCancellationRun(run.id, reason)) failed += 1;
  return failed;
}

function selectionOf(stored: JsonColumn): Set<string> | null {
  if (stored === null) return null;
  return new Set(Array.isArray(stored) ? stored.filter((id): id is string => typeof id === "string") : []);
}

const linesOf = (stored: JsonColumn): ReservedLine[] =>
  Array.isArray(stored) ? fromJsonColumn<ReservedLine[]>(stored) : [];
