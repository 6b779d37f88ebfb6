// Shopify's mandatory compliance webhooks
// (https://shopify.dev/docs/apps/build/compliance/privacy-law-compliance).
import { prisma } from "~/db.server";
import { forgetShop } from "~/shopify/session-cache.server";

/**
 * shop/redact (48 hours after uninstall): delete every row of that shop in one transaction.
 * `keepJobId` is the job doing the work; the runner finishes its own row afterwards.
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
    prisma.job.deleteMany({ where: { shop, ...(keepJobId ? { NOT: { id: keepJobId } } : {}) } }),
    prisma.session.deleteMany({ where: { shop } }),
    prisma.shop.deleteMany({ where: { shop } }),
  ]);
  forgetShop(shop);
}

export interface CustomerRef {
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
    const mentions = [...orderIds, ...ref.orderIds, ...(ref.customerId ? [ref.customerId] : [])];
    const legacyIds = mentions.map((gid) => gid.split("/").pop() ?? gid);
    const deliveries = await tx.webhookDelivery.updateMany({
      where: {
        shop,
        topic: { startsWith: "orders/" },
        OR: [...new Set([...mentions, ...legacyIds])].map((id) => ({ payload: { contains: id } })),
      },
      data: { payload: JSON.stringify({ redacted: true }) },
    });
    return { orders: updated.count, deliveries: deliveries.count };
  });
}

/** customers/data_request: record the request and produce what we store about that customer. */
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
  const report = { customerId: ref.customerId, orders };
  return prisma.customerDataRequest.create({
    data: {
      shop,
      customerShopifyId: ref.customerId,
      email,
      ordersRequested: JSON.stringify(ref.orderIds),
      report: JSON.stringify(report),
    },
  });
}
