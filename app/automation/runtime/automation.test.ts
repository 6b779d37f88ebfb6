// Automation end to end against the store simulator: real webhooks into the real routes, the
// ledger, the evaluation jobs, and Shopify's answer.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { registerJobHandlers } from "~/background.server";
import { prisma } from "~/db.server";
import { getJobQueue, getJobWorker } from "~/jobs/runtime.server";
import { decisionsOf, turnOnAutomation } from "../../../tests/support/automation";
import { ledgerView, simulatorView } from "../../../tests/support/ledger-truth";
import { seedLocations } from "../../../tests/support/seed";
import { installShop, type SimulatorHarness, startSimulator } from "../../../tests/support/simulator";
import { automationDeps, registerAutomation } from "./register.server";
import { reevaluateFixed, reevaluateShop } from "./resume.server";
import { recordUpsellDecision } from "./upsell-decision.server";

let h: SimulatorHarness;
const drain = () => getJobWorker().runUntilIdle();
/** Runs what is due by automation's clock: the jobs it delayed come due as time passes. */
const runAhead = (ms = aheadMs) => getJobWorker().runUntilIdle({ asOf: new Date(Date.now() + ms) });
const submissions = () => h.operations.filter((op) => op === "FulfillmentOrderSubmitFulfillmentRequest").length;

async function shopWithAutomation(shop: string, rules?: Parameters<typeof turnOnAutomation>[1]) {
  await installShop(h.sim, shop);
  const s = seedLocations(h.sim, shop);
  await turnOnAutomation(shop, rules);
  return s;
}

/** A shop with automation on, and one paid order at its 3PL that automation has handled. */
async function requestedAtThirdParty(shop: string) {
  const s = await shopWithAutomation(shop);
  const order = h.sim.createOrder(shop, {
    lineItems: [{ variantId: s.mug.id, quantity: 1 }],
    locationId: s.thirdParty.id,
  });
  await settle();
  return { order, fo: h.sim.fulfillmentOrdersOf(order.id)[0]! };
}

/** A shop with automation paused, and one paid order at its 3PL, left unrequested. */
async function waitingWhilePaused(shop: string) {
  await installShop(h.sim, shop);
  const s = seedLocations(h.sim, shop);
  await turnOnAutomation(shop, undefined, { paused: true });
  const order = h.sim.createOrder(shop, {
    lineItems: [{ variantId: s.mug.id, quantity: 1 }],
    locationId: s.thirdParty.id,
  });
  await settle();
  return { order, fo: h.sim.fulfillmentOrdersOf(order.id)[0]! };
}

/**
 * Leaves a decision as a worker killed mid-submission leaves it: "submitting", holding its
 * order's submission lock since `claimedAt`.
 */
const abandon = (decision: { id: string; shop: string; orderShopifyId: string }, claimedAt: Date) =>
  prisma.automationDecision.update({
    where: { id: decision.id },
    data: {
      status: "submitting",
      activeSubmissionKey: `${decision.shop} ${decision.orderShopifyId}`,
      claimedAt,
      finishedAt: null,
    },
  });

/** A decision's status and whether it holds its order's lock. */
async function lockState(id: string) {
  const row = await prisma.automationDecision.findUniqueOrThrow({ where: { id } });
  return { status: row.status, lock: row.activeSubmissionKey };
}

async function settle() {
  await h.webhooks.flush();
  await drain();
}

/** How far automation's clock runs ahead of the wall clock (time passing, without waiting). */
let aheadMs = 0;
beforeAll(() => {
  registerJobHandlers();
  const queue = getJobQueue();
  registerAutomation(queue, getJobWorker(), automationDeps(queue, { now: () => new Date(Date.now() + aheadMs) }));
});
beforeEach(() => {
  h = startSimulator();
  aheadMs = 0;
});
afterEach(() => h.close());

