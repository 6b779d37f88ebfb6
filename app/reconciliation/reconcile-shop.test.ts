import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { registerJobHandlers } from "~/background.server";
import { prisma } from "~/db.server";
import { getJobQueue, getJobWorker } from "~/jobs/runtime.server";
import { costAwareGraphql, newClientStats, resetCostTracking } from "~/shopify/admin/admin-client.server";
import { unauthenticated } from "~/shopify.server";
import { fakeClock } from "../../tests/support/fake-clock";
import { ledgerView, simulatorView } from "../../tests/support/ledger-truth";
import { seedLocations } from "../../tests/support/seed";
import { installShop, type SimulatorHarness, startSimulator } from "../../tests/support/simulator";
import { enqueueOrderRead, ordersWithQueuedRead } from "~/webhooks/handlers/order-read-job.server";
import { reconcileShop } from "./reconcile-shop.server";

let h: SimulatorHarness;
let clock: ReturnType<typeof fakeClock>;

beforeAll(() => registerJobHandlers());
beforeEach(() => {
  clock = fakeClock();
  resetCostTracking();
  h = startSimulator({ now: clock.date });
});
afterEach(() => h.close());

async function clientFor(shop: string, stats = newClientStats()) {
  const { admin } = await unauthenticated.admin(shop);
  return { graphql: costAwareGraphql(shop, admin.graphql, { sleep: clock.sleep, now: clock.now, stats }), stats };
}

function placeOrders(shop: string, count: number) {
  const s = seedLocations(h.sim, shop);
  const locations = [s.warehouse, s.thirdParty, s.pickup];
  for (let i = 0; i < count; i += 1) {
    h.sim.createOrder(shop, {
      lineItems: [{ variantId: i % 2 ? s.tee.id : s.mug.id, quantity: 1 + (i % 3) }],
      locationId: locations[i % 3]!.id,
      deliveryMethod: i % 3 === 2 ? "PICK_UP" : "SHIPPING",
    });
    clock.advance(1000);
  }
}

