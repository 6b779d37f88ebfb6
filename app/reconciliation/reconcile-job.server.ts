// Reconciliation as background work: one `reconcile.shop` job per shop at a time (dedupeKey),
// enqueued every 15 minutes for each active shop, after install (60-day backfill), and on demand.
import type { JobContext, JobQueue } from "~/jobs/job-queue";
import { PermanentJobError } from "~/jobs/job-queue";
import { newClientStats } from "~/shopify/admin/admin-client.server";
import { shopAdminGraphql } from "~/shopify/admin/shop-admin.server";
import type { ReconcileTrigger } from "./reconcile-runs.server";
import { reconcileShop } from "./reconcile-shop.server";

export const RECONCILE_JOB = "reconcile.shop";
export const DEFAULT_RECONCILE_INTERVAL_MINUTES = 15;

export interface ReconcileJobPayload {
  shop: string;
  trigger: ReconcileTrigger;
}

export function enqueueReconcile(queue: JobQueue, shop: string, trigger: ReconcileTrigger) {
  // A backfill and a sweep cover different windows, so they don't collapse onto each other.
  const kind = trigger === "install" || trigger === "backfill" ? "backfill" : "sweep";
  return queue.enqueue(RECONCILE_JOB, { shop, trigger } satisfies ReconcileJobPayload, {
    shop,
    dedupeKey: `reconcile:${kind}:${shop}`,
    maxAttempts: 5,
  });
}

export async function runReconcileJob(payload: ReconcileJobPayload, _job: JobContext): Promise<void> {
  const stats = newClientStats();
  const graphql = await shopAdminGraphql(payload.shop, { stats });
  if (!graphql) throw new PermanentJobError(`${payload.shop} has no offline session: not installed`);
  await reconcileShop(graphql, payload.shop, { trigger: payload.trigger, stats });
}
