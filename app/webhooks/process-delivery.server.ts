// The `webhook.process` job: turn one recorded delivery into its effect. Idempotent — a
// delivery already processed is skipped, and every effect is an upsert guarded by Shopify's
// updatedAt — because jobs run at least once.
import type { JobContext, JobWorker } from "~/jobs/job-queue";
import { isPermanentJobError } from "~/jobs/job-queue";
import { deleteOrder, markFulfillmentOrdersPreparedForPickup } from "~/fulfillment/ledger.server";
import { getJobQueue } from "~/jobs/runtime.server";
import { answerCustomerDataRequest, customerRefOf, redactCustomer, redactShop } from "~/shops/compliance.server";
import { isShopInstalled, recordScopes, recordUninstall } from "~/shops/shop-lifecycle.server";
import { shopAdminGraphql } from "~/shopify/admin/shop-admin.server";
import { APP_UNINSTALLED, failPreparingRuns } from "~/stale-orders/prepare-run.server";
import type { AdminGraphql } from "~/shopify/admin/run-operation.server";
import {
  type CoalescingQueue,
  READ_ORDER_JOB,
  type ReadOrderPayload,
  readOrderJob,
} from "./handlers/order-read-job.server";
import { refreshFromWebhook } from "./handlers/refresh-from-webhook.server";
import { findDeliveryById, markDelivery, PROCESS_WEBHOOK_JOB } from "./inbox.server";
import { parseJsonLossless } from "./lossless-json";
import { checkPayloadAgainstHeaders } from "./payload-check";
import { refreshTargetsOf } from "./payload-targets";
import { topicDefinition } from "./topics";
import { abandonPickupCancellationsOf } from "~/fulfillment/pickup/cancel-and-restock.server";
import { abandonOpenItemsOf } from "~/stale-orders/cancel-order.server";

export interface ProcessDeliveryPayload {
  deliveryId: string;
}

type Outcome = { status: "processed" | "ignored"; reason?: string };

/** What processing reaches outside the inbox: the queue (coalesced reads) and the shop's Admin client. */
interface WebhookDeps {
  queue: CoalescingQueue;
  adminFor: (shop: string) => Promise<AdminGraphql | null>;
}

const defaultDeps = (): WebhookDeps => ({ queue: getJobQueue(), adminFor: (shop) => shopAdminGraphql(shop) });

const PREPARED_FOR_PICKUP_TOPIC = "fulfillment_orders/line_items_prepared_for_pickup";

async function handle(
  delivery: { id: string; shop: string; topic: string; payload: string },
  job: JobContext,
  deps: WebhookDeps,
): Promise<Outcome> {
  const definition = topicDefinition(delivery.topic);
  if (!definition) return { status: "ignored", reason: "unknown_topic" };
  const payload = parseJsonLossless(delivery.payload);
  const { shop } = delivery;
  // Checked at ingest too; again here for deliveries recorded before that check existed.
  const check = checkPayloadAgainstHeaders(definition.kind, shop, payload);
  if (!check.ok) return { status: "ignored", reason: `headers_mismatch: ${check.reason}` };

  switch (definition.kind) {
    case "order":
    case "fulfillment-order": {
      const graphql = await deps.adminFor(shop);
      if (!graphql) return { status: "ignored", reason: "shop_not_installed" };
      const targets = refreshTargetsOf(delivery.topic, payload);
      const inline = targets.lineage.length > 0 || delivery.topic === PREPARED_FOR_PICKUP_TOPIC;
      const outcome = await refreshFromWebhook(graphql, deps.queue, shop, targets, { inline });
      // Shopify's FulfillmentOrder has no "prepared" field: this webhook is the only word of it.
      if (delivery.topic === PREPARED_FOR_PICKUP_TOPIC) {
        await markFulfillmentOrdersPreparedForPickup(shop, targets.fulfillmentOrderIds, {
          source: "webhook",
          actor: null,
        });
      }
      return outcome;
    }
    case "order-deleted": {
      const [orderId] = refreshTargetsOf(delivery.topic, payload).orderIds;
      const deleted = orderId ? await deleteOrder(shop, orderId) : 0;
      return deleted ? { status: "processed" } : { status: "ignored", reason: "no_such_order" };
    }
    case "app-uninstalled":
      await recordUninstall(shop);
      await getJobQueue().cancelJobsForShop(shop);
      // Their jobs were just cancelled: what they stood for ends "failed", not "in progress" forever.
      await failPreparingRuns(shop);
      await abandonOpenItemsOf(shop, APP_UNINSTALLED);
      await abandonPickupCancellationsOf(shop, APP_UNINSTALLED);
      return { status: "processed" };
    case "app-scopes-update": {
      const current = (payload as { current?: unknown }).current;
      await recordScopes(shop, Array.isArray(current) ? current.map(String) : []);
      return { status: "processed" };
    }
    case "customers-redact":
      await redactCustomer(shop, customerRefOf(payload, "orders_to_redact"));
      return { status: "processed" };
    case "customers-data-request": {
      const email = (payload as { customer?: { email?: unknown } }).customer?.email;
      await answerCustomerDataRequest(
        shop,
        customerRefOf(payload, "orders_requested"),
        typeof email === "string" ? email : null,
      );
      return { status: "processed" };
    }
    case "shop-redact":
      // Shopify sends shop/redact 48 hours after the shop uninstalls the app
      // (https://shopify.dev/docs/apps/build/compliance/privacy-law-compliance#shop-redact). A shop
      // that is installed right now (never left, or came back) keeps its data: the delivery stays
      // recorded, marked ignored, and nothing is deleted.
      if (await isShopInstalled(shop)) return { status: "ignored", reason: "shop_installed" };
      await redactShop(shop, job.jobId);
      return { status: "processed", reason: "shop_redacted" };
  }
}

export async function processDelivery(
  payload: ProcessDeliveryPayload,
  job: JobContext,
  deps: WebhookDeps = defaultDeps(),
): Promise<void> {
  const delivery = await findDeliveryById(payload.deliveryId);
  // Gone (shop/redact) or already done by an earlier attempt: nothing left to do.
  if (!delivery || delivery.status !== "received") return;
  try {
    const outcome = await handle(delivery, job, deps);
    if (outcome.reason === "shop_redacted") return;
    await markDelivery(delivery.id, outcome.status, outcome.reason);
  } catch (error) {
    const lastAttempt = job.attempt >= job.maxAttempts || isPermanentJobError(error);
    if (lastAttempt) await markDelivery(delivery.id, "failed", error instanceof Error ? error.message : String(error));
    throw error;
  }
}

/** The webhook jobs: processing a delivery, and the coalesced order reads it queues. */
export function registerWebhookJobs(worker: Pick<JobWorker, "register">, deps: WebhookDeps = defaultDeps()): void {
  worker.register<ProcessDeliveryPayload>(PROCESS_WEBHOOK_JOB, (payload, job) => processDelivery(payload, job, deps));
  worker.register<ReadOrderPayload>(READ_ORDER_JOB, (payload, job) => readOrderJob(payload, job, deps));
}