describe("the reconciliation sweep", () => {
  it("repairs everything the webhooks never delivered, and accounts for every object", async () => {
    // GIVEN orders whose webhooks were all lost
    const shop = "reconcile-lost.myshopify.com";
    await installShop(h.sim, shop);
    h.webhooks.intercept(() => "drop");
    placeOrders(shop, 12);
    await h.webhooks.flush();
    expect(await ledgerView(shop)).toEqual([]);
    // WHEN the sweep runs
    const { graphql } = await clientFor(shop);
    const run = await reconcileShop(graphql, shop, { trigger: "manual", now: clock.date });
    // THEN the ledger equals Shopify and the report adds up
    expect(await ledgerView(shop)).toEqual(simulatorView(h.sim, shop));
    expect(run).toMatchObject({
      status: "succeeded",
      ordersSeen: 12,
      objectsSeen: 24,
      alreadyCorrect: 0,
      repaired: 24,
    });
    expect(run.unaccounted).toBe(0);
  });

  it("counts what webhooks already got right and repairs only the rest", async () => {
    // GIVEN 9 orders, where every webhook about orders 3, 6 and 9 was lost
    const shop = "reconcile-mixed.myshopify.com";
    await installShop(h.sim, shop);
    placeOrders(shop, 9);
    const lost = new Set(
      h.sim
        .snapshot(shop)
        .orders.filter((_, i) => i % 3 === 2)
        .map((o) => o.id),
    );
    const lostFos = new Set(
      h.sim
        .snapshot(shop)
        .fulfillmentOrders.filter((fo) => lost.has(fo.orderId))
        .map((fo) => fo.id),
    );
    h.webhooks.intercept((d) => ([...lost, ...lostFos].some((id) => d.body.includes(`"${id}"`)) ? "drop" : "deliver"));
    await h.webhooks.flush();
    await getJobWorker().runUntilIdle();
    expect(await ledgerView(shop)).toHaveLength(6);
    // WHEN the sweep runs
    const { graphql } = await clientFor(shop);
    const run = await reconcileShop(graphql, shop, { trigger: "manual", now: clock.date });
    // THEN it repaired exactly the lost orders' objects and found the rest correct
    expect(await ledgerView(shop)).toEqual(simulatorView(h.sim, shop));
    expect(run).toMatchObject({ objectsSeen: 18, alreadyCorrect: 12, repaired: 6, unaccounted: 0 });
  });

  it("moves its watermark forward so later sweeps page only newer changes", async () => {
    const shop = "reconcile-watermark.myshopify.com";
    await installShop(h.sim, shop);
    h.webhooks.intercept(() => "drop");
    placeOrders(shop, 5);
    const { graphql } = await clientFor(shop);
    await reconcileShop(graphql, shop, { trigger: "manual", now: clock.date });
    // The next sweep overlaps the last few minutes before the previous one: it sees those
    // changes again, already correct.
    clock.advance(60 * 60_000);
    const overlap = await reconcileShop(graphql, shop, { trigger: "manual", now: clock.date });
    expect(overlap).toMatchObject({ objectsSeen: 10, alreadyCorrect: 10, repaired: 0, unaccounted: 0 });
    clock.advance(60 * 60_000);
    const quiet = await reconcileShop(graphql, shop, { trigger: "manual", now: clock.date });
    expect(quiet.objectsSeen).toBe(0);
    const stored = await prisma.shop.findUniqueOrThrow({ where: { shop } });
    expect(stored.reconciledThrough?.getTime()).toBe(clock.now() - 60_000);
  });

  it("leaves an order whose webhook read is queued to that read, and checks it on the next sweep", async () => {
    // GIVEN 3 orders whose webhooks were lost, and a read of the first already waiting in the queue
    const shop = "reconcile-deferred.myshopify.com";
    await installShop(h.sim, shop);
    h.webhooks.intercept(() => "drop");
    placeOrders(shop, 3);
    await h.webhooks.flush();
    const [waiting] = h.sim.snapshot(shop).orders;
    await enqueueOrderRead(getJobQueue(), shop, waiting!.id);
    clock.advance(60 * 60_000);
    const stats = newClientStats();
    const { graphql } = await clientFor(shop, stats);
    const queuedReads = (orderIds: string[]) => ordersWithQueuedRead(getJobQueue(), shop, orderIds);

    // WHEN the sweep runs
    const run = await reconcileShop(graphql, shop, { trigger: "manual", now: clock.date, queuedReads });

    // THEN it read the other two orders, left the first (its order and its FO) to the queued read,
    // and kept its watermark before that order's change
    expect(run).toMatchObject({ objectsSeen: 6, repaired: 4, deferred: 2, unaccounted: 0 });
    expect((await ledgerView(shop)).map((order) => order.id)).not.toContain(waiting!.id);
    const stored = await prisma.shop.findUniqueOrThrow({ where: { shop } });
    expect(stored.reconciledThrough!.getTime()).toBeLessThanOrEqual(new Date(waiting!.updatedAt).getTime());

    // WHEN the queued read runs and the next sweep follows
    await getJobWorker().runUntilIdle();
    clock.advance(60 * 60_000);
    const next = await reconcileShop(graphql, shop, { trigger: "manual", now: clock.date, queuedReads });

    // THEN that sweep saw the order again and found it correct
    expect(next).toMatchObject({ alreadyCorrect: 6, repaired: 0, deferred: 0, unaccounted: 0 });
    expect(await ledgerView(shop)).toEqual(simulatorView(h.sim, shop));
  });

  it("repairs a change to a fulfillment order alone from the FO sweep: Shopify leaves the order's updatedAt", async () => {
    // GIVEN a ledger in step with Shopify, then a hold placed on one FO whose webhooks are lost
    const shop = "reconcile-fo-only.myshopify.com";
    await installShop(h.sim, shop);
    placeOrders(shop, 3);
    await h.webhooks.flush();
    await getJobWorker().runUntilIdle();
    clock.advance(60 * 60_000);
    const { graphql } = await clientFor(shop);
    await reconcileShop(graphql, shop, { trigger: "manual", now: clock.date });
    clock.advance(60 * 60_000);
    h.webhooks.intercept(() => "drop");
    const fo = h.sim.snapshot(shop).fulfillmentOrders[0]!;
    const orderUpdatedAt = h.sim.getOrder(fo.orderId).updatedAt;
    h.sim.placeHoldAsOtherApp(fo.id, { reason: "HIGH_RISK_OF_FRAUD", appTitle: "Fraud Filter" });
    await h.webhooks.flush();
    expect(h.sim.getOrder(fo.orderId).updatedAt).toBe(orderUpdatedAt);
    expect(await ledgerView(shop)).not.toEqual(simulatorView(h.sim, shop));
    clock.advance(60 * 60_000);

    // WHEN the next sweep runs
    const run = await reconcileShop(graphql, shop, { trigger: "manual", now: clock.date });

    // THEN only the FO was listed as changed (no order), and the FO sweep alone repaired it
    expect(run).toMatchObject({ ordersSeen: 1, objectsSeen: 1, alreadyCorrect: 0, repaired: 1, unaccounted: 0 });
    expect(await ledgerView(shop)).toEqual(simulatorView(h.sim, shop));
  });

  it("backfills only the window on install, however many closed FOs the shop has had", async () => {
    // GIVEN a shop whose past holds 10,000 orders with closed FOs, last touched 200 days ago,
    // and one order from then whose FO is still open
    const shop = "reconcile-history.myshopify.com";
    await installShop(h.sim, shop);
    h.webhooks.intercept(() => "drop");
    placeOrders(shop, 1);
    const past = h.sim.snapshot(shop);
    const [oldOrder, oldFo] = [past.orders[0]!, past.fulfillmentOrders[0]!];
    const orders = [];
    const fulfillmentOrders = [];
    for (let i = 0; i < 10_000; i += 1) {
      const orderId = `gid://shopify/Order/${900_000_000 + i}`;
      orders.push({ ...oldOrder, id: orderId, name: `#H${i}` });
      fulfillmentOrders.push({
        ...oldFo,
        id: `gid://shopify/FulfillmentOrder/${900_000_000 + i}`,
        orderId,
        status: "CLOSED" as const,
      });
    }
    h.sim.importHistory(shop, { orders, fulfillmentOrders });
    // … and 3 orders placed in the last 60 days
    clock.advance(200 * 86_400_000);
    placeOrders(shop, 3);
    await h.webhooks.flush();
    h.operations.length = 0;
    // WHEN the app is installed and backfills
    const { graphql } = await clientFor(shop);
    const run = await reconcileShop(graphql, shop, { trigger: "install", now: clock.date });
    // THEN it read one page of FOs changed in the window and one page of open FOs, nothing else
    expect(h.operations.filter((name) => name === "FulfillmentOrdersChangedSince")).toHaveLength(2);
    expect(run).toMatchObject({ status: "succeeded", ordersSeen: 4, objectsSeen: 3 + 3 + 1, unaccounted: 0 });
    const stored = await prisma.fulfillmentOrder.findMany({ where: { shop }, select: { shopifyId: true } });
    expect(stored.map((fo) => fo.shopifyId).sort()).toEqual(
      h.sim
        .snapshot(shop)
        .fulfillmentOrders.filter((fo) => fo.status !== "CLOSED")
        .map((fo) => fo.id)
        .sort(),
    );
    expect(stored).toHaveLength(4);
  }, 60_000);

  it("completes a sweep of 2,000 fulfillment orders on a small bucket with zero failed calls", async () => {
    // GIVEN a shop with a small cost bucket and 2,000 FOs the ledger has never seen
    const shop = "reconcile-throttle.myshopify.com";
    await installShop(h.sim, shop, { plan: { bucketSize: 1000, restoreRate: 50 } });
    h.webhooks.intercept(() => "drop");
    placeOrders(shop, 2000);
    await h.webhooks.flush();
    const stats = newClientStats();
    const { graphql } = await clientFor(shop, stats);
    // WHEN the sweep runs
    const run = await reconcileShop(graphql, shop, { trigger: "manual", now: clock.date, stats });
    // THEN every FO is accounted for, and no call failed
    expect(run).toMatchObject({ status: "succeeded", objectsSeen: 4000, repaired: 4000, unaccounted: 0 });
    expect(await prisma.fulfillmentOrder.count({ where: { shop } })).toBe(2000);
    // The client waited for the bucket instead of hammering it.
    expect(stats.waitedMs).toBeGreaterThan(0);
    expect(stats.throttledRetries).toBe(0);
    expect(stats.readRetries).toBe(0);
    expect(run.apiCalls).toBe(stats.calls);
  }, 180_000);
});