describe("automatic fulfillment requests", () => {
  it("requests a paid 3PL order once when Shopify routes it", async () => {
    const shop = "auto-created.myshopify.com";
    const s = await shopWithAutomation(shop);
    const order = h.sim.createOrder(shop, {
      lineItems: [{ variantId: s.mug.id, quantity: 2 }],
      locationId: s.thirdParty.id,
    });
    await settle();

    const [fo] = h.sim.fulfillmentOrdersOf(order.id);
    expect(fo!.requestStatus).toBe("SUBMITTED");
    expect(submissions()).toBe(1);
    const decisions = await decisionsOf(shop);
    expect(decisions.map((d) => [d.outcome, d.status, d.ruleId, d.ruleVersion])).toEqual([
      ["request", "succeeded", "ship-all", 1],
    ]);
    // The ledger shows it requested, as automation's doing.
    const row = await prisma.fulfillmentOrder.findFirstOrThrow({ where: { shop }, include: { events: true } });
    expect(row.requestStatus).toBe("SUBMITTED");
    expect(row.events.some((e) => e.source === "automation" && e.actor === "automation:ship-all")).toBe(true);

    // Shopify's answer was recorded, not read again: its fulfillment_request_submitted webhook
    // then finds the ledger already there, and the ledger equals Shopify.
    await settle();
    const afterSubmit = h.operations.slice(h.operations.indexOf("FulfillmentOrderSubmitFulfillmentRequest") + 1);
    expect(afterSubmit).not.toContain("OrderFulfillmentState");
    expect(await ledgerView(shop)).toEqual(simulatorView(h.sim, shop));
    const { fetchOrderSnapshot } = await import("~/fulfillment/refresh-order.server");
    const { shopAdminGraphql } = await import("~/shopify/admin/shop-admin.server");
    const truth = (await fetchOrderSnapshot((await shopAdminGraphql(shop))!, order.id))!;
    const stored = await prisma.fulfillmentOrder.findFirstOrThrow({ where: { shop }, include: { order: true } });
    expect(stored.supportedActions).toEqual(truth.fulfillmentOrders[0]!.supportedActions);
    expect(stored.shopifyUpdatedAt.toISOString()).toBe(new Date(truth.fulfillmentOrders[0]!.updatedAt).toISOString());
    expect(stored.order.displayFulfillmentStatus).toBe(truth.displayFulfillmentStatus);
  });

  it("sends one request however often the webhooks arrive", async () => {
    const shop = "auto-duplicates.myshopify.com";
    const s = await shopWithAutomation(shop);
    h.webhooks.duplicateNext(5);
    h.sim.createOrder(shop, { lineItems: [{ variantId: s.mug.id, quantity: 1 }], locationId: s.thirdParty.id });
    await settle();
    for (const delivery of h.webhooks.deliveries.slice(0, 3)) h.webhooks.redeliver(delivery.webhookId);
    await settle();
    expect(submissions()).toBe(1);
    expect((await decisionsOf(shop)).filter((d) => d.outcome === "request")).toHaveLength(1);
  });

  it("waits for payment, and requests when orders/paid arrives", async () => {
    const shop = "auto-paid.myshopify.com";
    const s = await shopWithAutomation(shop);
    const order = h.sim.createOrder(shop, {
      lineItems: [{ variantId: s.mug.id, quantity: 1 }],
      locationId: s.thirdParty.id,
      financialStatus: "PENDING",
    });
    await settle();
    expect(submissions()).toBe(0);
    expect((await decisionsOf(shop)).map((d) => [d.outcome, d.reason])).toEqual([
      ["wait", expect.stringMatching(/pa(id|yment)/i)],
    ]);
    h.sim.markPaid(order.id);
    await settle();
    expect(h.sim.fulfillmentOrdersOf(order.id)[0]!.requestStatus).toBe("SUBMITTED");
    expect(submissions()).toBe(1);
    expect((await decisionsOf(shop)).map((d) => d.trigger)).toEqual(["created", "order_paid"]);
  });

  it("never requests local pickup automatically", async () => {
    const shop = "auto-pickup.myshopify.com";
    const s = await shopWithAutomation(shop);
    const order = h.sim.createOrder(shop, {
      lineItems: [{ variantId: s.mug.id, quantity: 1 }],
      locationId: s.pickup.id,
      deliveryMethod: "PICK_UP",
    });
    await settle();
    expect(h.sim.fulfillmentOrdersOf(order.id)[0]!.requestStatus).toBe("UNSUBMITTED");
    expect(submissions()).toBe(0);
    const [decision] = await decisionsOf(shop);
    expect(decision).toMatchObject({ outcome: "skip", ruleId: null });
  });

  it("holds a high-risk order instead of requesting it", async () => {
    const shop = "auto-risk.myshopify.com";
    const s = await shopWithAutomation(shop);
    const order = h.sim.createOrder(shop, {
      lineItems: [{ variantId: s.mug.id, quantity: 1 }],
      locationId: s.thirdParty.id,
      riskLevel: "HIGH",
    });
    await settle();
    const [fo] = h.sim.fulfillmentOrdersOf(order.id);
    expect(fo!.requestStatus).toBe("UNSUBMITTED");
    expect(fo!.holds.map((hold) => hold.reason)).toEqual(["HIGH_RISK_OF_FRAUD"]);
    expect(fo!.holds[0]!.handle).toMatch(/^fulfillment-desk-/);
    expect(submissions()).toBe(0);
    expect((await decisionsOf(shop)).map((d) => [d.outcome, d.status])).toContainEqual(["hold", "succeeded"]);
  });

  it("requests only the matching lines of a partial-lines rule; the rest stays unsubmitted", async () => {
    const shop = "auto-partial.myshopify.com";
    const s = await shopWithAutomation(shop, {
      rules: [
        {
          id: "mugs-only",
          name: "Mugs ship at once",
          conditions: [{ type: "line-sku", match: "any", values: ["MUG-1"] }],
          action: { type: "request", scope: "matching-lines" },
        },
      ],
    });
    const order = h.sim.createOrder(shop, {
      lineItems: [
        { variantId: s.mug.id, quantity: 1 },
        { variantId: s.tee.id, quantity: 2 },
      ],
      locationId: s.thirdParty.id,
    });
    await settle();
    const fos = h.sim.fulfillmentOrdersOf(order.id);
    const submitted = fos.filter((fo) => fo.requestStatus === "SUBMITTED");
    const unsubmitted = fos.filter((fo) => fo.requestStatus === "UNSUBMITTED" && fo.status === "OPEN");
    expect(submitted).toHaveLength(1);
    expect(submitted[0]!.lineItems.map((li) => li.totalQuantity)).toEqual([1]);
    expect(unsubmitted).toHaveLength(1);
    expect(unsubmitted[0]!.lineItems.map((li) => li.remainingQuantity)).toEqual([2]);
    expect(submissions()).toBe(1);
  });

  it("gets a missed webhook's request from the reconciliation sweep", async () => {
    const shop = "auto-missed.myshopify.com";
    const s = await shopWithAutomation(shop);
    h.webhooks.dropNext(10);
    const order = h.sim.createOrder(shop, {
      lineItems: [{ variantId: s.mug.id, quantity: 1 }],
      locationId: s.thirdParty.id,
    });
    await settle();
    expect(submissions()).toBe(0);
    const { enqueueReconcile } = await import("~/reconciliation/reconcile-enqueue.server");
    await enqueueReconcile(getJobQueue(), shop, "manual");
    await drain();
    expect(h.sim.fulfillmentOrdersOf(order.id)[0]!.requestStatus).toBe("SUBMITTED");
    expect(submissions()).toBe(1);
    expect((await decisionsOf(shop)).map((d) => d.trigger)).toEqual(["reconcile"]);
  });

  it("pausing loses nothing: on resume each waiting FO is decided on fresh state", async () => {
    const shop = "auto-pause.myshopify.com";
    const { order } = await waitingWhilePaused(shop);
    expect(submissions()).toBe(0);
    await prisma.automationSettings.update({ where: { shop }, data: { paused: false } });
    expect(await reevaluateShop(getJobQueue(), shop, "resumed")).toBe(1);
    await drain();
    expect(h.sim.fulfillmentOrdersOf(order.id)[0]!.requestStatus).toBe("SUBMITTED");
    expect((await decisionsOf(shop)).map((d) => [d.trigger, d.outcome])).toEqual([["resumed", "request"]]);
  });

  it("waits while Shopify holds the order for a post-purchase offer, then ships the upsell in the same request", async () => {
    const shop = "auto-upsell.myshopify.com";
    const s = await shopWithAutomation(shop);
    const order = h.sim.createOrder(shop, {
      lineItems: [{ variantId: s.mug.id, quantity: 1 }],
      locationId: s.thirdParty.id,
      postPurchaseOffer: true,
    });
    await settle();
    expect(submissions()).toBe(0);
    const waiting = await decisionsOf(shop);
    expect(waiting.map((d) => d.outcome)).toEqual(["wait"]);
    expect(waiting[0]!.reason).toMatch(/post-purchase offer/i);

    // The buyer accepts: Shopify adds the tee and lifts its hold.
    h.sim.completePostPurchase(order.id, { addLineItems: [{ variantId: s.tee.id, quantity: 1 }] });
    await settle();
    expect(submissions()).toBe(1);
    // Shopify put the upsell in an FO of its own; automation merged the two before requesting.
    expect(h.operations).toContain("FulfillmentOrderMerge");
    const submitted = h.sim.fulfillmentOrdersOf(order.id).filter((fo) => fo.requestStatus === "SUBMITTED");
    expect(submitted).toHaveLength(1);
    expect(submitted[0]!.lineItems).toHaveLength(2);
  });
});

