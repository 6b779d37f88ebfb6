// Shopify's mandatory compliance webhooks
// (https://shopify.dev/docs/apps/build/compliance/privacy-law-compliance).
import { toJsonColumn } from "~/db/json-column";
import { prisma } from "~/db.server";
import { getJobQueue } from "~/jobs/runtime.server";
import { retentionPolicy } from "~/retention/prune-retained.server";
import { forgetShop } from "~/shopify/session-cache.server";

/**
 * shop/redact (48 hours after uninstall): delete every row of that shop in one transaction, then
 * the shop's jobs through the queue (which may not live in this database). Every model with a
 * `shop` column must be here; lifecycle-and-compliance.test.ts checks them all from the schema, so
 * a new table cannot be forgotten. A failure between the two leaves the job doing the work
 * (`keepJobId`, finished by the worker afterwards) to retry: every step is idempotent.
 */
export async function redactShop(shop: string, keepJobId?: string): Promise<void> {
  await prisma.$transaction([
    prisma.fulfillmentOrderEvent.deleteMany({ where: { shop } }),
    prisma.fulfillmentOrder.deleteMany({ where: { shop } }),
    prisma.order.deleteMany({ where: { shop } }),
    prisma.webhookDelivery.deleteMany({ where: { shop } }),
    prisma.reconcileRun.deleteMany({ where: { shop } }),
    prisma.customerDataRequest.deleteMany({ where: { shop } }),
    prisma.cancellationRunItem.deleteMany({ where: { shop } }),
    prisma.cancellationRun.deleteMany({ where: { shop } }),
    prisma.staleOrderPolicy.deleteMany({ where: { shop } }),
    prisma.auditEvent.deleteMany({ where: { shop } }),
    prisma.actionRequest.deleteMany({ where: { shop } }),
    prisma.pickupCancellation.deleteMany({ where: { shop } }),
    prisma.shopSettings.deleteMany({ where: { shop } }),
    prisma.automationDecision.deleteMany({ where: { shop } }),
    prisma.automationRuleSet.deleteMany({ where: { shop } }),
    prisma.automationSettings.deleteMany({ where: { shop } }),
    prisma.upsellPresentation.deleteMany({ where: { shop } }),
    prisma.upsellOffer.deleteMany({ where: { shop } }),
    prisma.adminApiBudget.deleteMany({ where: { shop } }),
    prisma.session.deleteMany({ where: { shop } }),
    prisma.shop.deleteMany({ where: { shop } }),
  ]);
  await getJobQueue().deleteJobsForShop(shop, { except: keepJobId });
  forgetShop(shop);
}

interface CustomerRef {
  customerId: string | null;
  orderIds: string[];
}

const customerGid = (id: unknown) => (id === null || id === undefined ? null : `gid://shopify/Customer/${id}`);
const orderGid = (id: unknown) => `gid://shopify/Order/${id}`;

export function customerRefOf(payload: unknown, ordersKey: "orders_to_redact" | "orders_requested"): CustomerRef {
  const body = (payload ?? {}) as { customer?: { id?: unknown }; [key: string]: unknown };
  const orders = Array.isArray(body[ordersKey]) ? (body[ordersKey] as unknown[]) : [];
  return { customerId: customerGid(body.customer?.id), orderIds: orders.map(orderGid) };
}

function customerOrdersWhere(shop: string, ref: CustomerRef) {
  return {
    shop,
    OR: [
      ...(ref.customerId ? [{ customerShopifyId: ref.customerId }] : []),
      ...(ref.orderIds.length ? [{ shopifyId: { in: ref.orderIds } }] : []),
    ],
  };
}

/**
 * Stored webhook payloads that name the customer or one of their orders. Only orders/* payloads
 * carry personal data (names, emails, addresses); fulfillment-order payloads carry ids only.
 */
function deliveriesMentioning(shop: string, ref: CustomerRef, ledgerOrderIds: string[]) {
  const mentions = [...ledgerOrderIds, ...ref.orderIds, ...(ref.customerId ? [ref.customerId] : [])];
  const legacyIds = mentions.map((gid) => gid.split("/").pop() ?? gid);
  return {
    shop,
    topic: { startsWith: "orders/" },
    OR: [...new Set([...mentions, ...legacyIds])].map((id) => ({ payload: { contains: id } })),
  };
}

/**
 * customers/redact: remove the customer's personal data from our rows. The ledger keeps only a
 * name and id per order; stored webhook payloads of those orders are blanked too.
 */
export async function redactCustomer(shop: string, ref: CustomerRef): Promise<{ orders: number; deliveries: number }> {
  if (!ref.customerId && ref.orderIds.length === 0) return { orders: 0, deliveries: 0 };
  return prisma.$transaction(async (tx) => {
    const orders = await tx.order.findMany({ where: customerOrdersWhere(shop, ref), select: { shopifyId: true } });
    const orderIds = orders.map((o) => o.shopifyId);
    const updated = await tx.order.updateMany({
      where: { shop, shopifyId: { in: orderIds } },
      data: { customerName: null, customerShopifyId: null },
    });
    // The queue's lowercased copy of the name (order-filter-fields.ts) goes too.
    await tx.fulfillmentOrder.updateMany({
      where: { shop, orderShopifyId: { in: orderIds } },
      data: { customerSearch: null },
    });
    const deliveries = await tx.webhookDelivery.updateMany({
      where: deliveriesMentioning(shop, ref, orderIds),
      data: { payload: JSON.stringify({ redacted: true }) },
    });
    return { orders: updated.count, deliveries: deliveries.count };
  });
}

/**
 * customers/data_request: record the request and produce everything we still store about that
 * customer: the ledger's orders (name, customer name, statuses, FOs) and the raw webhook payloads
 * that name them, which are kept until the retention period ends (README.md#privacy-and-data-retention).
 */
export async function answerCustomerDataRequest(shop: string, ref: CustomerRef, email: string | null) {
  const orders = await prisma.order.findMany({
    where: customerOrdersWhere(shop, ref),
    select: {
      shopifyId: true,
      name: true,
      placedAt: true,
      customerName: true,
      displayFinancialStatus: true,
      displayFulfillmentStatus: true,
      fulfillmentOrders: { select: { shopifyId: true, status: true, locationName: true } },
    },
  });
  const deliveries = await prisma.webhookDelivery.findMany({
    where: deliveriesMentioning(
      shop,
      ref,
      orders.map((order) => order.shopifyId),
    ),
    select: { topic: true, receivedAt: true, payload: true },
    orderBy: { receivedAt: "asc" },
  });
  return recordDataRequest(shop, ref, email, {
    orders,
    webhookPayloads: deliveries,
    webhookPayloadsKeptForDays: retentionPolicy().webhookDeliveryDays,
  });
}

async function recordDataRequest(shop: string, ref: CustomerRef, email: string | null, stored: object) {
  const report = { customerId: ref.customerId, ...stored };
  return prisma.customerDataRequest.create({
    data: {
      shop,
      customerShopifyId: ref.customerId,
      email,
      ordersRequested: toJsonColumn(ref.orderIds),
      report: toJsonColumn(report),
    },
  });
}
