// The ledger's promise, as a property: whatever happens in Shopify, however its webhooks
// arrive (shuffled, duplicated, partly dropped), after the deliveries are processed and one
// reconciliation sweep has run, the ledger equals Shopify's truth. Every run is replayable
// from its seed (PROPERTY_SEED), and PROPERTY_RUNS sets how many there are.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerJobHandlers } from "~/background.server";
import { getJobWorker } from "~/jobs/runtime.server";
import { costAwareGraphql, resetCostTracking } from "~/shopify/admin/admin-client.server";
import { unauthenticated } from "~/shopify.server";
import type { SimFulfillmentOrder } from "../../simulator/types";
import { fakeClock } from "../../tests/support/fake-clock";
import { ledgerView, simulatorView } from "../../tests/support/ledger-truth";
import { seededRandom } from "../../tests/support/random";
import { seedLocations } from "../../tests/support/seed";
import { ShopifyActions } from "../../tests/support/shopify-actions";
import { installShop, startSimulator } from "../../tests/support/simulator";
import { reconcileShop } from "./reconcile-shop.server";

const RUNS = Number(process.env.PROPERTY_RUNS ?? 500);
const SEED = Number(process.env.PROPERTY_SEED ?? 20261122);
const HOLD_REASONS = ["AWAITING_PAYMENT", "HIGH_RISK_OF_FRAUD", "INCORRECT_ADDRESS", "OTHER"];

type Step =
  | "hold"
  | "partial-hold"
  | "release"
  | "request"
  | "partial-request"
  | "accept"
  | "reject"
  | "split"
  | "fulfil"
  | "service-ships"
  | "cancel";

const clock = fakeClock();
const h = startSimulator({ now: clock.date });
const performed = new Map<Step, number>();

beforeAll(() => {
  registerJobHandlers();
  resetCostTracking();
});
afterAll(() => h.close());

function remaining(fo: SimFulfillmentOrder) {
  return fo.lineItems.filter((li) => li.remainingQuantity > 0);
}

/** Half (rounded down, at least one) of the first line with more than one unit left. */
function partOf(fo: SimFulfillmentOrder) {
  const line = remaining(fo).find((li) => li.remainingQuantity > 1);
  return line ? [{ id: line.id, quantity: Math.max(1, Math.floor(line.remainingQuantity / 2)) }] : null;
}

function choices(fo: SimFulfillmentOrder, thirdPartyId: string): Step[] {
  const open = fo.status === "OPEN" || fo.status === "IN_PROGRESS";
  const splittable = partOf(fo) !== null;
  if (fo.status === "ON_HOLD") return ["release"];
  if (!open) return [];
  if (fo.locationId === thirdPartyId) {
    if (fo.requestStatus === "UNSUBMITTED" || fo.requestStatus === "REJECTED") {
      return ["request", "hold", ...(splittable ? (["partial-request", "partial-hold"] as Step[]) : [])];
    }
    if (fo.requestStatus === "SUBMITTED") return ["accept", "reject"];
    if (fo.requestStatus === "ACCEPTED") return ["service-ships"];
    return [];
  }
  return ["fulfil", "hold", ...(splittable ? (["partial-hold", "split"] as Step[]) : [])];
}

