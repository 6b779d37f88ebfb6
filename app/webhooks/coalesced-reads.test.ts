// One read of an order per burst of its webhooks, and no change lost to the coalescing
// (docs/decisions/0028-coalesced-order-reads.md). Reads are counted the way Shopify sees them:
// the operations the app sent to the simulator.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { registerJobHandlers } from "~/background.server";
import { prisma } from "~/db.server";
import { loadCommandTarget, runCommand } from "~/fulfillment/commands/command.server";
import { requestFulfillment } from "~/fulfillment/commands/request-fulfillment.server";
import { createJobWorker, getJobQueue, getJobWorker } from "~/jobs/runtime.server";
import type { AdminGraphql } from "~/shopify/admin/run-operation.server";
import { shopAdminGraphql } from "~/shopify/admin/shop-admin.server";
import { ledgerView, simulatorView } from "../../tests/support/ledger-truth";
import { seedLocations } from "../../tests/support/seed";
import { installShop, type SimulatorHarness, startSimulator } from "../../tests/support/simulator";
import { PROCESS_WEBHOOK_JOB } from "./inbox.server";
import { registerWebhookJobs } from "./process-delivery.server";

const ORDER_READ = "OrderFulfillmentState";

let h: SimulatorHarness;
let clock: number;
const drain = () => getJobWorker().runUntilIdle();
const reads = () => h.operations.filter((op) => op === ORDER_READ).length;

async function shopAt(shop: string) {
  await installShop(h.sim, shop);
  return seedLocations(h.sim, shop);
}

beforeAll(() => registerJobHandlers());
beforeEach(() => {
  clock = Date.parse("2026-11-20T10:00:00Z");
  h = startSimulator({ now: () => new Date(clock) });
});
afterEach(() => {
  h.close();
  registerJobHandlers();
});

describe("coalesced order reads", () => {
  it("reads an order once for a burst of its webhooks, duplicates and repeats included", async () => {
    // GIVEN an order placed, then paid and re-tagged three times, each change its own webhook
    const shop = "coalesce-burst.myshopify.com";
    const s = await shopAt(shop);
    h.webhooks.duplicateNext(4);
    const order = h.sim.createOrder(shop, {
      lineItems: [{ variantId: s.mug.id, quantity: 1 }],
      locationId: s.warehouse.id,
      financialStatus: "PENDING",
    });
    clock += 1_000;
    h.sim.markPaid(order.id);
    for (const tag of ["vip", "gift", "rush"]) {
      clock += 1_000;
      h.sim.setOrderTags(order.id, [tag]);
    }
    // WHEN all of them arrive, shuffled, before any is processed
    await h.webhooks.flush({ order: "shuffle", seed: 7 });
    const recorded = await prisma.webhookDelivery.count({ where: { shop } });
    expect(recorded).toBeGreaterThanOrEqual(7);
    await drain();
    // THEN Shopify was asked for the order once, and the ledger equals Shopify
    expect(reads()).toBe(1);
    expect(await ledgerView(shop)).toEqual(simulatorView(h.sim, shop));
    expect(await prisma.webhookDelivery.count({ where: { shop, status: "received" } })).toBe(0);
  });

  it("does not let a read already running swallow a change made after it read", async () => {
    // GIVEN an order in the ledger
    const shop = "coalesce-running.myshopify.com";
    const s = await shopAt(shop);
    const order = h.sim.createOrder(shop, {
      lineItems: [{ variantId: s.mug.id, quantity: 1 }],
      locationId: s.warehouse.id,
    });
    await h.webhooks.flush();
    await drain();
    const before = reads();

    // WHEN the order changes while a read of it is running — after Shopify answered it — and that
    // change's webhook is processed before the running read has written the ledger
    clock += 60_000;
    h.sim.setOrderTags(order.id, ["first"]);
    let changedDuringRead = false;
    const deps = {
      queue: getJobQueue(),
      adminFor: async (domain: string): Promise<AdminGraphql | null> => {
        const graphql = (await shopAdminGraphql(domain))!;
        return async (query, options) => {
          const response = await graphql(query, options);
          if (!changedDuringRead && query.includes(`query ${ORDER_READ}`)) {
            changedDuringRead = true;
            clock += 60_000;
            h.sim.setOrderTags(order.id, ["second"]);
            await h.webhooks.flush();
            // Another worker processes that webhook meanwhile.
            const other = createJobWorker();
            registerWebhookJobs(other, deps);
            await other.runUntilIdle({ types: [PROCESS_WEBHOOK_JOB] });
          }
          return response;
        };
      },
    };
    registerWebhookJobs(getJobWorker(), deps);
    await h.webhooks.flush();
    await drain();

    // THEN the later change was read too: the ledger shows it
    expect(changedDuringRead).toBe(true);
    expect(reads() - before).toBe(2);
    const [row] = await prisma.fulfillmentOrder.findMany({ where: { shop } });
    expect(row!.orderTags).toBe(",second,");
    expect(await ledgerView(shop)).toEqual(simulatorView(h.sim, shop));
  });

  it("reads nothing for our own request coming back as fulfillment_request_submitted", async () => {
    // GIVEN a 3PL order in the ledger, requested through the app (which re-syncs after the mutation)
    const shop = "coalesce-stated.myshopify.com";
    const s = await shopAt(shop);
    const order = h.sim.createOrder(shop, {
      lineItems: [{ variantId: s.mug.id, quantity: 1 }],
      locationId: s.thirdParty.id,
    });
    await h.webhooks.flush();
    await drain();
    const [fo] = h.sim.fulfillmentOrdersOf(order.id);
    clock += 60_000;
    const graphql = (await shopAdminGraphql(shop))!;
    const target = (await loadCommandTarget(shop, fo!.id))!;
    const result = await runCommand(
      { graphql, shop, actor: "test", source: "user" },
      target,
      requestFulfillment({ lines: [], message: null, notifyCustomer: false }),
    );
    expect(result.kind).toBe("done");
    const before = reads();
    // WHEN Shopify's webhook about that request arrives
    await h.webhooks.flush();
    await drain();
    // THEN it is recorded as already in the ledger, and nothing was read for it
    const delivery = await prisma.webhookDelivery.findFirstOrThrow({
      where: { shop, topic: "fulfillment_orders/fulfillment_request_submitted" },
    });
    expect([delivery.status, delivery.error]).toEqual(["ignored", "already_in_ledger"]);
    expect(reads()).toBe(before);
    expect(await ledgerView(shop)).toEqual(simulatorView(h.sim, shop));
  });
});
