// Issue 10's parity requirement: the dry run decides what live automation decided, on the same
// seeded history. Live automation runs for real (simulator, webhooks, ledger, evaluation jobs);
// the dry run then replays the ledger that history left behind, with the same saved rules.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { registerJobHandlers } from "~/background.server";
import { getJobWorker } from "~/jobs/runtime.server";
import { decisionsOf, turnOnAutomation } from "../../../tests/support/automation";
import { seedLocations } from "../../../tests/support/seed";
import { installShop, type SimulatorHarness, startSimulator } from "../../../tests/support/simulator";
import { loadAutomationConfig } from "../rule-store.server";
import type { RuleSetInput } from "../rules/rule-set";
import { replayWindow } from "./dry-run.server";

let h: SimulatorHarness;
beforeAll(() => registerJobHandlers());
beforeEach(() => {
  h = startSimulator();
});
afterEach(() => h.close());

const settle = async () => {
  await h.webhooks.flush();
  await getJobWorker().runUntilIdle();
};

const RULES: RuleSetInput = {
  rules: [
    {
      id: "wholesale-hold",
      name: "Hold wholesale orders",
      conditions: [{ type: "order-tag", match: "any", values: ["wholesale"] }],
      action: { type: "hold", reason: "OTHER", notes: "Wholesale: check terms" },
    },
    {
      id: "mugs-first",
      name: "Mugs ship at once",
      conditions: [{ type: "line-sku", match: "any", values: ["MUG-1"] }],
      action: { type: "request", scope: "matching-lines" },
    },
    {
      id: "ship-3pl",
      name: "Ship from the 3PL",
      conditions: [{ type: "delivery-method", in: ["SHIPPING"] }],
      action: { type: "request" },
    },
  ],
};

