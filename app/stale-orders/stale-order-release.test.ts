// The run against the store simulator: preview, request, prepare and process each item as their
// jobs would, and compare Shopify's inventory with what the preview promised.
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import type { TransactionalJobQueue } from "~/jobs/job-queue";
import { costAwareGraphql, resetCostTracking } from "~/shopify/admin/admin-client.server";
import { unauthenticated } from "~/shopify.server";
import { fakeClock } from "../../tests/support/fake-clock";
import { SEED_STOCK, seedLocations } from "../../tests/support/seed";
import { installShop, type SimulatorHarness, startSimulator } from "../../tests/support/simulator";
import { cancelStaleOrderItem } from "./cancel-order.server";
import {
  type CancelOrderJobPayload,
  PREPARE_RUN_JOB,
  type PrepareRunJobPayload,
  requestCancellationRun,
  type RunTrigger,
} from "./cancellation-runs.server";
import { prepareCancellationRun } from "./prepare-run.server";
import { saveStaleOrderSettings, DEFAULT_SETTINGS } from "./policy-settings.server";
import { previewStaleOrders } from "./preview.server";

let h: SimulatorHarness;
let clock: ReturnType<typeof fakeClock>;
const DAY = 86_400_000;

beforeEach(() => {
  clock = fakeClock();
  resetCostTracking();
  h = startSimulator({ now: clock.date });
});
afterEach(() => h.close());

/** A queue that records what would run, so the test plays the runner deterministically. */
function recordingQueue() {
  const jobs: CancelOrderJobPayload[] = [];
  const prepares: PrepareRunJobPayload[] = [];
  const record = async (type: string, payload: unknown) => {
    if (type === PREPARE_RUN_JOB) prepares.push(payload as PrepareRunJobPayload);
    else jobs.push(payload as CancelOrderJobPayload);
    return { id: String(jobs.length + prepares.length), deduplicated: false };
  };
  const queue: TransactionalJobQueue = { enqueue: record, enqueueWith: (_tx, type, payload) => record(type, payload) };
  return { queue, jobs, prepares };
}

async function setUp(shop: string) {
  await installShop(h.sim, shop);
  const s = seedLocations(h.sim, shop);
  const { admin } = await unauthenticated.admin(shop);
  const graphql = costAwareGraphql(shop, admin.graphql, { sleep: clock.sleep, now: clock.now });
  const order = (
    financialStatus: "PENDING" | "PAID" | "PARTIALLY_PAID" | "EXPIRED" | "AUTHORIZED",
    ageDays: number,
    lines: { variantId: string; quantity: number }[],
    extra: { locationId?: string; paymentTermsDueAt?: Date; tags?: string[] } = {},
  ) =>
    h.sim.createOrder(shop, {
      lineItems: lines,
      financialStatus,
      createdAt: new Date(clock.now() - ageDays * DAY),
      customer: { firstName: "Ada", lastName: "Lovelace", email: "ada@example.com" },
      ...extra,
    });
  const runItems = async (jobs: CancelOrderJobPayload[]) => {
    for (const job of jobs)
      await cancelStaleOrderItem(graphql, job.itemId, { sleep: clock.sleep, now: clock.date, pollMs: 25 });
  };
  /** The merchant confirms, then the run's prepare job runs: what the old one-step start did. */
  const startRun = async (input: {
    queue: TransactionalJobQueue;
    actor: string | null;
    trigger: RunTrigger;
    selection: string[] | "all";
    now?: Date;
  }) => {
    const requested = await requestCancellationRun({ ...input, shop });
    if (requested.runId === null) return { runId: null, queued: 0, alreadyHandled: requested.alreadyHandled };
    const prepared = await prepareCancellationRun({
      graphql,
      queue: input.queue,
      runId: requested.runId,
      now: input.now,
    });
    return {
      runId: requested.runId,
      queued: prepared?.queued,
      alreadyHandled: prepared?.alreadyHandled,
      noLongerEligible: prepared?.noLongerEligible,
    };
  };
  return { ...s, graphql, order, runItems, startRun };
}