describe("waiting", () => {
  it("a delayed rule requests when its time comes, from a job that outlives the process", async () => {
    const shop = "auto-delay.myshopify.com";
    const s = await shopWithAutomation(shop, {
      rules: [
        { id: "later", name: "Ship after 15 min", conditions: [], action: { type: "request", delayMinutes: 15 } },
      ],
    });
    const order = h.sim.createOrder(shop, {
      lineItems: [{ variantId: s.mug.id, quantity: 1 }],
      locationId: s.thirdParty.id,
    });
    await settle();
    expect(submissions()).toBe(0);
    const [delayed] = await decisionsOf(shop);
    expect(delayed).toMatchObject({ outcome: "delay", status: "scheduled" });
    const [job] = await getJobQueue().listJobs({ type: "automation.evaluate", statuses: ["queued"] });
    expect(job!.runAt.getTime()).toBe(delayed!.runAt!.getTime());
    expect(job!.runAt.getTime() - Date.parse(order.createdAt)).toBe(15 * 60_000);

    // Fifteen minutes later:
    aheadMs = 15 * 60_000;
    await runAhead();
    expect(h.sim.fulfillmentOrdersOf(order.id)[0]!.requestStatus).toBe("SUBMITTED");
    expect((await decisionsOf(shop)).map((d) => [d.trigger, d.outcome])).toEqual([
      ["created", "delay"],
      ["delay_elapsed", "request"],
    ]);
  });
});

