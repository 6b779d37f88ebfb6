import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { unauthenticated } from "~/shopify.server";
import { fakeClock } from "../../../tests/support/fake-clock";
import { seedLocations } from "../../../tests/support/seed";
import { installShop, type SimulatorHarness, startSimulator } from "../../../tests/support/simulator";
import { costAwareGraphql, newClientStats, resetCostTracking } from "./admin-client.server";
import { type BudgetStore, budgetIsShared, DatabaseBudgetStore, MemoryBudgetStore } from "./api-budget-store.server";
import { AdminTransportError } from "./errors";
import { fetchOrdersChangedPage } from "./orders-changed-since.server";
import { fetchShopDetails } from "./shop-details.server";
import { runOperation } from "./run-operation.server";

let h: SimulatorHarness;
let clock: ReturnType<typeof fakeClock>;
beforeEach(() => {
  clock = fakeClock();
  resetCostTracking();
  h = startSimulator({ now: clock.date });
});
afterEach(() => h.close());

async function client(shop: string) {
  const stats = newClientStats();
  const { admin } = await unauthenticated.admin(shop);
  const graphql = costAwareGraphql(shop, admin.graphql, {
    sleep: clock.sleep,
    now: clock.now,
    stats,
    readBackoffMs: 10,
  });
  return { graphql, stats };
}

/** An installed shop with one order at its warehouse: that order's first FO. */
async function shopWithOneFo(shop: string, options: Parameters<typeof installShop>[2] = {}) {
  await installShop(h.sim, shop, options);
  const s = seedLocations(h.sim, shop);
  const order = h.sim.createOrder(shop, {
    lineItems: [{ variantId: s.tee.id, quantity: 1 }],
    locationId: s.warehouse.id,
  });
  return h.sim.fulfillmentOrdersOf(order.id)[0]!;
}

const HOLD = `#graphql
  mutation ClientTestHold($id: ID!) {
    fulfillmentOrderHold(id: $id, fulfillmentHold: { reason: OTHER, handle: "client-test" }) {
      userErrors { message }
    }
  }`;