describe("releasing stock held by stale unpaid orders", () => {
  it("previews candidates with their reserved lines and excludes the rest with a reason", async () => {
    const shop = "stale-preview.myshopify.com";
    const s = await setUp(shop);
    const stale = s.order("PENDING", 5, [{ variantId: s.mug.id, quantity: 2 }]);
    s.order("PENDING", 1, [{ variantId: s.mug.id, quantity: 1 }]);
    s.order("PAID", 10, [{ variantId: s.mug.id, quantity: 1 }]);
    const terms = s.order("PENDING", 9, [{ variantId: s.tee.id, quantity: 1 }], {
      paymentTermsDueAt: new Date(clock.now() + 30 * DAY),
    });
    const expired = s.order("EXPIRED", 4, [{ variantId: s.tee.id, quantity: 3 }], { locationId: s.pickup.id });

    const preview = await previewStaleOrders(s.graphql, DEFAULT_SETTINGS.policy, clock.date());

    expect(preview.candidates.map((c) => [c.name, c.financialStatus, c.units, c.customer, c.ageHours])).toEqual([
      [stale.name, "PENDING", 2, "Ada Lovelace", 120],
      [expired.name, "EXPIRED", 3, "Ada Lovelace", 96],
    ]);
    expect(preview.excluded).toEqual([
      { id: terms.id, name: terms.name, financialStatus: "PENDING", reason: "payment-terms" },
    ]);
    expect(preview.totals).toEqual([
      { sku: "MUG-1", locationId: s.warehouse.id, locationName: "Warehouse", quantity: 2 },
      { sku: "TEE-1", locationId: s.pickup.id, locationName: "Downtown store", quantity: 3 },
    ]);
  });

  it("moves committed stock back to available by exactly the previewed amounts", async () => {
    // GIVEN three stale orders across two locations, and one fresh order
    const shop = "stale-restock.myshopify.com";
    const s = await setUp(shop);
    s.order("PENDING", 5, [
      { variantId: s.mug.id, quantity: 2 },
      { variantId: s.tee.id, quantity: 1 },
    ]);
    s.order("EXPIRED", 6, [{ variantId: s.mug.id, quantity: 4 }]);
    s.order("PENDING", 7, [{ variantId: s.tee.id, quantity: 5 }], { locationId: s.pickup.id });
    s.order("PENDING", 0, [{ variantId: s.mug.id, quantity: 9 }]);
    const levels = () =>
      [s.mug, s.tee].flatMap((v) =>
        [s.warehouse, s.pickup].map((l) => ({ v: v.id, l: l.id, ...h.sim.inventoryLevel(v.id, l.id) })),
      );
    const before = levels();
    const preview = await previewStaleOrders(s.graphql, DEFAULT_SETTINGS.policy, clock.date());

    // WHEN all candidates are cancelled
    const { queue, jobs } = recordingQueue();
    const result = await s.startRun({
      queue,
      actor: "user:7",
      trigger: "manual",
      selection: "all",
      now: clock.date(),
    });
    await s.runItems(jobs);

    // THEN each SKU and location got back exactly what the preview said, and nothing else moved
    expect(result).toMatchObject({ queued: 3, alreadyHandled: 0, noLongerEligible: 0 });
    const released = (variantId: string, locationId: string) =>
      preview.totals.find((t) => t.sku === (variantId === s.mug.id ? "MUG-1" : "TEE-1") && t.locationId === locationId)
        ?.quantity ?? 0;
    for (const [i, after] of levels().entries()) {
      const was = before[i]!;
      const units = released(after.v, after.l);
      expect({ ...after }).toEqual({ ...was, available: was.available + units, committed: was.committed - units });
    }
    expect(preview.totals.reduce((n, t) => n + t.quantity, 0)).toBe(12);
    const run = await prisma.cancellationRun.findUniqueOrThrow({ where: { id: result.runId! } });
    expect(run).toMatchObject({ status: "finished", total: 3, cancelled: 3, skipped: 0, failed: 0, actor: "user:7" });
    const audit = await prisma.auditEvent.findMany({ where: { shop }, orderBy: { at: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["stale-orders.run-started", "stale-orders.order-cancelled", "stale-orders.run-finished"]),
    );
  });

  it("skips and reports an order that was paid between the preview and the run", async () => {
    const shop = "stale-paid-meanwhile.myshopify.com";
    const s = await setUp(shop);
    const paidLater = s.order("PENDING", 5, [{ variantId: s.mug.id, quantity: 2 }]);
    const stays = s.order("PENDING", 5, [{ variantId: s.tee.id, quantity: 1 }]);
    const { queue, jobs } = recordingQueue();
    const result = await s.startRun({
      queue,
      actor: "user:7",
      trigger: "manual",
      selection: [paidLater.id, stays.id],
    });
    // WHEN the customer pays after the run was confirmed, before its job runs
    h.sim.markPaid(paidLater.id);
    await s.runItems(jobs);
    // THEN that order is skipped with the reason, untouched in Shopify, and its stock stays committed
    const items = await prisma.cancellationRunItem.findMany({
      where: { runId: result.runId! },
      orderBy: { orderName: "asc" },
    });
    expect(items.map((i) => [i.orderName, i.status, i.outcome])).toEqual([
      [paidLater.name, "skipped", "paid"],
      [stays.name, "cancelled", null],
    ]);
    expect(h.sim.orderStatus(paidLater.id).cancelled).toBe(false);
    expect(h.sim.inventoryLevel(s.mug.id, s.warehouse.id).committed).toBe(2);
    expect(await prisma.cancellationRun.findUniqueOrThrow({ where: { id: result.runId! } })).toMatchObject({
      cancelled: 1,
      skipped: 1,
    });
  });

  it("cancels nothing twice when the same selection runs twice, even while the first is in flight", async () => {
    const shop = "stale-twice.myshopify.com";
    const s = await setUp(shop);
    const a = s.order("PENDING", 5, [{ variantId: s.mug.id, quantity: 1 }]);
    const b = s.order("PENDING", 5, [{ variantId: s.mug.id, quantity: 1 }]);
    const first = recordingQueue();
    const run1 = await s.startRun({
      queue: first.queue,
      actor: "user:7",
      trigger: "manual",
      selection: [a.id, b.id],
    });
    // The same selection again before any job ran: nothing new is queued.
    const second = recordingQueue();
    const run2 = await s.startRun({
      queue: second.queue,
      actor: "user:7",
      trigger: "manual",
      selection: [a.id, b.id],
    });
    expect(run2).toEqual({ runId: null, queued: 0, alreadyHandled: 2 });
    // Jobs delivered twice (at-least-once) do not send a second orderCancel.
    await s.runItems([...first.jobs, ...first.jobs]);
    const third = recordingQueue();
    const run3 = await s.startRun({
      queue: third.queue,
      actor: "user:7",
      trigger: "manual",
      selection: [a.id, b.id],
    });
    expect(run3.queued).toBe(0);
    expect(second.jobs).toEqual([]);
    expect(third.jobs).toEqual([]);
    const items = await prisma.cancellationRunItem.findMany({ where: { shop } });
    expect(items.map((i) => i.status)).toEqual(["cancelled", "cancelled"]);
    expect(h.sim.snapshot(shop).jobs.filter((j) => j.action.kind === "orderCancel")).toHaveLength(2);
    expect(run1.runId).not.toBeNull();
  });

  it("resumes after a crash between sending orderCancel and recording its job, without cancelling twice", async () => {
    // GIVEN a run whose worker died right after Shopify accepted the cancellation
    const shop = "stale-crash.myshopify.com";
    const s = await setUp(shop);
    const o = s.order("PENDING", 5, [{ variantId: s.mug.id, quantity: 2 }]);
    const { queue, jobs } = recordingQueue();
    await s.startRun({
      queue,
      actor: "user:7",
      trigger: "manual",
      selection: "all",
    });
    await prisma.cancellationRunItem.updateMany({ where: { shop }, data: { status: "cancelling" } });
    await s.graphql(
      `mutation { orderCancel(orderId: "${o.id}", reason: DECLINED, restock: true) { job { id } orderCancelUserErrors { message } } }`,
    );
    clock.advance(60);
    // WHEN the job is delivered again
    await s.runItems(jobs);
    // THEN the item is recorded as cancelled, Shopify saw one cancellation, and the stock is back once
    expect(await prisma.cancellationRunItem.findFirstOrThrow({ where: { shop } })).toMatchObject({
      status: "cancelled",
    });
    expect(h.sim.snapshot(shop).jobs).toHaveLength(1);
    expect(h.sim.inventoryLevel(s.mug.id, s.warehouse.id)).toEqual({ available: SEED_STOCK.warehouse, committed: 0 });
  });

  it("reports Shopify's message when it refuses a cancellation", async () => {
    const shop = "stale-refused.myshopify.com";
    const s = await setUp(shop);
    const o = s.order("PENDING", 5, [{ variantId: s.mug.id, quantity: 1 }]);
    const { queue, jobs } = recordingQueue();
    await s.startRun({
      queue,
      actor: null,
      trigger: "scheduled",
      selection: "all",
    });
    // Someone cancels it in Shopify admin meanwhile, but Shopify's job hasn't finished yet.
    await s.graphql(
      `mutation { orderCancel(orderId: "${o.id}", reason: OTHER, restock: true) { job { id } orderCancelUserErrors { message } } }`,
    );
    await s.runItems(jobs);
    const item = await prisma.cancellationRunItem.findFirstOrThrow({ where: { shop } });
    expect(item).toMatchObject({ status: "failed", outcome: expect.stringContaining("already been cancelled") });
  });

  it("ends an order 'failed', not cancelled, when Shopify's cancel job finishes without cancelling it", async () => {
    // GIVEN two stale orders, and Shopify's cancellation job for one of them fails after accepting it
    const shop = "stale-job-failed.myshopify.com";
    const s = await setUp(shop);
    const fails = s.order("PENDING", 5, [{ variantId: s.mug.id, quantity: 2 }]);
    const works = s.order("PENDING", 5, [{ variantId: s.tee.id, quantity: 1 }]);
    h.sim.failOrderCancel(fails.id, { message: "Payment gateway timed out" });
    const { queue, jobs } = recordingQueue();
    const { runId } = await s.startRun({ queue, actor: "user:7", trigger: "manual", selection: "all" });

    // WHEN the run's items are processed
    await s.runItems(jobs);

    // THEN the failed one is reported failed with why, its stock still committed, and only the other counts
    const items = await prisma.cancellationRunItem.findMany({
      where: { runId: runId! },
      orderBy: { orderName: "asc" },
    });
    expect(items.map((i) => [i.orderName, i.status, i.outcome])).toEqual([
      [fails.name, "failed", "job-failed"],
      [works.name, "cancelled", null],
    ]);
    expect(h.sim.orderStatus(fails.id).cancelled).toBe(false);
    expect(h.sim.inventoryLevel(s.mug.id, s.warehouse.id).committed).toBe(2);
    expect(await prisma.cancellationRun.findUniqueOrThrow({ where: { id: runId! } })).toMatchObject({
      status: "finished",
      cancelled: 1,
      failed: 1,
    });
    const audit = await prisma.auditEvent.findMany({ where: { shop, subject: fails.name } });
    expect(audit.map((a) => a.action)).toEqual(["stale-orders.order-failed"]);
  });

  it("records who changed the policy, with the settings before and after", async () => {
    const shop = "stale-settings.myshopify.com";
    await saveStaleOrderSettings(shop, { ...DEFAULT_SETTINGS, scheduleEnabled: true }, "user:7", randomUUID());
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { shop } });
    expect(event.action).toBe("stale-orders.policy-saved");
    expect(event.detail).toMatchObject({
      before: { scheduleEnabled: false },
      after: { scheduleEnabled: true },
    });
  });
});

