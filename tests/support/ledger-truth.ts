// The ledger and the simulator's truth in one comparable shape, built independently: the
// simulator side reads its internal state, not the API the app used, so a mistake in the app's
// mapping cannot hide behind itself.
import { prisma } from "~/db.server";
import type { StoreSimulator } from "../../simulator/store-simulator";

interface FulfillmentOrderView {
  id: string;
  orderId: string;
  status: string;
  requestStatus: string;
  locationId: string | null;
  /** At a fulfillment service (a 3PL). */
  thirdParty: boolean;
  holds: string[];
  lines: { id: string; total: number; remaining: number }[];
  /** The order's fields the queue filters this FO by (copied onto the FO row), case folded. */
  orderFilters: { name: string; financialStatus: string | null; tags: string[]; customer: string | null };
}

interface OrderView {
  id: string;
  name: string;
  financialStatus: string | null;
  cancelled: boolean;
  fulfillmentOrders: FulfillmentOrderView[];
}

const byId = <T extends { id: string }>(a: T, b: T) => a.id.localeCompare(b.id);

export function simulatorView(sim: StoreSimulator, domain: string): OrderView[] {
  const shop = sim.snapshot(domain);
  return shop.orders
    .map((order) => ({
      id: order.id,
      name: order.name,
      financialStatus: order.financialStatus,
      cancelled: order.cancelledAt !== null,
      fulfillmentOrders: shop.fulfillmentOrders
        .filter((fo) => fo.orderId === order.id)
        .map((fo) => ({
          id: fo.id,
          orderId: fo.orderId,
          status: fo.status,
          requestStatus: fo.requestStatus,
          locationId: fo.locationId,
          thirdParty: shop.locations.find((l) => l.id === fo.locationId)?.kind === "fulfillment_service",
          holds: fo.holds.map((h) => h.id).sort(),
          lines: fo.lineItems
            .map((li) => ({ id: li.id, total: li.totalQuantity, remaining: li.remainingQuantity }))
            .sort(byId),
          orderFilters: {
            name: order.name,
            financialStatus: order.financialStatus,
            tags: order.tags.map((tag) => tag.toLowerCase()).sort(),
            customer: order.customer
              ? `${order.customer.firstName} ${order.customer.lastName}`.trim().toLowerCase()
              : null,
          },
        }))
        .sort(byId),
    }))
    .sort(byId);
}

export async function ledgerView(domain: string): Promise<OrderView[]> {
  const orders = await prisma.order.findMany({ where: { shop: domain }, include: { fulfillmentOrders: true } });
  return orders
    .map((order) => ({
      id: order.shopifyId,
      name: order.name,
      financialStatus: order.displayFinancialStatus,
      cancelled: order.cancelledAt !== null,
      fulfillmentOrders: order.fulfillmentOrders
        .map((fo) => ({
          id: fo.shopifyId,
          orderId: fo.orderShopifyId,
          status: fo.status,
          requestStatus: fo.requestStatus,
          locationId: fo.locationShopifyId,
          thirdParty: fo.thirdParty,
          holds: (fo.holds as { id: string }[]).map((h) => h.id).sort(),
          lines: (fo.lineItems as { id: string; totalQuantity: number; remainingQuantity: number }[])
            .map((li) => ({ id: li.id, total: li.totalQuantity, remaining: li.remainingQuantity }))
            .sort(byId),
          orderFilters: {
            name: fo.orderName,
            financialStatus: fo.orderFinancialStatus,
            tags: fo.orderTags.split(",").filter(Boolean).sort(),
            customer: fo.customerSearch,
          },
        }))
        .sort(byId),
    }))
    .sort(byId);
}
