// Reconciliation as background work: the `reconcile.shop` job (enqueued by reconcile-enqueue.server.ts
// every 15 minutes for each active shop, after install for the 60-day backfill, and on demand).
import type { JobContext } from "~/jobs/job-queue";
import { PermanentJobError } from "~/jobs/job-queue";
import { getJobQueue } from "~/jobs/runtime.server";
import { newClientStats } from "~/shopify/admin/admin-client.server";
import { shopAdminGraphql } from "~/shopify/admin/shop-admin.server";
import { ordersWithQueuedRead } from "~/webhooks/handlers/order-read-job.server";
import type { ReconcileJobPayload } from "./reconcile-enqueue.server";
import { reconcileShop } from "./reconcile-shop.server";

export async function runReconcileJob(payload: ReconcileJobPayload, _job: JobContext): Promise<void> {
  const stats = newClientStats();
  const graphql = await shopAdminGraphql(payload.shop, { stats });
  if (!graphql) throw new PermanentJobError(`${payload.shop} has no offline session: not installed`);
  await reconcileShop(graphql, payload.shop, {
    trigger: payload.trigger,
    stats,
    queuedReads: (orderIds) => ordersWithQueuedRead(getJobQueue(), payload.shop, orderIds),
  });
}
