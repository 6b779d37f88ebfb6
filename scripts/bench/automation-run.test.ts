// The automation benchmark's run (`npm run bench:automation` starts it and prints its figures;
// in the unit suite it runs a few seconds of orders as a smoke test). A Standard-plan shop
// (2,000 points, 100/s) receives AUTOMATION_BENCH_PER_MINUTE orders a minute for
// AUTOMATION_BENCH_SECONDS, automation on with a request-everything rule. Webhooks reach the real
// routes shuffled, 10% duplicated and 5% dropped; the reconciliation sweep repairs the drops.
//
// Fake clock: `Date` is faked for the whole process (vi.useFakeTimers, Date only) and moves only
// when the simulator's next order falls due or the cost-aware client waits for the bucket. So the
// figures are bucket time, not this machine's CPU time, and a 5-minute run takes minutes, not hours.
// Each runner runs one job at a time, and AUTOMATION_BENCH_WORKERS runners (2 in the unit suite)
// share the queue and, through the database, the shop's Admin API budget, as separate worker
// processes do: a pacing wait advances the one clock, since the bucket restores at 100/s however
// many workers wait for it.
import { writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// The bench steps the embedded (`Job` table) runner on its fake clock, so it pins JOB_QUEUE=embedded
// for itself, on PostgreSQL too, where the app's default is pg-boss: pg-boss compares a job's
// start_after with PostgreSQL's now(), which a fake Date cannot move. Hoisted above the imports, so
// it is set before app/env.server.ts reads the environment. Its PostgreSQL figures are therefore
// the embedded runner's on PostgreSQL, not pg-boss's.
vi.hoisted(() => {
  process.env.JOB_QUEUE = "embedded";
});
import { registerAutomation, automationDeps, AUTOMATION_RESERVED_POINTS } from "~/automation/runtime/register.server";
import { prisma } from "~/db.server";
import { isPostgresUrl } from "~/db/database-url";
import { type PrismaJobQueue } from "~/jobs/prisma-job-queue.server";
import { PrismaJobRunner } from "~/jobs/prisma-job-runner.server";
import { getJobQueue } from "~/jobs/runtime.server";
import { DEFAULT_RECONCILE_INTERVAL_MINUTES } from "~/reconciliation/reconcile-enqueue.server";
import { reconcileShop } from "~/reconciliation/reconcile-shop.server";
import { ordersWithQueuedRead } from "~/webhooks/handlers/order-read-job.server";
import { costAwareGraphql, newClientStats, resetCostTracking } from "~/shopify/admin/admin-client.server";
import type { AdminGraphql } from "~/shopify/admin/run-operation.server";
import { unauthenticated } from "~/shopify.server";
import { registerWebhookJobs } from "~/webhooks/process-delivery.server";
import { turnOnAutomation } from "../../tests/support/automation";
import { type CallMeter, meteredGraphql } from "../../tests/support/metered-graphql";
import { installShop, type SimulatorHarness, startSimulator } from "../../tests/support/simulator";
import { summarizeLatencies } from "./stats";

const PER_MINUTE = Number(process.env.AUTOMATION_BENCH_PER_MINUTE ?? 1000);
const SECONDS = Number(process.env.AUTOMATION_BENCH_SECONDS ?? 3);
const SEED = Number(process.env.AUTOMATION_BENCH_SEED ?? 42);
const WORKERS = Number(process.env.AUTOMATION_BENCH_WORKERS ?? 2);
const BUCKET = { bucketSize: 2_000, restoreRate: 100 };
const SHOP = "automation-bench.myshopify.com";
/** Reads of the order the runtime or the commands make, by operation name. */
const ORDER_READ = "OrderFulfillmentState";
const FO_VERSION_READ = "FulfillmentOrderVersion";
const OWNER_READ = "FulfillmentOrderOwner";
const SUBMIT = "FulfillmentOrderSubmitFulfillmentRequest";

/** mulberry32, so a run can be repeated exactly. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Kind = "paid-3pl" | "pickup" | "high-risk" | "unpaid";
/** Mostly paid orders routed to the 3PL; a few pickup, high-risk and unpaid ones. */
function kindOf(n: number): Kind {
  const slot = n % 100;
  if (slot < 3) return "pickup";
  if (slot < 6) return "high-risk";
  if (slot < 10) return "unpaid";
  return "paid-3pl";
}

interface OperationMeter extends CallMeter {
  /** Who called: the webhook jobs, automation (its runtime and the commands it runs) or the sweep. */
  caller: Caller;
  operation: string;
  write: boolean;
}
type Caller = "webhooks" | "automation" | "sweep";

/** Every Admin call Shopify answered, per caller and operation: calls, errors and the points charged. */
function meteredBy(meters: Map<string, OperationMeter>, caller: Caller, graphql: AdminGraphql): AdminGraphql {
  return meteredGraphql(graphql, (query) => {
    const match = /\b(query|mutation)\s+(\w+)/.exec(query);
    const operation = match?.[2] ?? "anonymous";
    const key = `${caller}:${operation}`;
    const meter = meters.get(key) ?? {
      caller,
      operation,
      write: match?.[1] === "mutation",
      calls: 0,
      failed: 0,
      points: 0,
    };
    meters.set(key, meter);
    return meter;
  });
}

let h: SimulatorHarness;
let now = Date.parse("2026-11-20T10:00:00Z");
const setNow = (ms: number) => {
  now = Math.max(now, ms);
  vi.setSystemTime(now);
};

beforeAll(async () => {
  // The database is thrown away after the run, and the figures are in fake time: an fsync per
  // commit would cost this machine's wall time and change no figure.
  if (!isPostgresUrl(process.env.DATABASE_URL ?? "")) await prisma.$executeRawUnsafe("PRAGMA synchronous = OFF");
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(now);
  resetCostTracking();
  h = startSimulator();
});
afterAll(() => {
  h.close();
  vi.useRealTimers();
});

describe("automation at flash-sale volume", () => {
  it(`requests every eligible FO of ${PER_MINUTE}/min for ${SECONDS} s with zero failed calls and zero double submissions`, async () => {
    // GIVEN a Standard-plan shop with automation on and a request-everything rule
    await installShop(h.sim, SHOP, { plan: BUCKET });
    const warehouse = h.sim.addLocation(SHOP, { name: "Warehouse", kind: "merchant" });
    const thirdParty = h.sim.addLocation(SHOP, { name: "ShipFast 3PL", kind: "fulfillment_service" });
    const pickup = h.sim.addLocation(SHOP, { name: "Downtown store", kind: "pickup" });
    const stock = { [warehouse.id]: 1e7, [thirdParty.id]: 1e7, [pickup.id]: 1e7 };
    const variants = ["MUG-1", "TEE-1", "CAP-1"].map((sku) =>
      h.sim.addVariant(SHOP, { title: sku, sku, price: "15.00", inventory: stock }),
    );
    await turnOnAutomation(SHOP, undefined, { quietPeriodMinutes: 0 });

    const meters = new Map<string, OperationMeter>();
    const stats = newClientStats();
    const sleep = async (ms: number) => setNow(now + Math.max(0, ms));
    const { admin } = await unauthenticated.admin(SHOP);
    const client = (caller: Caller, reservePoints: number) =>
      costAwareGraphql(SHOP, meteredBy(meters, caller, admin.graphql), { sleep, now: () => now, stats, reservePoints });
    // The bench steps the table runner on its fake clock (runDue), so it takes the implementation
    // behind the interface: the embedded queue, pinned above.
    const queue = getJobQueue() as PrismaJobQueue;
    const runners = Array.from({ length: WORKERS }, (_, i) => {
      const runner = new PrismaJobRunner({ queue, id: `bench-${i + 1}`, logger: quietLogger() });
      registerWebhookJobs(runner, { queue, adminFor: async () => client("webhooks", 0) });
      registerAutomation(
        queue,
        runner,
        automationDeps(queue, {
          adminFor: async () => client("automation", AUTOMATION_RESERVED_POINTS),
          now: () => new Date(now),
        }),
      );
      return runner;
    });
    /** Every worker takes its next due job at the same time; how many ran. */
    const runDue = async () =>
      (await Promise.all(runners.map((runner) => runner.runDue({ concurrency: 1 })))).reduce((n, r) => n + r.ran, 0);

    // Shopify's disorder: each delivery duplicated (10%) or dropped (5%), each batch shuffled.
    const random = seeded(SEED);
    h.webhooks.intercept(() => {
      const r = random();
      return r < 0.05 ? "drop" : r < 0.15 ? "duplicate" : "deliver";
    });

    const total = Math.round((PER_MINUTE * SECONDS) / 60);
    const intervalMs = 60_000 / PER_MINUTE;
    const start = now;
    const created = new Map<string, { at: number; kind: Kind }>();
    let placed = 0;
    let batch = 0;
    const placeDue = () => {
      while (placed < total && start + placed * intervalMs <= now) {
        const kind = kindOf(placed);
        const order = h.sim.createOrder(SHOP, {
          lineItems: [{ variantId: variants[placed % variants.length]!.id, quantity: 1 + (placed % 3) }],
          locationId: kind === "pickup" ? pickup.id : thirdParty.id,
          ...(kind === "pickup" ? { deliveryMethod: "PICK_UP" as const } : {}),
          ...(kind === "unpaid" ? { financialStatus: "PENDING" as const } : {}),
          ...(kind === "high-risk" ? { riskLevel: "HIGH" as const } : {}),
        });
        created.set(order.id, { at: now, kind });
        placed += 1;
      }
    };
    const deliver = () => h.webhooks.flush({ order: "shuffle", seed: SEED + batch++ });
    const sweep = async () => {
      await reconcileShop(client("sweep", 0), SHOP, {
        trigger: "scheduled",
        queuedReads: (orderIds) => ordersWithQueuedRead(queue, SHOP, orderIds),
      });
    };

    // WHEN orders arrive on schedule while the app works through its queue; the reconciliation
    // sweep runs at the production interval (and once more at the end) to repair what dropped
    // webhooks missed
    const sweepEveryMs = DEFAULT_RECONCILE_INTERVAL_MINUTES * 60_000;
    let nextSweep = start + sweepEveryMs;
    let reported = 0;
    for (;;) {
      // Real time passes only here: yield to the event loop so vitest's worker stays responsive.
      await new Promise((resolve) => setImmediate(resolve));
      if (process.env.AUTOMATION_BENCH_PROGRESS && placed - reported >= 250) {
        reported = placed;
        console.log(`bench: ${placed}/${total} orders placed, simulated ${((now - start) / 1000).toFixed(0)} s`);
      }
      placeDue();
      await deliver();
      const ran = await runDue();
      if (now >= nextSweep) {
        await sweep();
        nextSweep += sweepEveryMs;
        continue;
      }
      if (ran > 0) continue;
      if (placed < total) {
        setNow(start + placed * intervalMs);
        continue;
      }
      // Every order placed and nothing due: sweep once more for the drops, and stop when that
      // finds nothing left to do. Scheduled follow-ups (busy retries) fall due by moving the clock.
      const next = await prisma.job.findFirst({ where: { status: "queued" }, orderBy: { runAt: "asc" } });
      if (next) {
        setNow(next.runAt.getTime());
        continue;
      }
      const repairedBefore = await prisma.reconcileRun.count({ where: { shop: SHOP, repaired: { gt: 0 } } });
      await sweep();
      const repairedAfter = await prisma.reconcileRun.count({ where: { shop: SHOP, repaired: { gt: 0 } } });
      await deliver();
      const after = await runDue();
      if (repairedAfter === repairedBefore && after === 0) break;
    }
    const finished = now;

    // THEN: zero failed calls, zero double submissions, every eligible FO requested
    const fos = h.sim.snapshot(SHOP).fulfillmentOrders;
    const eligible = fos.filter((fo) => created.get(fo.orderId)?.kind === "paid-3pl");
    const requested = eligible.filter((fo) => fo.requestStatus === "SUBMITTED");
    const decisions = await prisma.automationDecision.findMany({
      where: { shop: SHOP, outcome: "request", status: "succeeded" },
      select: { fulfillmentOrderShopifyId: true, eligibleAt: true, finishedAt: true, orderShopifyId: true },
    });
    const perFo = new Map<string, number>();
    for (const d of decisions)
      perFo.set(d.fulfillmentOrderShopifyId, (perFo.get(d.fulfillmentOrderShopifyId) ?? 0) + 1);
    const sum = (pick: (m: OperationMeter) => boolean, field: "calls" | "points" | "failed") =>
      [...meters.values()].filter(pick).reduce((total, m) => total + m[field], 0);
    const op = (name: string) => (m: OperationMeter) => m.operation === name;
    const submit = { calls: sum(op(SUBMIT), "calls"), points: sum(op(SUBMIT), "points") };
    const doubleSubmissions = [...perFo.values()].filter((n) => n > 1).length + Math.max(0, submit.calls - perFo.size);
    const failedCalls = sum(() => true, "failed");
    const points = sum(() => true, "points");
    const writes = sum((m) => m.write, "points");
    const orderReads = sum(op(ORDER_READ), "calls");
    const readCost = orderReads ? sum(op(ORDER_READ), "points") / orderReads : 0;

    // The lag from "FO became eligible" (the ledger write that made it decidable) to Shopify's answer.
    const lags = decisions
      .filter((d) => d.eligibleAt && d.finishedAt)
      .map((d) => (d.finishedAt!.getTime() - d.eligibleAt!.getTime()) / 1000);
    const fromOrder = decisions
      .filter((d) => d.finishedAt && created.has(d.orderShopifyId))
      .map((d) => (d.finishedAt!.getTime() - created.get(d.orderShopifyId)!.at) / 1000);
    const lastRequested = Math.max(...decisions.map((d) => d.finishedAt?.getTime() ?? 0));
    const elapsedSeconds = (lastRequested - start) / 1000;
    // The bound: the submissions' own cost plus one read of each order, at the restore rate.
    const boundPoints = submit.points + created.size * readCost;
    const boundSeconds = boundPoints / BUCKET.restoreRate;
    const arrivalSeconds = ((total - 1) * intervalMs) / 1000;

    // The read cost without coalescing, from this run's deliveries: before ADR 0028 every order/FO
    // delivery processed (all but those strictly older than the ledger) read its order once.
    const deliveries = await prisma.webhookDelivery.groupBy({
      by: ["status", "error"],
      where: { shop: SHOP },
      _count: { _all: true },
    });
    const readingDeliveries = deliveries
      .filter((d) => d.status === "processed" || (d.status === "ignored" && d.error === "already_in_ledger"))
      .reduce((sum, d) => sum + d._count._all, 0);

    const round = (n: number, digits = 2) => Number(n.toFixed(digits));
    const perOrder = (n: number) => round(n / created.size);
    const figures = {
      clock: "fake (Date faked; advances on order arrivals and bucket waits only)",
      ordersPerMinute: PER_MINUTE,
      workers: WORKERS,
      database: isPostgresUrl(process.env.DATABASE_URL ?? "") ? "postgresql" : "sqlite",
      seconds: SECONDS,
      orders: created.size,
      eligibleFos: eligible.length,
      eligibleRequested: requested.length,
      failedCalls,
      doubleSubmissions,
      throttledRetries: stats.throttledRetries,
      webhooksSent: h.webhooks.deliveries.length,
      webhooksDropped: h.webhooks.deliveries.filter((d) => d.status === "dropped").length,
      deliveries: Object.fromEntries(
        deliveries.map((d) => [`${d.status}${d.error ? `:${d.error}` : ""}`, d._count._all]),
      ),
      arrivalSeconds: round(arrivalSeconds, 1),
      elapsedSeconds: round(elapsedSeconds, 1),
      boundSeconds: round(boundSeconds, 1),
      ratio: round(elapsedSeconds / boundSeconds, 3),
      lagFromEligibleSeconds: summarizeLatencies(lags),
      lagFromOrderCreatedSeconds: summarizeLatencies(fromOrder),
      points: round(points, 0),
      pointsPerOrder: perOrder(points),
      writesPerOrder: perOrder(writes),
      readsPerOrder: perOrder(points - writes),
      orderReadCost: round(readCost),
      perOperation: Object.fromEntries(
        [...meters.entries()].map(([key, m]) => [
          key,
          { calls: m.calls, points: m.points, callsPerOrder: perOrder(m.calls), pointsPerOrder: perOrder(m.points) },
        ]),
      ),
      orderReadsPerOrder: perOrder(orderReads),
      foVersionReadsPerOrder: perOrder(sum(op(FO_VERSION_READ), "calls")),
      ownerReadsPerOrder: perOrder(sum(op(OWNER_READ), "calls")),
      baselineOrderReadsWithoutCoalescing: readingDeliveries,
      baselineOrderReadPointsPerOrder: perOrder(readingDeliveries * readCost),
      finishedAtSeconds: round((finished - start) / 1000, 1),
    };
    if (process.env.AUTOMATION_BENCH_OUT) {
      writeFileSync(process.env.AUTOMATION_BENCH_OUT, JSON.stringify(figures, null, 2));
    }
    expect(failedCalls).toBe(0);
    expect(doubleSubmissions).toBe(0);
    expect(requested.length).toBe(eligible.length);
  }, 3_600_000);
});

function quietLogger() {
  const errors: unknown[] = [];
  return {
    info: () => undefined,
    warn: () => undefined,
    error: (message: string, fields: Record<string, unknown>) => void errors.push({ message, fields }),
  };
}
