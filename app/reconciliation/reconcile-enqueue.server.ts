// Enqueuing reconciliation, apart from running it: shopify.server.ts enqueues the install
// backfill from afterAuth, and running a sweep needs the shop's Admin client, which comes from
// shopify.server.ts. Keeping the two apart keeps the import graph acyclic.
import type { JobQueue } from "~/jobs/job-queue";
import type { ReconcileTrigger } from "./reconcile-runs.server";

export const RECONCILE_JOB = "reconcile.shop";
export const DEFAULT_RECONCILE_INTERVAL_MINUTES = 15;

export interface ReconcileJobPayload {
  shop: string;
  trigger: ReconcileTrigger;
}

/** One `reconcile.shop` job per shop and kind at a time (dedupeKey). */
export function enqueueReconcile(queue: JobQueue, shop: string, trigger: ReconcileTrigger) {
  // A backfill and a sweep cover different windows, so they don't collapse onto each other.
  const kind = trigger === "install" || trigger === "backfill" ? "backfill" : "sweep";
  return queue.enqueue(RECONCILE_JOB, { shop, trigger } satisfies ReconcileJobPayload, {
    shop,
    dedupeKey: `reconcile:${kind}:${shop}`,
    maxAttempts: 5,
  });
}
