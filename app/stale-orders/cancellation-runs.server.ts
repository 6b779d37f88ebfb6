// Starting a cancellation run: a fresh preview on the server decides what is eligible (the
// browser's selection only narrows it), each order becomes one CancellationRunItem and one job.
// Orders already cancelled by an earlier run, or still in flight in one, are never queued again.
import { prisma } from "~/db.server";
import type { JobQueue } from "~/jobs/job-queue";
import type { AdminGraphql } from "~/shopify/admin/run-operation.server";
import { recordAuditEvent } from "./audit.server";
import type { ItemStatus } from "./options";
import { loadStaleOrderSettings } from "./policy-settings.server";
import { unitsReleased } from "./preview";
import { previewStaleOrders } from "./preview.server";

export const CANCEL_ORDER_JOB = "stale-orders.cancel-order";

export interface CancelOrderJobPayload {
  shop: string;
  runId: string;
  itemId: string;
}

/** Statuses that mean "this order is ours already": queued, being cancelled, or cancelled. */
const CLAIMED: ItemStatus[] = ["pending", "cancelling", "cancelled"];

const ID_CHUNK = 500;

export type RunTrigger = "manual" | "scheduled";

export interface StartRunResult {
  runId: string | null;
  queued: number;
  /** Selected, but already cancelled or in flight in another run. */
  alreadyHandled: number;
  /** Selected, but a fresh preview no longer finds them eligible (paid meanwhile, gone…). */
  noLongerEligible: number;
}

export async function startCancellationRun(input: {
  graphql: AdminGraphql;
  queue: JobQueue;
  shop: string;
  actor: string | null;
  trigger: RunTrigger;
  /** Order GIDs the merchant ticked, or "all" for every eligible order (the schedule). */
  selection: string[] | "all";
  now?: Date;
}): Promise<StartRunResult> {
  const { shop } = input;
  const now = input.now ?? new Date();
  const settings = await loadStaleOrderSettings(shop);
  const preview = await previewStaleOrders(input.graphql, settings.policy, now);
  const wanted = input.selection === "all" ? null : new Set(input.selection);
  const selected = wanted ? preview.candidates.filter((c) => wanted.has(c.id)) : preview.candidates;

  const created = await prisma.$transaction(async (tx) => {
    // Over the whole selection: orders this app already cancelled drop out of the preview, and
    // count as handled rather than ineligible.
    const ids = wanted ? [...wanted] : selected.map((c) => c.id);
    const claimed: { orderShopifyId: string }[] = [];
    // In chunks: SQLite caps the number of bound parameters in one statement.
    for (let i = 0; i < ids.length; i += ID_CHUNK) {
      claimed.push(
        ...(await tx.cancellationRunItem.findMany({
          where: { shop, orderShopifyId: { in: ids.slice(i, i + ID_CHUNK) }, status: { in: CLAIMED } },
          select: { orderShopifyId: true },
        })),
      );
    }
    const taken = new Set(claimed.map((c) => c.orderShopifyId));
    const fresh = selected.filter((c) => !taken.has(c.id));
    if (fresh.length === 0) return { run: null, fresh, alreadyHandled: taken.size };
    const run = await tx.cancellationRun.create({
      data: {
        shop,
        trigger: input.trigger,
        actor: input.actor,
        policy: JSON.stringify(settings.policy),
        cancelReason: settings.cancelReason,
        notifyCustomer: settings.notifyCustomer,
        staffNote: settings.staffNote,
        total: fresh.length,
        previewedUnits: JSON.stringify(unitsReleased(fresh)),
        createdAt: now,
        items: {
          create: fresh.map((c) => ({
            shop,
            orderShopifyId: c.id,
            orderName: c.name,
            previewedLines: JSON.stringify(c.lines),
          })),
        },
      },
      include: { items: { select: { id: true } } },
    });
    return { run, fresh, alreadyHandled: taken.size };
  });

  const noLongerEligible = wanted ? wanted.size - created.alreadyHandled - created.fresh.length : 0;
  if (!created.run) return { runId: null, queued: 0, alreadyHandled: created.alreadyHandled, noLongerEligible };
  const run = created.run;
  for (const item of run.items) {
    await input.queue.enqueue(
      CANCEL_ORDER_JOB,
      { shop, runId: run.id, itemId: item.id } satisfies CancelOrderJobPayload,
      {
        shop,
        // Cancelling is slow on Shopify's side; the job yields while Shopify works and tries again.
        maxAttempts: 20,
        dedupeKey: `stale-orders:cancel:${shop}:${item.id}`,
      },
    );
  }
  await recordAuditEvent({
    shop,
    actor: input.actor,
    action: "stale-orders.run-started",
    subject: run.id,
    detail: {
      trigger: input.trigger,
      orders: created.fresh.length,
      units: created.fresh.reduce((n, c) => n + c.units, 0),
      policy: settings.policy,
      cancelReason: settings.cancelReason,
      notifyCustomer: settings.notifyCustomer,
      alreadyHandled: created.alreadyHandled,
      noLongerEligible,
    },
    at: now,
  });
  return { runId: run.id, queued: created.fresh.length, alreadyHandled: created.alreadyHandled, noLongerEligible };
}