describe("the settle window after an order edit", () => {
  async function acceptedUpsell(shop: string, options: { answerFirst: boolean }) {
    await installShop(h.sim, shop);
    const s = seedLocations(h.sim, shop);
    await turnOnAutomation(shop, undefined, { quietPeriodMinutes: 10 });
    const order = h.sim.createOrder(shop, {
      lineItems: [{ variantId: s.mug.id, quantity: 1 }],
      locationId: s.thirdParty.id,
      postPurchaseOffer: true,
    });
    await settle();
    if (options.answerFirst) await recordUpsellDecision(getJobQueue(), shop, order.id, "accepted");
    h.sim.completePostPurchase(order.id, { addLineItems: [{ variantId: s.tee.id, quantity: 1 }] });
    await settle();
    return order;
  }

  it("waits the quiet period out when the buyer's answer never reached us", async () => {
    const order = await acceptedUpsell("auto-quiet.myshopify.com", { answerFirst: false });
    expect(submissions()).toBe(0);
    const waits = (await decisionsOf("auto-quiet.myshopify.com")).filter((d) => d.outcome === "wait");
    expect(waits.at(-1)).toMatchObject({ status: "scheduled" });
    expect(waits.at(-1)!.reason).toMatch(/quiet|edit/i);

    aheadMs = 10 * 60_000 + 1_000;
    await runAhead();
    expect(submissions()).toBe(1);
    const submitted = h.sim.fulfillmentOrdersOf(order.id).filter((fo) => fo.requestStatus === "SUBMITTED");
    expect(submitted[0]!.lineItems).toHaveLength(2);
  });

  it("ends the wait as soon as Shopify's edit arrives when the buyer's answer came first", async () => {
    const order = await acceptedUpsell("auto-answered.myshopify.com", { answerFirst: true });
    expect(submissions()).toBe(1);
    const submitted = h.sim.fulfillmentOrdersOf(order.id).filter((fo) => fo.requestStatus === "SUBMITTED");
    expect(submitted).toHaveLength(1);
    expect(submitted[0]!.lineItems).toHaveLength(2);
  });
});