describe("the cost-aware Admin client", () => {
  it("retries a read that Shopify answered with a 503, with backoff", async () => {
    const shop = "client-read.myshopify.com";
    await installShop(h.sim, shop);
    const { graphql, stats } = await client(shop);
    h.sim.failNext({ count: 2, status: 503 });
    const details = await fetchShopDetails(graphql);
    expect(details.domain).toBe(shop);
    expect(stats).toMatchObject({ calls: 3, readRetries: 2 });
    expect(stats.waitedMs).toBeGreaterThan(0);
  });

  it("never retries a mutation after a 5xx, because it may have run", async () => {
    const shop = "client-write.myshopify.com";
    const fo = await shopWithOneFo(shop);
    const { graphql, stats } = await client(shop);
    h.sim.failNext({ count: 1, status: 502 });
    const attempt = runOperation(graphql, {
      name: "ClientTestHold",
      kind: "mutation",
      document: HOLD,
      variables: { id: fo.id },
    });
    await expect(attempt).rejects.toBeInstanceOf(AdminTransportError);
    expect(stats).toMatchObject({ calls: 1, readRetries: 0 });
    expect(h.sim.getFulfillmentOrder(fo.id).holds).toEqual([]);
  });

  it("waits out THROTTLED and then succeeds, mutations included", async () => {
    const shop = "client-throttled.myshopify.com";
    const fo = await shopWithOneFo(shop, { plan: { bucketSize: 1000, restoreRate: 50 } });
    const { graphql, stats } = await client(shop);
    h.sim.setBucket(shop, { currentlyAvailable: 0 });
    await runOperation(graphql, { name: "ClientTestHold", kind: "mutation", document: HOLD, variables: { id: fo.id } });
    expect(stats.throttledRetries).toBe(1);
    expect(stats.waitedMs).toBeGreaterThanOrEqual(200);
    expect(h.sim.getFulfillmentOrder(fo.id).holds.map((x) => x.handle)).toEqual(["client-test"]);
  });

  it("paces itself from throttleStatus so a draining bucket never answers THROTTLED", async () => {
    const shop = "client-paced.myshopify.com";
    // Room for one 250-order page (requested cost ~252) and a little more.
    await installShop(h.sim, shop, { plan: { bucketSize: 300, restoreRate: 50 } });
    const s = seedLocations(h.sim, shop);
    for (let i = 0; i < 25; i += 1) {
      h.sim.createOrder(shop, { lineItems: [{ variantId: s.tee.id, quantity: 1 }], locationId: s.warehouse.id });
    }
    const { graphql, stats } = await client(shop);
    // Shopify checks the requested cost (first: 250 → ~252 points) before it runs a query and refunds the
    // difference after: each call leaves the bucket short of the next one's request.
    for (let i = 0; i < 10; i += 1) await fetchOrdersChangedPage(graphql, "updated_at:>=2020-01-01", null);
    expect(stats.throttledRetries).toBe(0);
    expect(stats.waitedMs).toBeGreaterThan(0);
  });

  it("leaves the reserved points in the bucket for the merchant's own actions", async () => {
    const shop = "client-reserve.myshopify.com";
    await installShop(h.sim, shop, { plan: { bucketSize: 1000, restoreRate: 50 } });
    const { admin } = await unauthenticated.admin(shop);
    const run = async (reservePoints: number) => {
      resetCostTracking();
      const stats = newClientStats();
      const graphql = costAwareGraphql(shop, admin.graphql, {
        sleep: clock.sleep,
        now: clock.now,
        stats,
        reservePoints,
      });
      for (let i = 0; i < 3; i += 1) await fetchShopDetails(graphql);
      return stats.waitedMs;
    };
    // A full bucket: without a reserve nothing waits; with one that nearly fills it, the
    // background caller waits for room beyond the reserve.
    expect(await run(0)).toBe(0);
    clock.advance(60_000);
    expect(await run(999)).toBeGreaterThan(0);
  });

  it("shares one budget between processes, so two workers calling for one shop never overdraw it", async () => {
    const shop = "client-two-workers.myshopify.com";
    // Room for one 250-order page (requested cost ~252) at a time.
    await installShop(h.sim, shop, { plan: { bucketSize: 300, restoreRate: 50 } });
    const s = seedLocations(h.sim, shop);
    for (let i = 0; i < 25; i += 1) {
      h.sim.createOrder(shop, { lineItems: [{ variantId: s.tee.id, quantity: 1 }], locationId: s.warehouse.id });
    }
    const { admin } = await unauthenticated.admin(shop);
    // Each "worker" is a client with its own memory of operations' costs, as a process has.
    const twoWorkers = async (budgets: [BudgetStore, BudgetStore]) => {
      resetCostTracking();
      clock.advance(60_000);
      const stats = [newClientStats(), newClientStats()];
      await Promise.all(
        budgets.map(async (budget, i) => {
          const graphql = costAwareGraphql(shop, admin.graphql, {
            sleep: clock.sleep,
            now: clock.now,
            stats: stats[i],
            budget,
          });
          for (let call = 0; call < 4; call += 1)
            await fetchOrdersChangedPage(graphql, "updated_at:>=2020-01-01", null);
        }),
      );
      return stats[0]!.throttledRetries + stats[1]!.throttledRetries;
    };
    // Each pacing on its own idea of the bucket, they overdraw it…
    expect(await twoWorkers([new MemoryBudgetStore(), new MemoryBudgetStore()])).toBeGreaterThan(0);
    // …spending from the database's budget (the store of every deployment with several processes), they never do.
    const shared = new DatabaseBudgetStore();
    expect(await twoWorkers([shared, new DatabaseBudgetStore()])).toBe(0);
  });

  it("ends every call it sent in the shared budget: answered, THROTTLED, or failed without an answer", async () => {
    const shop = "client-in-flight.myshopify.com";
    const fo = await shopWithOneFo(shop, { plan: { bucketSize: 1000, restoreRate: 50 } });
    const { admin } = await unauthenticated.admin(shop);
    const stats = newClientStats();
    const graphql = costAwareGraphql(shop, admin.graphql, {
      sleep: clock.sleep,
      now: clock.now,
      stats,
      readBackoffMs: 10,
      budget: new DatabaseBudgetStore(),
    });
    h.sim.failNext({ count: 1, status: 503 });
    await fetchShopDetails(graphql);
    h.sim.setBucket(shop, { currentlyAvailable: 0 });
    await runOperation(graphql, { name: "ClientTestHold", kind: "mutation", document: HOLD, variables: { id: fo.id } });
    h.sim.failNext({ count: 1, status: 502 });
    await expect(fetchShopDetails(graphql)).resolves.toMatchObject({ domain: shop });
    // Nothing is left holding points back from the other workers.
    const row = await prisma.adminApiBudget.findUniqueOrThrow({ where: { shop } });
    expect(row.inFlight).toEqual([]);
    expect(row.maximum).toBe(1000);
    expect(stats).toMatchObject({ calls: 6, readRetries: 2, throttledRetries: 1 });
  });

  it("keeps the budget in the database wherever several processes call Shopify: PostgreSQL, or SQLite in production", () => {
    const on = (DATABASE_URL: string, NODE_ENV: string) => budgetIsShared({ DATABASE_URL, NODE_ENV });
    expect(on("postgresql://app@db/app", "production")).toBe(true);
    expect(on("postgresql://app@db/app", "development")).toBe(true);
    // `npm start` and `npm run worker` on one SQLite file.
    expect(on("file:./prisma/prod.sqlite", "production")).toBe(true);
    // `shopify app dev` and the demo: one process.
    expect(on("file:./prisma/dev.sqlite", "development")).toBe(false);
  });
});
