// A confirmed run is prepared in the background: the run, its prepare job, its items and their
// cancel jobs can never be separated by a crash or a failed write, a redelivered prepare job adds
// nothing twice, and a preparation that cannot finish ends the run "failed" with its reason.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { registerJobHandlers } from "~/background.server";
import { prisma } from "~/db.server";
import type { TransactionalJobQueue } from "~/jobs/job-queue";
import { createJobWorker, getJobQueue, getJobWorker } from "~/jobs/runtime.server";
import { resetCostTracking } from "~/shopify/admin/admin-client.server";
import { shopAdminGraphql } from "~/shopify/admin/shop-admin.server";
import { forgetShop } from "~/shopify/session-cache.server";
import { allowConsoleError } from "../../tests/support/console-guard";
import { SEED_STOCK, seedLocations } from "../../tests/support/seed";
import { installShop, type SimulatorHarness, startSimulator } from "../../tests/support/simulator";
import { callWebhookRoute, signedWebhook } from "../../tests/support/webhook-routes";
import { PROCESS_WEBHOOK_JOB } from "~/webhooks/inbox.server";
import { prepareRunHandler, runCancelOrderJob } from "./cancel-order-job.server";
import {
  CANCEL_ORDER_JOB,
  type CancelOrderJobPayload,
  PREPARE_RUN_JOB,
  type PrepareRunJobPayload,
  requestCancellationRun,
} from "./cancellation-runs.server";
import { prepareCancellationRun } from "./prepare-run.server";

const DAY = 86_400_000;

let h: SimulatorHarness;
/** The shops a test used, whose jobs are forgotten after it so none runs in the next test. */
const shops = new Set<string>();
beforeAll(() => registerJobHandlers());
beforeEach(() => {
  resetCostTracking();
  h = startSimulator();
});
afterEach(async () => {
  h.close();
  for (const shop of shops) await getJobQueue().deleteJobsForShop(shop);
  shops.clear();
  await prisma.cancellationRun.deleteMany();
});

async function shopWithStaleOrders(shop: string, count: number) {
  shops.add(shop);
  await installShop(h.sim, shop);
  const s = seedLocations(h.sim, shop);
  const orders = Array.from({ length: count }, () =>
    h.sim.createOrder(shop, {
      lineItems: [{ variantId: s.mug.id, quantity: 1 }],
      financialStatus: "PENDING",
      createdAt: new Date(Date.now() - 5 * DAY),
    }),
  );
  return { ...s, orders, ids: orders.map((o) => o.id) };
}

const confirm = (shop: string, selection: string[], queue: TransactionalJobQueue = getJobQueue()) =>
  requestCancellationRun({ queue, shop, actor: "staff:7", trigger: "manual", selection });

/** The real queue, except that its `failAt`-th transactional enqueue throws `error`. */
function queueFailingAt(failAt: number, error: Error) {
  const queue = getJobQueue();
  let calls = 0;
  const failing: TransactionalJobQueue = {
    enqueue: (type, payload, options) => queue.enqueue(type, payload, options),
    enqueueWith: async (tx, type, payload, options) => {
      calls += 1;
      if (calls === failAt) throw error;
      return queue.enqueueWith(tx, type, payload, options);
    },
  };
  return failing;
}

/** Cancel jobs per item of the shop: every item must have exactly one. */
async function cancelJobsPerItem(shop: string): Promise<Map<string, number>> {
  const jobs = await getJobQueue().listJobDetails({ shop, type: CANCEL_ORDER_JOB });
  const perItem = new Map<string, number>();
  for (const job of jobs) {
    const { itemId } = job.payload as CancelOrderJobPayload;
    perItem.set(itemId, (perItem.get(itemId) ?? 0) + 1);
  }
  return perItem;
}

const orderCancels = (shop: string) => h.sim.snapshot(shop).jobs.filter((j) => j.action.kind === "orderCancel");