describe("holds and fixes", () => {
  it("releases its own hold when the rule's time is up, and never another app's", async () => {
    const shop = "auto-hold-until.myshopify.com";
    const s = await shopWithAutomation(shop, {
      rules: [
        {
          id: "check-address",
          name: "Check addresses of tagged orders",
          conditions: [{ type: "order-tag", match: "any", values: ["check"] }],
          action: { type: "hold", reason: "INCORRECT_ADDRESS", notes: "Call the buyer", releaseAfterMinutes: 30 },
        },
        { id: "ship-all", name: "Ship everything", conditions: [], action: { type: "request" } },
      ],
    });
    const order = h.sim.createOrder(shop, {
      lineItems: [{ variantId: s.mug.id, quantity: 1 }],
      locationId: s.thirdParty.id,
      tags: ["check"],
    });
    await settle();
    const fo = h.sim.fulfillmentOrdersOf(order.id)[0]!;
    expect(fo.holds.map((x) => x.reason)).toEqual(["INCORRECT_ADDRESS"]);
    const [release] = await getJobQueue().listJobs({ type: "automation.release-hold", statuses: ["queued"] });
    expect(release!.runAt.getTime() - Date.now()).toBeGreaterThan(29 * 60_000);

    // Meanwhile a fraud app holds the FO too.
    h.sim.placeHoldAsOtherApp(fo.id, { reason: "HIGH_RISK_OF_FRAUD", appTitle: "Fraud Guard" });
    await settle();
    // Thirty minutes later (the job's time; automation's own clock is not needed for it):
    await h.webhooks.flush();
    await runAhead(30 * 60_000 + 1_000);
    const after = h.sim.getFulfillmentOrder(fo.id);
    expect(after.holds.map((x) => [x.reason, x.heldByApp?.title])).toEqual([["HIGH_RISK_OF_FRAUD", "Fraud Guard"]]);
    expect(h.operations.filter((op) => op === "FulfillmentOrderReleaseHold")).toHaveLength(1);
    const released = (await decisionsOf(shop)).filter((d) => d.outcome === "release_hold");
    expect(released.map((d) => [d.status, d.ruleId])).toEqual([["succeeded", "check-address"]]);

    // Once the fraud app lets go, the hold rule stands aside and the next rule requests the FO.
    const fraudHold = after.holds[0]!;
    await h.sim.graphql(
      shop,
      `mutation { fulfillmentOrderReleaseHold(id: "${fo.id}", holdIds: ["${fraudHold.id}"]) { userErrors { message } } }`,
    );
    await settle();
    expect(h.sim.getFulfillmentOrder(fo.id).requestStatus).toBe("SUBMITTED");
    expect(h.sim.getFulfillmentOrder(fo.id).holds).toHaveLength(0);
  });

  it("requests a rejected FO again only once the merchant says it is fixed", async () => {
    const shop = "auto-fixed.myshopify.com";
    const { fo } = await requestedAtThirdParty(shop);
    h.sim.rejectFulfillmentRequest(fo.id, { reason: "INVENTORY_OUT_OF_STOCK", message: "No mugs" });
    await settle();
    // A rejection is the merchant's to look at: automation does not send it back blind.
    expect(h.sim.getFulfillmentOrder(fo.id).requestStatus).toBe("REJECTED");
    expect(submissions()).toBe(1);

    await reevaluateFixed(getJobQueue(), shop, [fo.id]);
    await drain();
    expect(h.sim.getFulfillmentOrder(fo.id).requestStatus).toBe("SUBMITTED");
    expect(submissions()).toBe(2);
    expect((await decisionsOf(shop)).map((d) => [d.trigger, d.outcome, d.status])).toContainEqual([
      "merchant_fixed",
      "request",
      "succeeded",
    ]);
  });
});

