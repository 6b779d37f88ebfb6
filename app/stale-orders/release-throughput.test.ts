// Throughput of a cancellation run on a Standard-plan cost bucket (2,000 points, 100 per second).
// The simulator and the cost-aware client share one fake clock, so every pacing wait and every
// job(id) poll advances time instead of sleeping. The run must finish within 1.2× the
// restore-rate bound — (points spent − bucket size) / restore rate — with zero failed calls.
// `npm run bench:stale-orders` runs it with 1,000 orders (STALE_BENCH_ORDERS) and prints the figures.
import { writeFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import type { TransactionalJobQueue } from "~/jobs/job-queue";
import { costAwareGraphql, newClientStats, resetCostTracking } from "~/shopify/admin/admin-client.server";
import type { AdminGraphql } from "~/shopify/admin/run-operation.server";
import { unauthenticated } from "~/shopify.server";
import { fakeClock } from "../../tests/support/fake-clock";
import { meteredGraphql } from "../../tests/support/metered-graphql";
import { seedLocations } from "../../tests/support/seed";
import { installShop, type SimulatorHarness, startSimulator } from "../../tests/support/simulator";
import { cancelStaleOrderItem } from "./cancel-order.server";
import { CANCEL_ORDER_JOB, type CancelOrderJobPayload, requestCancellationRun } from "./cancellation-runs.server";
import { prepareCancellationRun } from "./prepare-run.server";

const ORDERS = Number(process.env.STALE_BENCH_ORDERS ?? 150);
const BUCKET = { bucketSize: 2_000, restoreRate: 100 };

let h: SimulatorHarness;
let clock: ReturnType<typeof fakeClock>;

beforeEach(() => {
  clock = fakeClock();
  resetCostTracking();
  h = startSimulator({ now: clock.date });
});
afterEach(() => h.close());

/** Counts every call Shopify answered and the points it charged (actual cost, after refunds). */
function metered(graphql: AdminGraphql) {
  const meter = { calls: 0, failed: 0, points: 0 };
  return { meter, wrapped: meteredGraphql(graphql, () => meter) };
}

describe("a cancellation run's throughput", () => {
  it(`cancels ${ORDERS} stale orders within 1.2× the restore-rate bound with zero failed calls`, async () => {
    // GIVEN a Standard-plan shop with ORDERS stale pending orders
    const shop = "stale-bench.myshopify.com";
    await installShop(h.sim, shop, { plan: BUCKET });
    h.webhooks.intercept(() => "drop");
    const s = seedLocations(h.sim, shop);
    for (let i = 0; i < ORDERS; i += 1) {
      h.sim.createOrder(shop, {
        lineItems: [{ variantId: i % 2 ? s.tee.id : s.mug.id, quantity: 1 + (i % 3) }],
        locationId: i % 3 === 2 ? s.pickup.id : s.warehouse.id,
        financialStatus: i % 4 === 0 ? "EXPIRED" : "PENDING",
        createdAt: new Date(clock.now() - 5 * 86_400_000),
      });
    }
    const { admin } = await unauthenticated.admin(shop);
    const { meter, wrapped } = metered(admin.graphql);
    const stats = newClientStats();
    const graphql = costAwareGraphql(shop, wrapped, { sleep: clock.sleep, now: clock.now, stats });
    const jobs: CancelOrderJobPayload[] = [];
    const record = async (type: string, payload: unknown) => {
      if (type === CANCEL_ORDER_JOB) jobs.push(payload as CancelOrderJobPayload);
      return { id: String(jobs.length), deduplicated: false };
    };
    const queue: TransactionalJobQueue = {
      enqueue: record,
      enqueueWith: (_tx, type, payload) => record(type, payload),
    };

    // WHEN the whole run happens: the confirmation (no Admin call), the prepare job's server-side
    // preview, then every order's job
    const started = clock.now();
    const requested = await requestCancellationRun({
      queue,
      shop,
      actor: "bench",
      trigger: "manual",
      selection: "all",
      now: clock.date(),
    });
    const confirmCalls = meter.calls;
    const run = await prepareCancellationRun({ graphql, queue, runId: requested.runId!, now: clock.date() });
    for (const job of jobs) {
      await cancelStaleOrderItem(graphql, job.itemId, { sleep: clock.sleep, now: clock.date });
      // The fake clock never waits, so yield to the event loop now and then (vitest's worker RPC).
      await new Promise((resolve) => setImmediate(resolve));
    }
    const elapsedMs = clock.now() - started;

    // THEN every order is cancelled, nothing failed, and the time is close to the bucket's bound
    const boundMs = (Math.max(0, meter.points - BUCKET.bucketSize) / BUCKET.restoreRate) * 1000;
    const figures = {
      orders: ORDERS,
      calls: meter.calls,
      failedCalls: meter.failed,
      throttledRetries: stats.throttledRetries,
      points: meter.points,
      pointsPerOrder: Number((meter.points / ORDERS).toFixed(1)),
      boundSeconds: Number((boundMs / 1000).toFixed(1)),
      elapsedSeconds: Number((elapsedMs / 1000).toFixed(1)),
      ratio: Number((elapsedMs / boundMs).toFixed(3)),
    };
    if (process.env.STALE_BENCH_OUT) writeFileSync(process.env.STALE_BENCH_OUT, JSON.stringify(figures, null, 2));
    expect(confirmCalls).toBe(0);
    expect(run?.queued).toBe(ORDERS);
    expect(await prisma.cancellationRunItem.count({ where: { shop, status: "cancelled" } })).toBe(ORDERS);
    expect(meter.failed).toBe(0);
    expect(stats.throttledRetries).toBe(0);
    expect(elapsedMs).toBeLessThanOrEqual(boundMs * 1.2);
  }, 600_000);
});