describe("the daily schedule", () => {
  it("runs the saved policy over every eligible order, recorded as a scheduled run without an actor", async () => {
    const shop = "stale-scheduled.myshopify.com";
    const s = await setUp(shop);
    await saveStaleOrderSettings(shop, { ...DEFAULT_SETTINGS, scheduleEnabled: true }, "user:7", randomUUID());
    // The job runs on the wall clock, so ages are relative to it.
    const placed = (ageDays: number) =>
      h.sim.createOrder(shop, {
        lineItems: [{ variantId: s.mug.id, quantity: 1 }],
        financialStatus: "PENDING",
        createdAt: new Date(Date.now() - ageDays * DAY),
      });
    const a = placed(5);
    placed(1);
    const { queue, jobs, prepares } = recordingQueue();
    const { admin } = await unauthenticated.admin(shop);
    // WHEN the scheduled job runs (the handler the runner calls), twice as at-least-once allows
    const { scheduledRunHandler } = await import("./cancel-order-job.server");
    await scheduledRunHandler(queue)({ shop }, { jobId: "j", shop, attempt: 1, maxAttempts: 5 });
    await scheduledRunHandler(queue)({ shop }, { jobId: "j", shop, attempt: 2, maxAttempts: 5 });
    // AND then the run's prepare job and its items' jobs
    expect(await prisma.cancellationRun.count({ where: { shop } })).toBe(1);
    for (const prepare of prepares) await prepareCancellationRun({ graphql: s.graphql, queue, runId: prepare.runId });
    // (on the wall clock too: the fake clock's fixed start would make a 5-day-old order look younger)
    for (const job of jobs) await cancelStaleOrderItem(s.graphql, job.itemId, { sleep: clock.sleep, pollMs: 25 });
    // THEN only the stale order was cancelled, and the audit says it was the schedule
    expect(admin).toBeDefined();
    expect(h.sim.orderStatus(a.id).cancelled).toBe(true);
    const run = await prisma.cancellationRun.findFirstOrThrow({ where: { shop } });
    expect(run).toMatchObject({ trigger: "scheduled", actor: null, total: 1, cancelled: 1, status: "finished" });
    const started = await prisma.auditEvent.findFirstOrThrow({ where: { shop, action: "stale-orders.run-started" } });
    expect(started.actor).toBeNull();
    expect(started.detail).toMatchObject({ trigger: "scheduled", orders: 1 });
  });
});
