// The post-purchase upsell end to end: the simulator is Shopify's checkout (input token,
// applyChangeset, the cross-sell hold, webhooks), the buyer plays our extension against the app's
// real /post-purchase/* route modules, and automation requests fulfillment. Accepted, declined and
// timed out: each ends in exactly one request, and an accepted upsell rides in it.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { registerJobHandlers } from "~/background.server";
import { prisma } from "~/db.server";
import { getJobQueue, getJobWorker } from "~/jobs/runtime.server";
import { automationDeps, registerAutomation } from "~/automation/runtime/register.server";
import { decisionsOf, turnOnAutomation } from "../../tests/support/automation";
import { ledgerView, simulatorView } from "../../tests/support/ledger-truth";
import { postPurchaseBuyer } from "../../tests/support/post-purchase-buyer";
import { postToRoutes as post } from "../../tests/support/post-purchase-routes";
import { seedLocations } from "../../tests/support/seed";
import { createUpsellOffer } from "../../tests/support/upsell";
import { installShop, type SimulatorHarness, startSimulator } from "../../tests/support/simulator";

let h: SimulatorHarness;
/** How far the shared clock (simulator and automation) runs ahead of the wall clock. */
let aheadMs = 0;
const clock = () => new Date(Date.now() + aheadMs);
const submissions = () => h.operations.filter((op) => op === "FulfillmentOrderSubmitFulfillmentRequest").length;
const settle = async () => {
  await h.webhooks.flush();
  await getJobWorker().runUntilIdle();
};

beforeAll(() => {
  registerJobHandlers();
  const queue = getJobQueue();
  registerAutomation(queue, getJobWorker(), automationDeps(queue, { now: clock }));
});
beforeEach(() => {
  aheadMs = 0;
  h = startSimulator({ now: clock });
});
afterEach(() => h.close());

async function shopWithUpsell(shop: string, options: { automation: boolean }) {
  await installShop(h.sim, shop);
  const s = seedLocations(h.sim, shop);
  // A 10-minute quiet period after an order edit: only the buyer's recorded answer ends it early.
  if (options.automation) await turnOnAutomation(shop, undefined, { quietPeriodMinutes: 10 });
  await createUpsellOffer(shop, s.tee);
  const buyer = postPurchaseBuyer(h, shop, post, (ms) => {
    aheadMs += ms;
  });
  const cart = { lineItems: [{ variantId: s.mug.id, quantity: 1 }], locationId: s.thirdParty.id };
  return { s, buyer, cart };
}