describe("preparing a confirmed run in the background", () => {
  it("finishes a prepare job that died after committing part of the items: each order cancelled once, no duplicate item or job", async () => {
    // GIVEN a confirmed run over five stale orders
    const shop = "prepare-crash.myshopify.com";
    const s = await shopWithStaleOrders(shop, 5);
    const { runId } = await confirm(shop, s.ids);
    expect(runId).not.toBeNull();

    // WHEN the first process dies in the prepare job: the first chunk (two items and their jobs)
    // committed, the second chunk's transaction never did
    let later = 0;
    const clock = () => new Date(Date.now() + later);
    const died = new Error("the process died");
    const first = createJobWorker({ id: "process-1", leaseMs: 60_000, clock });
    const never = new Promise<void>(() => {});
    let crashed = false;
    first.register<PrepareRunJobPayload>(PREPARE_RUN_JOB, async (payload) => {
      const graphql = await shopAdminGraphql(payload.shop);
      const queue = queueFailingAt(3, died);
      try {
        await prepareCancellationRun({ graphql: graphql!, queue, runId: payload.runId, chunkSize: 2 });
      } catch (error) {
        if (error !== died) throw error;
        crashed = true;
        await never; // the process is gone: the job stays "running" under process-1's lease
      }
    });
    void first.runUntilIdle({ concurrency: 1 });
    await expect.poll(() => crashed, { timeout: 10_000 }).toBe(true);
    expect(await prisma.cancellationRunItem.count({ where: { runId: runId! } })).toBe(2);
    expect([...(await cancelJobsPerItem(shop)).values()]).toEqual([1, 1]);

    // AND another worker cancels those two orders meanwhile: the run keeps waiting for the rest
    const worker = createJobWorker({ id: "worker-2", leaseMs: 60_000, clock });
    worker.register<CancelOrderJobPayload>(CANCEL_ORDER_JOB, runCancelOrderJob);
    await worker.runUntilIdle();
    expect(await prisma.cancellationRun.findUniqueOrThrow({ where: { id: runId! } })).toMatchObject({
      status: "preparing",
      cancelled: 2,
    });

    // AND a new process takes the prepare job over once the dead one's lease has expired
    later += 120_000;
    const second = createJobWorker({ id: "process-2", leaseMs: 60_000, clock });
    second.register<PrepareRunJobPayload>(PREPARE_RUN_JOB, prepareRunHandler(getJobQueue()));
    second.register<CancelOrderJobPayload>(CANCEL_ORDER_JOB, runCancelOrderJob);
    await second.runUntilIdle();

    // THEN every order was cancelled exactly once, with one item and one job each
    const items = await prisma.cancellationRunItem.findMany({ where: { runId: runId! } });
    expect(items.map((i) => i.orderShopifyId).sort()).toEqual([...s.ids].sort());
    expect(items.every((i) => i.status === "cancelled")).toBe(true);
    const perItem = await cancelJobsPerItem(shop);
    expect(perItem.size).toBe(5);
    expect([...perItem.values()].every((n) => n === 1)).toBe(true);
    expect(orderCancels(shop)).toHaveLength(5);
    for (const order of s.orders) expect(h.sim.orderStatus(order.id).cancelled).toBe(true);
    expect(h.sim.inventoryLevel(s.mug.id, s.warehouse.id)).toEqual({ available: SEED_STOCK.warehouse, committed: 0 });
    // AND the run finished once, counted once
    expect(await prisma.cancellationRun.findUniqueOrThrow({ where: { id: runId! } })).toMatchObject({
      status: "finished",
      total: 5,
      cancelled: 5,
      alreadyHandled: 0,
      noLongerEligible: 0,
    });
    const audit = await prisma.auditEvent.findMany({ where: { shop, subject: runId! } });
    expect(audit.map((a) => a.action).sort()).toEqual(["stale-orders.run-finished", "stale-orders.run-started"]);
    expect(await getJobQueue().jobCounts(shop)).toMatchObject({ queued: 0, running: 0, dead: 0, cancelled: 0 });
  });

  it("leaves no run without its prepare job and no item without its cancel job when enqueueing fails", async () => {
    const shop = "prepare-atomic.myshopify.com";
    const s = await shopWithStaleOrders(shop, 3);
    const broken = new Error("database is locked");

    // WHEN the prepare job cannot be written: there is no run either
    await expect(confirm(shop, s.ids, queueFailingAt(1, broken))).rejects.toBe(broken);
    expect(await prisma.cancellationRun.count({ where: { shop } })).toBe(0);
    expect(await getJobQueue().listJobs({ shop })).toHaveLength(0);

    // WHEN the second item's cancel job cannot be written: no item was created
    const { runId } = await confirm(shop, s.ids);
    const graphql = (await shopAdminGraphql(shop))!;
    await expect(prepareCancellationRun({ graphql, queue: queueFailingAt(2, broken), runId: runId! })).rejects.toBe(
      broken,
    );
    expect(await prisma.cancellationRun.findUniqueOrThrow({ where: { id: runId! } })).toMatchObject({
      status: "preparing",
    });
    expect(await prisma.cancellationRunItem.count({ where: { shop } })).toBe(0);
    expect(await getJobQueue().listJobs({ shop, type: CANCEL_ORDER_JOB })).toHaveLength(0);

    // THEN the retry creates every item with exactly one cancel job
    await prepareCancellationRun({ graphql, queue: getJobQueue(), runId: runId! });
    const perItem = await cancelJobsPerItem(shop);
    const items = await prisma.cancellationRunItem.findMany({ where: { shop }, select: { id: true } });
    expect(items).toHaveLength(3);
    expect(new Set(perItem.keys())).toEqual(new Set(items.map((i) => i.id)));
    expect([...perItem.values()]).toEqual([1, 1, 1]);
    // AND a second delivery of the same prepare job adds nothing
    expect(await prepareCancellationRun({ graphql, queue: getJobQueue(), runId: runId! })).toBeNull();
    expect(await prisma.cancellationRunItem.count({ where: { shop } })).toBe(3);
    expect(await getJobQueue().listJobs({ shop, type: CANCEL_ORDER_JOB })).toHaveLength(3);
  });

  it("keeps the run preparing while retries remain, and fails it with the reason on the last attempt", async () => {
    const shop = "prepare-exhausted.myshopify.com";
    const s = await shopWithStaleOrders(shop, 2);
    const { runId } = await confirm(shop, s.ids);
    // Shopify keeps answering 503; the client's read retries wait no real time here.
    const handler = prepareRunHandler(getJobQueue(), (domain) => shopAdminGraphql(domain, { sleep: async () => {} }));
    const payload = { shop, runId: runId! };
    const attempt = (n: number) => handler(payload, { jobId: "j", shop, attempt: n, maxAttempts: 5 });

    h.sim.failNext({ count: 50, status: 503, operationName: "StaleOrderCandidates" });
    await expect(attempt(1)).rejects.toThrow();
    expect(await prisma.cancellationRun.findUniqueOrThrow({ where: { id: runId! } })).toMatchObject({
      status: "preparing",
      failureReason: null,
    });
    await expect(attempt(5)).rejects.toThrow();
    const run = await prisma.cancellationRun.findUniqueOrThrow({ where: { id: runId! } });
    expect(run).toMatchObject({ status: "failed", total: 0, finishedAt: expect.any(Date) });
    expect(run.failureReason).toMatch(/503|Service Unavailable/);
    expect(await prisma.auditEvent.count({ where: { shop, action: "stale-orders.run-failed" } })).toBe(1);
    // A late redelivery does not revive it
    expect(
      await prepareCancellationRun({ graphql: (await shopAdminGraphql(shop))!, queue: getJobQueue(), runId: runId! }),
    ).toBeNull();
    expect(orderCancels(shop)).toHaveLength(0);
  });

  it("fails a run still preparing when the app is uninstalled, since its prepare job is cancelled", async () => {
    // GIVEN a confirmed run whose prepare job has not run yet
    const shop = "prepare-uninstalled.myshopify.com";
    const s = await shopWithStaleOrders(shop, 2);
    const { runId } = await confirm(shop, s.ids);
    // WHEN app/uninstalled arrives and is processed (only the webhook's job runs: the prepare job waits)
    const response = await callWebhookRoute(
      signedWebhook({
        topic: "app/uninstalled",
        shop,
        body: JSON.stringify({ id: 1, name: "Gone", domain: shop, myshopify_domain: shop }),
      }),
    );
    expect(response.status).toBe(200);
    await getJobWorker().runUntilIdle({ types: [PROCESS_WEBHOOK_JOB] });
    // THEN the run shows failed with the reason instead of preparing forever
    expect(await prisma.cancellationRun.findUniqueOrThrow({ where: { id: runId! } })).toMatchObject({
      status: "failed",
      failureReason: "app-uninstalled",
    });
    expect(await getJobQueue().listJobs({ shop, type: PREPARE_RUN_JOB })).toMatchObject([{ status: "cancelled" }]);
  });

  it("finishes a running run when the app is uninstalled: the orders whose jobs were cancelled end failed", async () => {
    // GIVEN a prepared run whose cancel jobs have not run yet
    const shop = "running-uninstalled.myshopify.com";
    const s = await shopWithStaleOrders(shop, 2);
    const { runId } = await confirm(shop, s.ids);
    await getJobWorker().runUntilIdle({ types: [PREPARE_RUN_JOB] }); // the prepare job only
    // WHEN app/uninstalled arrives and is processed (only the webhook's job runs: the cancel jobs wait)
    await callWebhookRoute(
      signedWebhook({
        topic: "app/uninstalled",
        shop,
        body: JSON.stringify({ id: 1, name: "Gone", domain: shop, myshopify_domain: shop }),
      }),
    );
    await getJobWorker().runUntilIdle({ types: [PROCESS_WEBHOOK_JOB] });
    // THEN the run is finished, its orders failed with the reason, nothing cancelled in Shopify
    expect(await prisma.cancellationRun.findUniqueOrThrow({ where: { id: runId! } })).toMatchObject({
      status: "finished",
      failed: 2,
    });
    const items = await prisma.cancellationRunItem.findMany({ where: { runId: runId! } });
    expect(items.map((i) => [i.status, i.outcome])).toEqual([
      ["failed", "app-uninstalled"],
      ["failed", "app-uninstalled"],
    ]);
    expect(orderCancels(shop)).toHaveLength(0);
  });

  it("ends an order failed, and its run finished, when the order's cancel job is dead-lettered", async () => {
    const shop = "dead-item.myshopify.com";
    const s = await shopWithStaleOrders(shop, 1);
    const { runId } = await confirm(shop, s.ids);
    await getJobWorker().runUntilIdle({ types: [PREPARE_RUN_JOB] }); // the prepare job only
    // GIVEN the cancel job's attempt fails with no retry left: the shop's offline session is gone
    allowConsoleError(/jobs: dead-lettered/);
    await prisma.session.deleteMany({ where: { shop } });
    forgetShop(shop);
    await getJobWorker().runUntilIdle();
    // THEN the order is failed with the reason and the run no longer "running"
    expect(await prisma.cancellationRun.findUniqueOrThrow({ where: { id: runId! } })).toMatchObject({
      status: "finished",
      failed: 1,
    });
    expect(await getJobQueue().listJobs({ shop, type: CANCEL_ORDER_JOB })).toMatchObject([{ status: "dead" }]);
  });

  it("treats a run whose orders were all taken by another run meanwhile as finished with nothing to do", async () => {
    const shop = "prepare-overlap.myshopify.com";
    const s = await shopWithStaleOrders(shop, 2);
    const graphql = (await shopAdminGraphql(shop))!;
    // Two confirmations of the same selection before either was prepared (a double submit)
    const a = await confirm(shop, s.ids);
    const b = await confirm(shop, s.ids);
    await prepareCancellationRun({ graphql, queue: getJobQueue(), runId: a.runId! });
    const second = await prepareCancellationRun({ graphql, queue: getJobQueue(), runId: b.runId! });
    expect(second).toEqual({ runId: b.runId, queued: 0, alreadyHandled: 2, noLongerEligible: 0 });
    expect(await prisma.cancellationRun.findUniqueOrThrow({ where: { id: b.runId! } })).toMatchObject({
      status: "finished",
      total: 0,
      alreadyHandled: 2,
    });
    expect(await prisma.cancellationRunItem.count({ where: { shop } })).toBe(2);
  });
});