async function perform(
  step: Step,
  fo: SimFulfillmentOrder,
  actions: ShopifyActions,
  rng: ReturnType<typeof seededRandom>,
): Promise<boolean> {
  const lines = remaining(fo).map((li) => ({ id: li.id, quantity: li.remainingQuantity }));
  let errors: string[] = [];
  try {
    switch (step) {
      case "hold":
        errors = await actions.hold(fo, rng.pick(HOLD_REASONS));
        break;
      case "partial-hold":
        errors = await actions.hold(fo, rng.pick(HOLD_REASONS), partOf(fo)!);
        break;
      case "release":
        errors = await actions.release(fo);
        break;
      case "request":
        errors = await actions.request(fo);
        break;
      case "partial-request":
        errors = await actions.request(fo, partOf(fo)!);
        break;
      case "accept":
        h.sim.acceptFulfillmentRequest(fo.id);
        break;
      case "reject":
        h.sim.rejectFulfillmentRequest(fo.id, { message: "out of stock" });
        break;
      case "split":
        errors = await actions.split(fo, partOf(fo)!);
        break;
      case "fulfil":
        errors = await actions.fulfil(
          fo,
          rng.chance(0.5) ? lines : lines.slice(0, 1).map((l) => ({ ...l, quantity: 1 })),
        );
        break;
      case "service-ships":
        h.sim.fulfillAsService(fo.id, { trackingNumber: "TRK1" });
        break;
      case "cancel":
        errors = await actions.cancelOrder(fo.orderId);
        break;
    }
  } catch {
    return false; // the simulator refused this as Shopify would; the history goes on
  }
  return errors.length === 0;
}

describe("the ledger converges on Shopify's truth", () => {
  it(`after ${RUNS} random histories with shuffled, duplicated and dropped webhooks and one sweep`, async () => {
    for (let run = 0; run < RUNS; run += 1) {
      const seed = SEED + run;
      const rng = seededRandom(seed);
      const shop = `property-${seed}.myshopify.com`;
      await installShop(h.sim, shop, { plan: "plus" });
      const s = seedLocations(h.sim, shop);
      const actions = new ShopifyActions(h.sim, shop);

      // GIVEN a realistic history in Shopify
      const variants = [s.tee, s.mug].slice(0, rng.int(1, 2));
      const order = h.sim.createOrder(shop, {
        lineItems: variants.map((v) => ({ variantId: v.id, quantity: rng.int(1, 4) })),
        locationId: rng.pick([s.warehouse.id, s.thirdParty.id]),
      });
      for (let step = rng.int(2, 7); step > 0; step -= 1) {
        // Sometimes two changes share a second: updated_at cannot tell them apart.
        clock.advance(rng.pick([0, 1000, 1000, 5000]));
        const open = h.sim.fulfillmentOrdersOf(order.id);
        const options = open.flatMap((fo) => choices(fo, s.thirdParty.id).map((c) => [c, fo] as const));
        if (rng.chance(0.08)) options.push(["cancel", open[0]!]);
        if (options.length === 0) break;
        const [choice, fo] = rng.pick(options);
        if (await perform(choice, fo, actions, rng)) performed.set(choice, (performed.get(choice) ?? 0) + 1);
      }
      clock.advance(10_000);
      h.sim.snapshot(shop); // lets Shopify finish async jobs (orderCancel) whose time has come

      // WHEN its webhooks arrive shuffled, some twice, some never
      h.webhooks.intercept(() => (rng.chance(0.2) ? "drop" : rng.chance(0.15) ? "duplicate" : "deliver"));
      await h.webhooks.flush({ order: "shuffle", seed });
      const processed = await getJobWorker().runUntilIdle();
      expect(processed.retried, `seed ${seed}: a webhook job failed`).toBe(0);
      clock.advance(60_000);
      const { admin } = await unauthenticated.admin(shop);
      const graphql = costAwareGraphql(shop, admin.graphql, { sleep: clock.sleep, now: clock.now });
      const run1 = await reconcileShop(graphql, shop, { trigger: "manual", now: clock.date });

      // THEN the ledger equals Shopify, and the sweep accounted for everything it saw
      expect(await ledgerView(shop), `seed ${seed}`).toEqual(simulatorView(h.sim, shop));
      expect(run1.unaccounted, `seed ${seed}`).toBe(0);
    }
    // The histories really exercised every kind of change the issue names.
    for (const step of [
      "hold",
      "partial-hold",
      "release",
      "request",
      "partial-request",
      "accept",
      "split",
      "fulfil",
      "cancel",
    ] as Step[]) {
      expect(performed.get(step) ?? 0, step).toBeGreaterThan(RUNS / 100);
    }
  }, 900_000);
});