describe("a post-purchase upsell, from checkout to the fulfillment request", () => {
  it("accepted: the line is added, the hold released, and exactly one request carries the upsell", async () => {
    const shop = "flow-accept.myshopify.com";
    const { s, buyer, cart } = await shopWithUpsell(shop, { automation: true });

    // GIVEN the buyer checks out and the order reaches the ledger while the offer is open
    const run = await buyer.checkoutAnd("accept", cart);

    // THEN the offer was shown, signed, applied and the decision recorded
    expect(run.offer).toMatchObject({ productTitle: "Tee", discount: { value: 20, valueType: "percentage" } });
    expect(run.calls.map((c) => [c.path, c.status])).toEqual([
      ["/post-purchase/offer", 200],
      ["/post-purchase/sign-changeset", 200],
      ["/post-purchase/decision", 200],
    ]);
    expect(run.applied).toMatchObject({ status: "processed" });
    // Shopify added the tee at the discounted price and lifted its hold
    const order = h.sim.getOrder(run.order.id);
    expect(order.lineItems.map((li) => [li.variantId, li.quantity])).toEqual([
      [s.mug.id, 1],
      [s.tee.id, 1],
    ]);
    expect(h.sim.fulfillmentOrdersOf(run.order.id).flatMap((fo) => fo.holds)).toEqual([]);

    // WHEN the webhooks arrive and automation runs
    await settle();

    // THEN exactly one request went out, and it holds both the mug and the tee. The clock did not
    // move: the recorded answer, not the 10-minute quiet period after the edit, ended the wait.
    expect(aheadMs).toBe(0);
    expect(submissions()).toBe(1);
    const requested = h.sim.fulfillmentOrdersOf(run.order.id).filter((fo) => fo.requestStatus === "SUBMITTED");
    expect(requested).toHaveLength(1);
    const requestedLines = requested[0]!.lineItems.map((li) => order.lineItems.find((x) => x.id === li.lineItemId));
    expect(requestedLines.map((li) => li!.variantId).sort()).toEqual([s.mug.id, s.tee.id].sort());
    // The presentation is linked to the order, accepted; the ledger equals Shopify
    const presentation = await prisma.upsellPresentation.findFirstOrThrow({ where: { shop } });
    expect(presentation).toMatchObject({ decision: "accepted", orderId: run.order.id });
    expect((await prisma.order.findFirstOrThrow({ where: { shop } })).upsellDecision).toBe("accepted");
    expect(await ledgerView(shop)).toEqual(simulatorView(h.sim, shop));
    // Automation merged Shopify's separate upsell FO into the original before its one request
    const decisions = await decisionsOf(shop);
    expect(decisions.filter((d) => d.status === "merged")).toHaveLength(1);
    expect(decisions.filter((d) => d.outcome === "request" && d.status === "succeeded")).toHaveLength(1);
  });

  it("declined: the hold is released with no edit and one request carries the original items", async () => {
    const shop = "flow-decline.myshopify.com";
    const { s, buyer, cart } = await shopWithUpsell(shop, { automation: true });

    const run = await buyer.checkoutAnd("decline", cart);
    await settle();

    expect(run.calls.map((c) => [c.path, c.status])).toEqual([
      ["/post-purchase/offer", 200],
      ["/post-purchase/decision", 200],
    ]);
    const order = h.sim.getOrder(run.order.id);
    expect(order.lineItems.map((li) => li.variantId)).toEqual([s.mug.id]);
    expect(h.sim.fulfillmentOrdersOf(run.order.id).flatMap((fo) => fo.holds)).toEqual([]);
    expect(submissions()).toBe(1);
    expect(h.sim.fulfillmentOrdersOf(run.order.id)[0]!.requestStatus).toBe("SUBMITTED");
    expect(await prisma.upsellPresentation.findFirstOrThrow({ where: { shop } })).toMatchObject({
      decision: "declined",
    });
  });

  it("timed out: nothing is requested while the offer is open; after 60 minutes Shopify lifts the hold and one request goes out", async () => {
    const shop = "flow-timeout.myshopify.com";
    const { buyer, cart } = await shopWithUpsell(shop, { automation: true });

    const run = await buyer.checkoutAnd("timeout", cart);
    // The buyer never answered; the step timed out after 60 minutes
    expect(run.calls.map((c) => c.path)).toEqual(["/post-purchase/offer"]);
    await settle();

    expect(h.sim.fulfillmentOrdersOf(run.order.id).flatMap((fo) => fo.holds)).toEqual([]);
    expect(submissions()).toBe(1);
    expect(h.sim.fulfillmentOrdersOf(run.order.id)[0]!.requestStatus).toBe("SUBMITTED");
    expect((await prisma.upsellPresentation.findFirstOrThrow({ where: { shop } })).decision).toBeNull();
  });

  it("waits while the offer is open: no request before the buyer's answer", async () => {
    const shop = "flow-open.myshopify.com";
    const { s } = await shopWithUpsell(shop, { automation: true });
    const { order } = h.sim.checkout(shop, {
      lineItems: [{ variantId: s.mug.id, quantity: 1 }],
      locationId: s.thirdParty.id,
    });
    await settle();
    expect(submissions()).toBe(0);
    const [waiting] = await decisionsOf(shop);
    expect(waiting).toMatchObject({ outcome: "wait" });
    expect(waiting!.reason).toMatch(/post-purchase offer/i);
    expect(h.sim.fulfillmentOrdersOf(order.id)[0]!.requestStatus).toBe("UNSUBMITTED");
  });
});
