import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import type { JobContext } from "~/jobs/job-queue";
import { createJobWorker, getJobQueue } from "~/jobs/runtime.server";
import { ledgerView, simulatorView } from "../../tests/support/ledger-truth";
import { seedLocations } from "../../tests/support/seed";
import { installShop, type SimulatorHarness, startSimulator } from "../../tests/support/simulator";
import { PROCESS_WEBHOOK_JOB } from "./inbox.server";
import { type ProcessDeliveryPayload, processDelivery, registerWebhookJobs } from "./process-delivery.server";

let h: SimulatorHarness;
beforeEach(() => {
  h = startSimulator();
});
afterEach(() => h.close());

describe("a crash in the middle of processing webhooks", () => {
  it("loses nothing and applies nothing twice once a new process takes over", async () => {
    // GIVEN 8 orders whose webhooks were all recorded (and queued) before the crash
    const shop = "crash.myshopify.com";
    await installShop(h.sim, shop);
    const s = seedLocations(h.sim, shop);
    for (let i = 0; i < 8; i += 1) {
      h.sim.createOrder(shop, {
        lineItems: [{ variantId: s.tee.id, quantity: 1 + i }],
        locationId: i % 2 ? s.thirdParty.id : s.warehouse.id,
      });
    }
    await h.webhooks.flush();
    const recorded = await prisma.webhookDelivery.count({ where: { shop } });
    expect(recorded).toBeGreaterThan(8);

    // WHEN the first process dies while handling its 5th job: the ledger write committed,
    // but the delivery was not yet marked processed and the job never finished.
    let now = Date.now();
    const clock = () => new Date(now);
    const first = createJobWorker({ id: "process-1", leaseMs: 60_000, clock });
    let handled = 0;
    let crashed = false;
    const never = new Promise<void>(() => {});
    first.register<ProcessDeliveryPayload>(PROCESS_WEBHOOK_JOB, async (payload, context: JobContext) => {
      handled += 1;
      await processDelivery(payload, context);
      if (handled === 5) {
        await prisma.webhookDelivery.update({
          where: { id: payload.deliveryId },
          data: { status: "received", processedAt: null },
        });
        crashed = true;
        await never; // the process is gone: this job stays "running" under process-1's lease
      }
    });
    void first.runUntilIdle({ concurrency: 1 });
    // (Once the 5th handler has put its delivery back: until then it reads "processed".)
    await expect.poll(() => crashed, { timeout: 10_000 }).toBe(true);
    expect(handled).toBe(5);
    expect((await getJobQueue().jobCounts(shop)).running).toBe(1);
    expect(await prisma.webhookDelivery.count({ where: { shop, status: "received" } })).toBe(recorded - 4);

    // AND a new process starts after the dead one's lease has expired
    now += 120_000;
    const second = createJobWorker({ id: "process-2", leaseMs: 60_000, clock });
    registerWebhookJobs(second);
    await second.runUntilIdle();

    // THEN every delivery was processed, every job finished, and the ledger equals Shopify
    expect(
      await prisma.webhookDelivery.count({ where: { shop, NOT: { status: { in: ["processed", "ignored"] } } } }),
    ).toBe(0);
    expect(await getJobQueue().jobCounts(shop)).toMatchObject({ queued: 0, running: 0, dead: 0 });
    expect(await ledgerView(shop)).toEqual(simulatorView(h.sim, shop));
    // AND nothing was applied twice: one "created" event per FO, and no transition repeated
    const events = await prisma.fulfillmentOrderEvent.findMany({ where: { shop }, orderBy: { at: "asc" } });
    const fos = await prisma.fulfillmentOrder.count({ where: { shop } });
    expect(events.filter((e) => e.kind === "created")).toHaveLength(fos);
    expect(events).toHaveLength(fos);
  });
});