describe("exactly once", () => {
  it("20 concurrent triggers, one of them losing Shopify's answer, submit the FO once", async () => {
    const shop = "auto-race.myshopify.com";
    const s = await shopWithAutomation(shop);
    h.webhooks.dropNext(10);
    const order = h.sim.createOrder(shop, {
      lineItems: [{ variantId: s.mug.id, quantity: 1 }],
      locationId: s.thirdParty.id,
    });
    await settle();
    // The ledger learns of the FO without triggering (a backfill-like write while paused).
    await prisma.automationSettings.update({ where: { shop }, data: { paused: true } });
    const { refreshOrder } = await import("~/fulfillment/refresh-order.server");
    const { shopAdminGraphql } = await import("~/shopify/admin/shop-admin.server");
    await refreshOrder((await shopAdminGraphql(shop))!, shop, order.id, { source: "webhook" });
    await prisma.automationSettings.update({ where: { shop }, data: { paused: false } });

    // Shopify runs the first submission but its answer never reaches us.
    h.loseNextAnswer("FulfillmentOrderSubmitFulfillmentRequest");
    const { AUTOMATION_EVALUATE_JOB } = await import("./jobs");
    const fo = h.sim.fulfillmentOrdersOf(order.id)[0]!;
    const triggers = ["created", "hold_released", "order_paid", "order_edited", "reconcile", "retry"] as const;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        getJobQueue().enqueue(AUTOMATION_EVALUATE_JOB, {
          shop,
          fulfillmentOrderId: fo.id,
          trigger: triggers[i % triggers.length],
        }),
      ),
    );
    await drain();
    // The lost answer's job retries after its backoff: run it now, as a later pass would.
    await runAhead(60 * 60_000);
    expect(submissions()).toBe(1);
    expect(h.sim.fulfillmentOrdersOf(order.id)[0]!.requestStatus).toBe("SUBMITTED");
    expect(h.sim.fulfillmentOrdersOf(order.id)[0]!.merchantRequests).toHaveLength(1);
    const decisions = await decisionsOf(shop);
    expect(decisions.filter((d) => d.status === "succeeded")).toHaveLength(1);
    expect(decisions.filter((d) => d.activeSubmissionKey !== null)).toHaveLength(0);
  });

  it("settles a submission its worker abandoned after Shopify took it, and frees the order's lock", async () => {
    // GIVEN an FO requested automatically
    const shop = "auto-abandoned.myshopify.com";
    const { order, fo } = await requestedAtThirdParty(shop);
    expect(fo.requestStatus).toBe("SUBMITTED");
    // AND its decision left as a worker killed after Shopify took the request leaves it: still
    // "submitting", holding the order's lock
    const [decision] = await decisionsOf(shop);
    const { AUTOMATION_EVALUATE_JOB } = await import("./jobs");
    const evaluate = async () => {
      await getJobQueue().enqueue(AUTOMATION_EVALUATE_JOB, { shop, fulfillmentOrderId: fo.id, trigger: "retry" });
      await drain();
    };
    const state = () => lockState(decision!.id);

    // WHEN the FO is evaluated again while the claim is younger than a job lease (it may be live)
    await abandon(decision!, new Date(Date.now() - 1_000));
    await evaluate();
    // THEN it is left alone
    expect(await state()).toEqual({ status: "submitting", lock: `${shop} ${order.id}` });

    // WHEN it is evaluated again after a job lease
    await abandon(decision!, new Date(Date.now() - 10 * 60_000));
    await evaluate();
    // THEN Shopify's state settles it as sent, the lock is free, and nothing was sent again
    expect(await state()).toEqual({ status: "succeeded", lock: null });
    expect(submissions()).toBe(1);
    expect(h.sim.fulfillmentOrdersOf(order.id)[0]!.merchantRequests).toHaveLength(1);
  });

  it("the reconciliation sweep settles a submission no evaluation met, even while automation is paused", async () => {
    // GIVEN an FO requested automatically, whose decision a worker killed after Shopify took the
    // request left "submitting", holding the order's lock, long ago
    const shop = "auto-sweep-sent.myshopify.com";
    await requestedAtThirdParty(shop);
    const [decision] = await decisionsOf(shop);
    await abandon(decision!, new Date(Date.now() - 10 * 60_000));
    // AND the merchant paused automation before anything evaluated the FO again
    await prisma.automationSettings.update({ where: { shop }, data: { paused: true } });

    // WHEN the reconciliation sweep runs
    const { enqueueReconcile } = await import("~/reconciliation/reconcile-enqueue.server");
    await enqueueReconcile(getJobQueue(), shop, "scheduled");
    await drain();

    // THEN Shopify's state settled it as sent, the lock is free, and nothing was sent again
    expect(await lockState(decision!.id)).toEqual({ status: "succeeded", lock: null });
    expect(submissions()).toBe(1);
  });

  it("the reconciliation sweep finds a submission Shopify never got, and automation then requests the FO once", async () => {
    // GIVEN a paid order at the 3PL, unrequested, whose decision a worker killed before it sent
    // the request left "submitting" long ago, and whose job was never retried (dead-lettered)
    const shop = "auto-sweep-unsent.myshopify.com";
    const { order, fo } = await waitingWhilePaused(shop);
    const abandoned = await prisma.automationDecision.create({
      data: {
        shop,
        decisionKey: `${fo.id}|abandoned`,
        fulfillmentOrderShopifyId: fo.id,
        orderShopifyId: order.id,
        trigger: "created",
        outcome: "request",
        status: "submitting",
        reason: "Requested by the default rule",
        activeSubmissionKey: `${shop} ${order.id}`,
        claimedAt: new Date(Date.now() - 10 * 60_000),
      },
    });
    await prisma.automationSettings.update({ where: { shop }, data: { paused: false } });

    // WHEN the reconciliation sweep runs
    const { enqueueReconcile } = await import("~/reconciliation/reconcile-enqueue.server");
    await enqueueReconcile(getJobQueue(), shop, "scheduled");
    await drain();

    // THEN the abandoned one is settled as never sent, and the FO was requested once
    expect(await lockState(abandoned.id)).toEqual({ status: "not_sent", lock: null });
    expect(h.sim.fulfillmentOrdersOf(order.id)[0]!.requestStatus).toBe("SUBMITTED");
    expect(submissions()).toBe(1);
    expect((await decisionsOf(shop)).filter((d) => d.status === "succeeded").map((d) => d.trigger)).toEqual([
      "reconcile",
    ]);
  });

  it("takes a second look at a claim too young to call abandoned, and settles it once it is", async () => {
    // GIVEN an FO requested automatically, whose decision a worker killed after Shopify took the
    // request left "submitting" a second ago
    const shop = "auto-second-look.myshopify.com";
    const { order, fo } = await requestedAtThirdParty(shop);
    const [decision] = await decisionsOf(shop);
    await abandon(decision!, new Date(Date.now() - 1_000));
    const state = () => lockState(decision!.id);

    // WHEN the dead worker's job is retried at once (before its claim is a job lease old)
    const { AUTOMATION_EVALUATE_JOB } = await import("./jobs");
    await getJobQueue().enqueue(AUTOMATION_EVALUATE_JOB, { shop, fulfillmentOrderId: fo.id, trigger: "retry" });
    await drain();
    // THEN the claim is left alone for now
    expect(await state()).toEqual({ status: "submitting", lock: `${shop} ${order.id}` });

    // WHEN a job lease passes, and nothing else triggers an evaluation of the FO
    aheadMs = automationDeps(getJobQueue()).abandonedAfterMs + 5_000;
    await runAhead();
    // THEN the second look settled it from Shopify's state: sent, the lock free, nothing sent again
    expect(await state()).toEqual({ status: "succeeded", lock: null });
    expect(submissions()).toBe(1);
    expect(h.sim.fulfillmentOrdersOf(order.id)[0]!.merchantRequests).toHaveLength(1);
  });
});
