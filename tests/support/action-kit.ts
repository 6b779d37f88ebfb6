// Test support for the fulfillment-action tests: a shop installed in the store simulator, its
// ledger filled from Shopify, the real Admin client (unauthenticated.admin), and readers.
// Test-only; lives beside the tests that use it.
import { randomUUID } from "node:crypto";
import { prisma } from "~/db.server";
import type { AdminGraphql } from "~/shopify/admin/run-operation.server";
import { unauthenticated } from "~/shopify.server";
import type { CreateOrderInput } from "../../simulator/store-simulator";
import { fakeClock } from "./fake-clock";
import { seedLocations } from "./seed";
import { installShop, type SimulatorHarness, startSimulator } from "./simulator";
import { refreshOrder } from "../../app/fulfillment/refresh-order.server";

export const ACTOR = "staff:42";

export interface Kit {
  h: SimulatorHarness;
  clock: ReturnType<typeof fakeClock>;
  shop: string;
  seed: ReturnType<typeof seedLocations>;
  /** The real Admin client, wrapped to record each operation's name. */
  graphql: AdminGraphql;
  operations: string[];
  /** A Shopify order, synced into the ledger as webhooks would; returns its FO ids. */
  placeOrder: (input: CreateOrderInput) => Promise<{ orderId: string; fulfillmentOrderIds: string[] }>;
  /** Refreshes an order into the ledger (as a webhook would). */
  refresh: (orderId: string) => Promise<void>;
  /** A form for the FO as the detail page would post it now. */
  form: (foId: string, fields: Record<string, unknown>) => Promise<Record<string, unknown>>;
  mutations: () => string[];
}

export function startKit(): { get: () => Kit; start: (shop: string) => Promise<Kit> } {
  let current: Kit | null = null;
  return {
    get: () => {
      if (!current) throw new Error("kit not started");
      return current;
    },
    start: async (shop: string) => {
      const clock = fakeClock();
      const h = startSimulator({ now: clock.date });
      await installShop(h.sim, shop);
      const seed = seedLocations(h.sim, shop);
      const { admin } = await unauthenticated.admin(shop);
      const operations: string[] = [];
      const graphql: AdminGraphql = (query, options) => {
        operations.push(/(query|mutation)\s+(\w+)/.exec(query)?.slice(1).join(" ") ?? "anonymous");
        return admin.graphql(query, options);
      };
      const refresh = async (orderId: string) => {
        await refreshOrder(graphql, shop, orderId, { source: "webhook" });
        operations.length = 0;
      };
      const kit: Kit = {
        h,
        clock,
        shop,
        seed,
        graphql,
        operations,
        refresh,
        placeOrder: async (input) => {
          const order = h.sim.createOrder(shop, input);
          clock.advance(1000);
          await refresh(order.id);
          return { orderId: order.id, fulfillmentOrderIds: h.sim.fulfillmentOrdersOf(order.id).map((fo) => fo.id) };
        },
        form: async (foId, fields) => {
          const row = await prisma.fulfillmentOrder.findUniqueOrThrow({
            where: { shop_shopifyId: { shop, shopifyId: foId } },
          });
          // Each action happens a second later than the last change: Shopify's updatedAt has
          // second resolution.
          clock.advance(1000);
          return {
            fulfillmentOrderId: foId,
            expectedUpdatedAt: row.shopifyUpdatedAt.toISOString(),
            idempotencyKey: randomUUID(),
            ...fields,
          };
        },
        mutations: () => operations.filter((op) => op.startsWith("mutation")),
      };
      current = kit;
      return kit;
    },
  };
}

export async function ledgerRow(shop: string, foId: string) {
  return prisma.fulfillmentOrder.findUniqueOrThrow({ where: { shop_shopifyId: { shop, shopifyId: foId } } });
}

export async function ledgerRowsOfOrder(shop: string, orderId: string) {
  return prisma.fulfillmentOrder.findMany({ where: { shop, orderShopifyId: orderId }, orderBy: { openedAt: "asc" } });
}

/** The FO's history as (kind, from, to, source, actor), oldest first. */
export async function eventsOf(shop: string, foId: string) {
  const events = await prisma.fulfillmentOrderEvent.findMany({
    where: { shop, fulfillmentOrder: { shopifyId: foId } },
    orderBy: [{ at: "asc" }, { id: "asc" }],
  });
  return events.map((e) => ({
    kind: e.kind,
    from: e.fromValue,
    to: e.toValue,
    source: e.source,
    actor: e.actor,
  }));
}

export async function actionRequests(shop: string) {
  return prisma.actionRequest.findMany({ where: { shop } });
}