describe("the dry run and live automation", () => {
  it("decide the same for every FO of the same seeded history", async () => {
    // GIVEN a shop running these rules (automatic quiet period: live and replay both ask for it)
    const shop = "dry-run-parity.myshopify.com";
    await installShop(h.sim, shop);
    const s = seedLocations(h.sim, shop);
    await turnOnAutomation(shop, RULES, { quietPeriodMinutes: null });
    const at3pl = { locationId: s.thirdParty.id };
    const tee = [{ variantId: s.tee.id, quantity: 1 }];

    // WHEN Shopify routes a varied day of orders and automation acts on each, live
    const paid = h.sim.createOrder(shop, { lineItems: tee, ...at3pl });
    const unpaid = h.sim.createOrder(shop, { lineItems: tee, ...at3pl, financialStatus: "PENDING" });
    const pickup = h.sim.createOrder(shop, { lineItems: tee, locationId: s.pickup.id, deliveryMethod: "PICK_UP" });
    const risky = h.sim.createOrder(shop, { lineItems: tee, ...at3pl, riskLevel: "HIGH" });
    const multiLine = h.sim.createOrder(shop, {
      lineItems: [
        { variantId: s.mug.id, quantity: 1 },
        { variantId: s.tee.id, quantity: 2 },
      ],
      ...at3pl,
    });
    const tagged = h.sim.createOrder(shop, { lineItems: tee, ...at3pl, tags: ["Wholesale"] });
    const warehouse = h.sim.createOrder(shop, { lineItems: tee, locationId: s.warehouse.id });
    const upsell = h.sim.createOrder(shop, { lineItems: tee, ...at3pl, postPurchaseOffer: true });
    await settle();
    h.sim.completePostPurchase(upsell.id, { addLineItems: [{ variantId: s.mug.id, quantity: 1 }] });
    await settle();

    // (the history really did move on: requests sent, holds placed, the multi-line FO split)
    const requested = h.sim.fulfillmentOrdersOf(multiLine.id).filter((fo) => fo.requestStatus === "SUBMITTED");
    expect(requested.map((fo) => fo.lineItems.length)).toEqual([1, 1]);
    expect(h.sim.fulfillmentOrdersOf(risky.id)[0]!.holds.map((hold) => hold.reason)).toEqual(["HIGH_RISK_OF_FRAUD"]);
    // the upsell's edit starts the quiet period (automatic: 10 min, the shop runs an offer)
    expect(h.sim.fulfillmentOrdersOf(upsell.id).filter((fo) => fo.requestStatus === "SUBMITTED")).toHaveLength(0);

    // THEN the dry run over the same ledger, with the same saved rules, decides each FO as the
    // live automation first did
    const config = await loadAutomationConfig(shop);
    const window = { from: new Date(Date.now() - 30 * 86_400_000), until: new Date(Date.now() + 60_000) };
    const replayed = new Map<string, { kind: string; ruleId: string | null; lines: string[] | null }>();
    let folded = 0;
    for await (const item of replayWindow(shop, window, { ruleSet: config.ruleSet, version: config.version }, null)) {
      if ("folded" in item) folded += 1;
      else
        replayed.set(item.row.fulfillmentOrderId, {
          kind: item.row.kind,
          ruleId: item.row.ruleId,
          lines: item.row.lines?.map((line) => `${line.id}×${line.quantity}`) ?? null,
        });
    }

    const firstLive = new Map<string, { kind: string; ruleId: string | null; lines: string[] | null }>();
    for (const decision of await decisionsOf(shop)) {
      if (firstLive.has(decision.fulfillmentOrderShopifyId)) continue;
      const intent = decision.mutation ? (decision.mutation as { lines?: { id: string; quantity: number }[] }) : null;
      firstLive.set(decision.fulfillmentOrderShopifyId, {
        kind: decision.outcome,
        ruleId: decision.ruleId,
        lines:
          decision.outcome === "partial_request"
            ? (intent?.lines ?? []).map((line) => `${line.id}×${line.quantity}`)
            : null,
      });
    }

    // What Shopify split off a partly requested FO (the multi-line order's) is part of that FO's
    // replay, not its own. The buyer's upsell arrived in an FO of its own: it is replayed too.
    const byId = (orderId: string) => h.sim.fulfillmentOrdersOf(orderId).sort((a, b) => a.id.localeCompare(b.id));
    const [original, remainder] = byId(multiLine.id);
    const upsellItems = byId(upsell.id)[1]!;
    expect(folded).toBe(1);
    expect(replayed.has(remainder!.id)).toBe(false);
    firstLive.delete(remainder!.id);

    const routed = [
      ...[paid, unpaid, pickup, risky, multiLine, tagged, warehouse, upsell].map((order) => byId(order.id)[0]!.id),
      upsellItems.id,
    ];
    expect([...replayed.keys()].sort()).toEqual([...routed].sort());
    expect(Object.fromEntries(replayed)).toEqual(Object.fromEntries(firstLive));

    // and the decisions are the ones this history calls for
    const kindOf = (orderId: string) => replayed.get(byId(orderId)[0]!.id)!;
    expect(kindOf(paid.id)).toMatchObject({ kind: "request", ruleId: "ship-3pl" });
    expect(kindOf(unpaid.id)).toMatchObject({ kind: "wait", ruleId: "ship-3pl" });
    expect(kindOf(pickup.id)).toMatchObject({ kind: "skip", ruleId: null });
    expect(kindOf(risky.id)).toMatchObject({ kind: "hold", ruleId: null });
    expect(replayed.get(original!.id)).toMatchObject({ kind: "partial_request", ruleId: "mugs-first" });
    expect(replayed.get(original!.id)!.lines).toEqual([`${original!.lineItems[0]!.id}×1`]);
    expect(kindOf(tagged.id)).toMatchObject({ kind: "hold", ruleId: "wholesale-hold" });
    expect(kindOf(warehouse.id)).toMatchObject({ kind: "skip", ruleId: "ship-3pl" });
    expect(kindOf(upsell.id)).toMatchObject({ kind: "wait", ruleId: null });
  });
});
