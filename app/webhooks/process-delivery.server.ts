// The `webhook.process` job: turn one recorded delivery into its effect. Idempotent — a
// delivery already processed is skipped, and every effect is an upsert guarded by Shopify's
// updatedAt — because jobs run at least once.
import type { JobContext } from "~/jobs/job-queue";
import { isPermanentJobError } from "~/jobs/job-queue";
import { deleteOrder, markFulfillmentOrdersPreparedForPickup } from "~/fulfillment/ledger.server";
import { getJobQueue } from "~/jobs/runtime.server";
import { answerCustomerDataRequest, customerRefOf, redactCustomer, redactShop } from "~/shops/compliance.server";
import { recordScopes, recordUninstall } from "~/shops/shop-lifecycle.server";
import { shopAdminGraphql } from "~/shopify/admin/shop-admin.server";
import { APP_UNINSTALLED, failPreparingRuns } from "~/stale-orders/prepare-run.server";
import { refreshFromWebhook } from "./handlers/refresh-from-webhook.server";
import { findDeliveryById, markDelivery } from "./inbox.server";
import { parseJsonLossless } from "./lossless-json";
import { refreshTargetsOf } from "./payload-targets";
import { topicDefinition } from "./topics";
import { abandonPickupCancellationsOf } from "~/fulfillment/pickup/cancel-and-restock.server";
import { abandonOpenItemsOf } from "~/stale-orders/cancel-order.server";

export interface ProcessDeliveryPayload {
  deliveryId: string;
}

type Outcome = { status: "processed" | "ignored"; reason?: string };

const PREPARED_FOR_PICKUP_TOPIC = "fulfillment_orders/line_items_prepared_for_pickup";

async function handle(
  delivery: { id: string; shop: string; topic: string; payload: string },
  job: JobContext,
): Promise<Outcome> {
  const definition = topicDefinition(delivery.topic);
  if (!definition) return { status: "ignored", reason: "unknown_topic" };
  const payload = parseJsonLossless(delivery.payload);
  const { shop } = delivery;

  switch (definition.kind) {
    case "order":
    case "fulfillment-order": {
      const graphql = await shopAdminGraphql(shop);
      if (!graphql) return { status: "ignored", reason: "shop_not_installed" };
      const targets = refreshTargetsOf(delivery.topic, payload);
      const outcome = await refreshFromWebhook(graphql, shop, targets);
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
      await redactShop(shop, job.jobId);
      return { status: "processed", reason: "shop_redacted" };
  }
}

export async function processDelivery(payload: ProcessDeliveryPayload, job: JobContext): Promise<void> {
  const delivery = await findDeliveryById(payload.deliveryId);
  // Gone (shop/redact) or already done by an earlier attempt: nothing left to do.
  if (!delivery || delivery.status !== "received") return;
  try {
    const outcome = await handle(delivery, job);
    if (outcome.reason === "shop_redacted") return;
    await markDelivery(delivery.id, outcome.status, outcome.reason);
  } catch (error) {
    const lastAttempt = job.attempt >= job.maxAttempts || isPermanentJobError(error);
    if (lastAttempt) await markDelivery(delivery.id, "failed", error instanceof Error ? error.message : String(error));
    throw error;
  }
}
