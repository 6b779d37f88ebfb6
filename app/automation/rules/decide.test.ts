import { describe, expect, it, vi } from "vitest";
import type { DecisionInput, FulfillmentOrderFacts, HoldFacts, LineFacts, OrderFacts } from "../facts";
import { decide } from "./decide";
import type { Decision } from "./decision";
import { type Condition, type RuleSet, RuleSet as RuleSetSchema, type RuleSetInput } from "./rule-set";

const NOW = "2026-11-20T12:00:00.000Z";
const minutesAgo = (m: number) => new Date(Date.parse(NOW) - m * 60_000).toISOString();
const minutesFromNow = (m: number) => new Date(Date.parse(NOW) + m * 60_000).toISOString();
const WAREHOUSE = "gid://shopify/Location/1";
const THREE_PL = "gid://shopify/Location/2";

const line = (n: number, over: Partial<LineFacts> = {}): LineFacts => ({
  id: `gid://shopify/FulfillmentOrderLineItem/${n}`,
  lineItemId: `gid://shopify/LineItem/${n}`,
  sku: `SKU-${n}`,
  productTags: [],
  vendor: "Acme",
  remainingQuantity: 1,
  ...over,
});

const hold = (over: Partial<HoldFacts> = {}): HoldFacts => ({
  id: "gid://shopify/FulfillmentHold/1",
  reason: "OTHER",
  handle: null,
  heldByRequestingApp: false,
  since: minutesAgo(4),
  ...over,
});

interface Over {
  fo?: Partial<FulfillmentOrderFacts>;
  order?: Partial<OrderFacts>;
  quiet?: number;
  allowResubmit?: boolean;
  releasedHoldRuleIds?: (string | null)[];
}

/** A paid, open, unsubmitted FO at a 3PL with two lines, placed an hour ago. */
const input = ({ fo, order, quiet = 0, allowResubmit, releasedHoldRuleIds }: Over = {}): DecisionInput => ({
  fulfillmentOrder: {
    id: "gid://shopify/FulfillmentOrder/1",
    status: "OPEN",
    requestStatus: "UNSUBMITTED",
    deliveryMethod: "SHIPPING",
    locationId: THREE_PL,
    locationName: "ShipFast 3PL",
    thirdParty: true,
    destinationCountryCode: "CA",
    destinationProvinceCode: "ON",
    holds: [],
    supportedActions: ["REQUEST_FULFILLMENT", "HOLD", "MOVE"],
    lines: [line(1), line(2, { remainingQuantity: 3 })],
    updatedAt: minutesAgo(59),
    openedAt: minutesAgo(59),
    ...fo,
  },
  order: {
    id: "gid://shopify/Order/1",
    name: "#1001",
    tags: [],
    financialStatus: "PAID",
    riskLevel: "LOW",
    totalAmount: 100,
    placedAt: minutesAgo(60),
    cancelledAt: null,
    lastEditedAt: null,
    upsellDecision: null,
    upsellDecidedAt: null,
    ...order,
  },
  shop: { quietPeriodMinutes: quiet },
  now: NOW,
  ...(allowResubmit === undefined ? {} : { allowResubmit }),
  ...(releasedHoldRuleIds === undefined ? {} : { releasedHoldRuleIds }),
});

const rules = (raw: RuleSetInput): RuleSet => RuleSetSchema.parse(raw);
/** One enabled rule "r1" with these conditions and a whole request (or the given action). */
const oneRule = (
  conditions: Condition[] | RuleSetInput["rules"][number]["conditions"],
  action: object = { type: "request" },
) => rules({ rules: [{ id: "r1", name: "Rule one", conditions, action: action as never }] });
const REQUEST_ALL = oneRule([]);
const byRule = { id: "r1", name: "Rule one", version: 7 };

describe("decide: before any rule", () => {
  it.each<[string, Over, string]>([
    ["a submitted request", { fo: { requestStatus: "SUBMITTED" } }, "Already requested"],
    ["an accepted request", { fo: { requestStatus: "ACCEPTED" } }, "Already requested"],
    ["a cancellation in flight", { fo: { requestStatus: "CANCELLATION_REQUESTED" } }, "Already requested"],
    ["a withdrawn request", { fo: { requestStatus: "CANCELLATION_ACCEPTED" } }, "The request was cancelled"],
    ["a rejected request", { fo: { requestStatus: "REJECTED" } }, "Rejected by the fulfillment service"],
    ["an FO the 3PL closed", { fo: { status: "INCOMPLETE", requestStatus: "CLOSED" } }, "Closed as incomplete"],
    ["a closed FO", { fo: { status: "CLOSED" } }, "Closed"],
    ["a cancelled FO", { fo: { status: "CANCELLED" } }, "Fulfillment order cancelled"],
    ["a scheduled FO", { fo: { status: "SCHEDULED" } }, "Scheduled"],
    ["an FO in progress", { fo: { status: "IN_PROGRESS" } }, "Already in progress"],
    ["a status newer than this code", { fo: { status: "SOMETHING_NEW" } }, "Not open (SOMETHING_NEW)"],
    ["a cancelled order", { order: { cancelledAt: minutesAgo(1) } }, "Order cancelled"],
  ])("skips %s with its reason", (_, over, reason) => {
    const decision = decide(input(over), REQUEST_ALL, 7);
    expect(decision).toMatchObject({ kind: "skip", rule: null });
    expect(decision.reason).toContain(reason);
  });

  it.each<[string, Over]>([
    ["a rejected request", { fo: { requestStatus: "REJECTED" }, allowResubmit: true }],
    ["an FO closed as incomplete", { fo: { status: "INCOMPLETE", requestStatus: "CLOSED" }, allowResubmit: true }],
  ])("decides %s normally when the merchant resubmits it", (_, over) => {
    expect(decide(input(over), REQUEST_ALL, 7)).toMatchObject({ kind: "request", rule: byRule });
  });

  it("still skips a live request when resubmitting (never a double request)", () => {
    expect(decide(input({ fo: { requestStatus: "SUBMITTED" }, allowResubmit: true }), REQUEST_ALL, 7).kind).toBe(
      "skip",
    );
  });

  it("never requests local pickup, even when a rule names pickup", () => {
    const pickupRule = oneRule([{ type: "delivery-method", in: ["PICK_UP"] }]);
    const decision = decide(input({ fo: { deliveryMethod: "PICK_UP" } }), pickupRule, 7);
    expect(decision).toEqual({ kind: "skip", rule: null, reason: "Local pickup is never automatic" });
  });

  it("waits for Shopify's post-purchase hold and says how long it has been on", () => {
    const held = input({
      fo: { status: "ON_HOLD", holds: [hold({ reason: "ONLINE_STORE_POST_PURCHASE_CROSS_SELL" })] },
    });
    expect(decide(held, REQUEST_ALL, 7)).toEqual({
      kind: "wait",
      rule: null,
      waitingFor: "post_purchase_offer",
      until: null,
      reason: "Waiting: post-purchase offer open (hold placed 4 min ago)",
    });
  });

  it("waits for the post-purchase hold before any other hold", () => {
    const holds = [
      hold(),
      hold({ id: "gid://shopify/FulfillmentHold/2", reason: "ONLINE_STORE_POST_PURCHASE_CROSS_SELL", since: null }),
    ];
    const decision = decide(input({ fo: { status: "ON_HOLD", holds } }), REQUEST_ALL, 7);
    expect(decision).toMatchObject({ waitingFor: "post_purchase_offer", reason: "Waiting: post-purchase offer open" });
  });

  it("waits for another app's hold, naming the reason and the app", () => {
    const held = input({
      fo: { status: "ON_HOLD", holds: [hold({ reason: "INCORRECT_ADDRESS", heldByAppTitle: "Address Checker" })] },
    });
    expect(decide(held, REQUEST_ALL, 7)).toEqual({
      kind: "wait",
      rule: null,
      waitingFor: "hold",
      until: null,
      reason: "Waiting: on hold (Incorrect address) by Address Checker",
    });
  });

  it("waits for our own hold without naming an app", () => {
    const held = input({
      fo: { status: "ON_HOLD", holds: [hold({ heldByRequestingApp: true, heldByAppTitle: "Fulfillment Desk" })] },
    });
    expect(decide(held, REQUEST_ALL, 7).reason).toBe("Waiting: on hold (Other)");
  });

  it("releases our own holds whose hold-until time has come, never another app's", () => {
    const holds = [
      hold({ id: "gid://shopify/FulfillmentHold/1", heldByRequestingApp: true, releaseAt: NOW }),
      hold({ id: "gid://shopify/FulfillmentHold/2", heldByRequestingApp: false, releaseAt: minutesAgo(5) }),
      hold({ id: "gid://shopify/FulfillmentHold/3", heldByRequestingApp: true, releaseAt: minutesFromNow(5) }),
      hold({ id: "gid://shopify/FulfillmentHold/4", reason: "ONLINE_STORE_POST_PURCHASE_CROSS_SELL" }),
    ];
    expect(decide(input({ fo: { status: "ON_HOLD", holds } }), REQUEST_ALL, 7)).toEqual({
      kind: "release_hold",
      rule: null,
      holdIds: ["gid://shopify/FulfillmentHold/1"],
      reason: "Hold-until time reached: releasing this app's hold",
    });
  });

  it("waits for our own hold-until time, and says when to look again", () => {
    const holds = [
      hold({ id: "gid://shopify/FulfillmentHold/1", heldByRequestingApp: true, releaseAt: minutesFromNow(30) }),
      hold({ id: "gid://shopify/FulfillmentHold/2", heldByRequestingApp: true, releaseAt: minutesFromNow(5) }),
    ];
    expect(decide(input({ fo: { status: "ON_HOLD", holds } }), REQUEST_ALL, 7)).toMatchObject({
      kind: "wait",
      waitingFor: "hold",
      until: minutesFromNow(5),
    });
  });

  it("sets no time while another app's hold or an open-ended hold of ours remains", () => {
    const ours = hold({
      id: "gid://shopify/FulfillmentHold/1",
      heldByRequestingApp: true,
      releaseAt: minutesFromNow(5),
    });
    const theirs = hold({ id: "gid://shopify/FulfillmentHold/2", releaseAt: minutesFromNow(1) });
    const openEnded = hold({ id: "gid://shopify/FulfillmentHold/3", heldByRequestingApp: true });
    for (const holds of [
      [ours, theirs],
      [ours, openEnded],
    ]) {
      expect(decide(input({ fo: { status: "ON_HOLD", holds } }), REQUEST_ALL, 7)).toMatchObject({
        kind: "wait",
        until: null,
      });
    }
  });

  it("waits on an ON_HOLD FO whose hold the ledger has not seen yet", () => {
    expect(decide(input({ fo: { status: "ON_HOLD" } }), REQUEST_ALL, 7)).toMatchObject({
      kind: "wait",
      waitingFor: "hold",
    });
  });

  it("holds a high-risk order for fraud review before any rule", () => {
    expect(decide(input({ order: { riskLevel: "HIGH" } }), REQUEST_ALL, 7)).toEqual({
      kind: "hold",
      rule: null,
      holdReason: "HIGH_RISK_OF_FRAUD",
      notes: null,
      releaseAt: null,
      reason: "High risk of fraud: held for review",
    });
  });

  it("lets the rules decide a high-risk order once its fraud hold was released (no hold loop)", () => {
    expect(decide(input({ order: { riskLevel: "HIGH" }, releasedHoldRuleIds: [null] }), REQUEST_ALL, 7).kind).toBe(
      "request",
    );
  });

  it("lets the rules decide a high-risk order when the default hold is off", () => {
    const ruleSet = rules({
      rules: [{ id: "r1", name: "Rule one", conditions: [], action: { type: "request" } }],
      defaults: { holdHighRisk: false },
    });
    expect(decide(input({ order: { riskLevel: "HIGH" } }), ruleSet, 7).kind).toBe("request");
  });

  it("skips when no rule matches, and with no rules at all", () => {
    const onlyUs = oneRule([{ type: "destination", countries: ["US"] }]);
    expect(decide(input(), onlyUs, 7)).toEqual({ kind: "skip", rule: null, reason: "No rule matched" });
    expect(decide(input(), rules({ rules: [] }), 7)).toEqual({ kind: "skip", rule: null, reason: "No rule matched" });
  });
});

describe("decide: conditions", () => {
  const matches = (conditions: Condition[], over: Over = {}) =>
    decide(input(over), oneRule(conditions), 7).kind !== "skip";

  it.each<[string, Condition[], Over, boolean]>([
    ["delivery method in the list", [{ type: "delivery-method", in: ["SHIPPING", "LOCAL"] }], {}, true],
    ["delivery method not in the list", [{ type: "delivery-method", in: ["LOCAL"] }], {}, false],
    [
      "delivery method unknown",
      [{ type: "delivery-method", in: ["SHIPPING"] }],
      { fo: { deliveryMethod: null } },
      false,
    ],
    ["location in the list", [{ type: "location", in: [THREE_PL] }], {}, true],
    ["location not in the list", [{ type: "location", in: [WAREHOUSE] }], {}, false],
    ["destination country", [{ type: "destination", countries: ["CA"], regions: [] }], {}, true],
    ["destination country and region", [{ type: "destination", countries: ["CA"], regions: ["CA-ON"] }], {}, true],
    ["destination region elsewhere", [{ type: "destination", countries: ["CA"], regions: ["CA-QC"] }], {}, false],
    ["destination other country", [{ type: "destination", countries: ["US"], regions: [] }], {}, false],
    [
      "destination region without a province",
      [{ type: "destination", countries: ["CA"], regions: ["CA-ON"] }],
      { fo: { destinationProvinceCode: null } },
      false,
    ],
    ["financial status in the list", [{ type: "financial-status", in: ["PAID"] }], {}, true],
    ["financial status not in the list", [{ type: "financial-status", in: ["PARTIALLY_REFUNDED"] }], {}, false],
    ["risk level in the list", [{ type: "risk-level", in: ["LOW", "MEDIUM"] }], {}, true],
    ["risk level not in the list", [{ type: "risk-level", in: ["NONE"] }], {}, false],
    [
      "order tag any (case-insensitive)",
      [{ type: "order-tag", match: "any", values: ["vip"] }],
      { order: { tags: ["VIP "] } },
      true,
    ],
    ["order tag any, untagged", [{ type: "order-tag", match: "any", values: ["vip"] }], {}, false],
    ["order tag none, untagged", [{ type: "order-tag", match: "none", values: ["vip"] }], {}, true],
    [
      "order tag none, tagged",
      [{ type: "order-tag", match: "none", values: ["VIP"] }],
      { order: { tags: ["vip"] } },
      false,
    ],
    ["order total at the minimum (inclusive)", [{ type: "order-total", min: 100, max: null }], {}, true],
    ["order total at the maximum (inclusive)", [{ type: "order-total", min: null, max: 100 }], {}, true],
    ["order total below the minimum", [{ type: "order-total", min: 100.01, max: null }], {}, false],
    ["order total unknown", [{ type: "order-total", min: 0, max: null }], { order: { totalAmount: null } }, false],
    ["order age at the minimum (inclusive)", [{ type: "order-age", minMinutes: 60, maxMinutes: null }], {}, true],
    ["order age at the maximum (inclusive)", [{ type: "order-age", minMinutes: null, maxMinutes: 60 }], {}, true],
    ["order age too young", [{ type: "order-age", minMinutes: 61, maxMinutes: null }], {}, false],
    ["order age too old", [{ type: "order-age", minMinutes: null, maxMinutes: 59 }], {}, false],
  ])("%s → matches: %s", (_, conditions, over, expected) => {
    expect(matches(conditions, over)).toBe(expected);
  });

  const mixed: Partial<FulfillmentOrderFacts> = {
    lines: [
      line(1, { sku: " MUG-1 ", productTags: ["Fragile"], vendor: "Acme" }),
      line(2, { sku: "TEE-1", productTags: ["apparel"], vendor: "Tee Co" }),
      // Nothing left of this line: it counts for neither "any" nor "all".
      line(3, { sku: "GONE", productTags: ["fragile"], vendor: "Other", remainingQuantity: 0 }),
    ],
  };
  const fragileOnly: Partial<FulfillmentOrderFacts> = {
    lines: [line(1, { productTags: ["FRAGILE"] }), line(2, { productTags: ["fragile", "x"] })],
  };

  it.each<[string, Condition, Partial<FulfillmentOrderFacts>, boolean]>([
    ["SKU any, one line has it (trimmed)", { type: "line-sku", match: "any", values: ["MUG-1"] }, mixed, true],
    ["SKU any is case-sensitive", { type: "line-sku", match: "any", values: ["mug-1"] }, mixed, false],
    ["SKU all, one line lacks it", { type: "line-sku", match: "all", values: ["MUG-1"] }, mixed, false],
    [
      "SKU all, every remaining line in the set",
      { type: "line-sku", match: "all", values: ["MUG-1", "TEE-1"] },
      mixed,
      true,
    ],
    [
      "SKU any, only a line with nothing left has it",
      { type: "line-sku", match: "any", values: ["GONE"] },
      mixed,
      false,
    ],
    ["tag any (case-insensitive)", { type: "line-product-tag", match: "any", values: ["fragile"] }, mixed, true],
    ["tag all, one line lacks it", { type: "line-product-tag", match: "all", values: ["fragile"] }, mixed, false],
    ["tag all, every line has it", { type: "line-product-tag", match: "all", values: ["Fragile"] }, fragileOnly, true],
    ["vendor any (case-insensitive)", { type: "line-vendor", match: "any", values: ["tee co"] }, mixed, true],
    ["vendor all, one line elsewhere", { type: "line-vendor", match: "all", values: ["acme"] }, mixed, false],
    ["vendor all, every line", { type: "line-vendor", match: "all", values: ["ACME", "tee co"] }, mixed, true],
    [
      "SKU all on an FO with nothing left",
      { type: "line-sku", match: "all", values: ["GONE"] },
      { lines: [line(3, { sku: "GONE", remainingQuantity: 0 })] },
      false,
    ],
  ])("line %s → matches: %s", (_, condition, fo, expected) => {
    expect(matches([condition], { fo })).toBe(expected);
  });

  it("needs every condition of a rule to hold", () => {
    const both: Condition[] = [
      { type: "destination", countries: ["CA"], regions: [] },
      { type: "order-tag", match: "any", values: ["vip"] },
    ];
    expect(matches(both)).toBe(false);
    expect(matches(both, { order: { tags: ["vip"] } })).toBe(true);
  });
});

describe("decide: rule order and actions", () => {
  it("takes the first matching rule and skips disabled ones", () => {
    const ruleSet = rules({
      rules: [
        { id: "off", name: "Disabled", enabled: false, conditions: [], action: { type: "skip" } },
        {
          id: "us",
          name: "US only",
          conditions: [{ type: "destination", countries: ["US"] }],
          action: { type: "skip" },
        },
        {
          id: "ca",
          name: "Canada",
          conditions: [{ type: "destination", countries: ["CA"] }],
          action: { type: "request" },
        },
        { id: "all", name: "Everything", conditions: [], action: { type: "skip" } },
      ],
    });
    expect(decide(input(), ruleSet, 3)).toEqual({
      kind: "request",
      rule: { id: "ca", name: "Canada", version: 3 },
      message: null,
      reason: 'Requested by rule "Canada"',
    });
  });

  it("skips with the rule that said skip", () => {
    expect(decide(input(), oneRule([], { type: "skip" }), 7)).toEqual({
      kind: "skip",
      rule: byRule,
      reason: 'Skipped by rule "Rule one"',
    });
  });

  it("holds with the rule's reason and notes, releasing after the set minutes", () => {
    const action = {
      type: "hold",
      reason: "INVENTORY_OUT_OF_STOCK",
      notes: "Wait for the restock",
      releaseAfterMinutes: 90,
    };
    expect(decide(input(), oneRule([], action), 7)).toEqual({
      kind: "hold",
      rule: byRule,
      holdReason: "INVENTORY_OUT_OF_STOCK",
      notes: "Wait for the restock",
      releaseAt: minutesFromNow(90),
      reason: 'Held by rule "Rule one"',
    });
  });

  it("moves on to the rules below once a rule's hold was released (no hold loop)", () => {
    const ruleSet = rules({
      rules: [
        {
          id: "wait-2h",
          name: "Hold two hours",
          conditions: [],
          action: { type: "hold", reason: "OTHER", releaseAfterMinutes: 120 },
        },
        { id: "send", name: "Send", conditions: [], action: { type: "request" } },
      ],
    });
    expect(decide(input(), ruleSet, 7).kind).toBe("hold");
    expect(decide(input({ releasedHoldRuleIds: ["wait-2h"] }), ruleSet, 7)).toMatchObject({
      kind: "request",
      rule: { id: "send" },
    });
  });

  it("holds without a release time when the rule sets none", () => {
    expect(decide(input(), oneRule([], { type: "hold", reason: "OTHER" }), 7)).toMatchObject({
      kind: "hold",
      releaseAt: null,
    });
  });

  it("passes the rule's message on with the request", () => {
    expect(decide(input(), oneRule([], { type: "request", message: "Gift wrap" }), 7)).toMatchObject({
      kind: "request",
      message: "Gift wrap",
    });
  });
});

describe("decide: request defaults", () => {
  it.each(["PENDING", "AUTHORIZED", "PARTIALLY_PAID", "REFUNDED", "VOIDED", "EXPIRED", null])(
    "waits for payment while the order is %s",
    (financialStatus) => {
      expect(decide(input({ order: { financialStatus } }), REQUEST_ALL, 7)).toMatchObject({
        kind: "wait",
        rule: byRule,
        waitingFor: "payment",
        until: null,
      });
    },
  );

  it("counts a partially refunded order as paid", () => {
    expect(decide(input({ order: { financialStatus: "PARTIALLY_REFUNDED" } }), REQUEST_ALL, 7).kind).toBe("request");
  });

  it("requests an unpaid order when the rule allows it", () => {
    const ruleSet = oneRule([], { type: "request", allowUnpaid: true });
    expect(decide(input({ order: { financialStatus: "PENDING" } }), ruleSet, 7).kind).toBe("request");
  });

  it("delays until the rule's minutes after the order was placed", () => {
    const ruleSet = oneRule([], { type: "request", delayMinutes: 90 });
    expect(decide(input(), ruleSet, 7)).toEqual({
      kind: "delay",
      rule: byRule,
      until: minutesFromNow(30),
      reason: 'Delayed by rule "Rule one": requests in 30 min',
    });
  });

  it("requests once the delay has passed (the boundary included)", () => {
    expect(decide(input(), oneRule([], { type: "request", delayMinutes: 60 }), 7).kind).toBe("request");
  });

  it("skips an FO that is not at a fulfillment service, naming the location", () => {
    const own = input({ fo: { thirdParty: false, locationName: "Warehouse", locationId: WAREHOUSE } });
    expect(decide(own, REQUEST_ALL, 7)).toEqual({
      kind: "skip",
      rule: byRule,
      reason: "Warehouse is not a fulfillment service: only a 3PL's FOs can be requested",
    });
  });

  it("skips when Shopify does not offer REQUEST_FULFILLMENT", () => {
    const decision = decide(input({ fo: { supportedActions: ["HOLD"] } }), REQUEST_ALL, 7);
    expect(decision).toMatchObject({ kind: "skip", rule: byRule });
    expect(decision.reason).toContain("REQUEST_FULFILLMENT");
  });

  it("requests the in-stock lines and leaves pre-order lines (by tag, case-insensitive)", () => {
    const fo = {
      lines: [
        line(1),
        line(2, { remainingQuantity: 3, productTags: ["Pre-Order"] }),
        line(3, { remainingQuantity: 2 }),
      ],
    };
    expect(decide(input({ fo }), REQUEST_ALL, 7)).toEqual({
      kind: "partial_request",
      rule: byRule,
      lines: [
        { id: "gid://shopify/FulfillmentOrderLineItem/1", quantity: 1 },
        { id: "gid://shopify/FulfillmentOrderLineItem/3", quantity: 2 },
      ],
      message: null,
      reason: 'Requested 2 of 3 lines by rule "Rule one"',
    });
  });

  it("skips an FO of pre-order lines only", () => {
    const fo = { lines: [line(1, { productTags: ["pre-order"] })] };
    expect(decide(input({ fo }), REQUEST_ALL, 7)).toEqual({
      kind: "skip",
      rule: byRule,
      reason: "Only pre-order lines",
    });
  });

  it("requests pre-order lines when the shop turned the default off", () => {
    const ruleSet = rules({
      rules: [{ id: "r1", name: "Rule one", conditions: [], action: { type: "request" } }],
      defaults: { preOrderTag: null },
    });
    const fo = { lines: [line(1, { productTags: ["pre-order"] })] };
    expect(decide(input({ fo }), ruleSet, 7).kind).toBe("request");
  });

  it("requests the whole FO when the only other line has nothing left", () => {
    const fo = { lines: [line(1), line(2, { remainingQuantity: 0, productTags: ["pre-order"] })] };
    expect(decide(input({ fo }), REQUEST_ALL, 7).kind).toBe("request");
  });

  it("skips an FO with nothing left to request", () => {
    const fo = { lines: [line(1, { remainingQuantity: 0 })] };
    expect(decide(input({ fo }), REQUEST_ALL, 7)).toEqual({
      kind: "skip",
      rule: byRule,
      reason: "Nothing left to request",
    });
  });
});

describe("decide: matching-lines requests", () => {
  const fo = {
    lines: [
      line(1, { sku: "MUG-1", vendor: "Acme", remainingQuantity: 2 }),
      line(2, { sku: "TEE-1", vendor: "Acme" }),
      line(3, { sku: "MUG-2", vendor: "Other", remainingQuantity: 4 }),
    ],
  };
  const matchingLines = (conditions: Condition[]) => oneRule(conditions, { type: "request", scope: "matching-lines" });

  it("requests only the lines every line condition matches; the rest stays unsubmitted", () => {
    const ruleSet = matchingLines([
      { type: "line-sku", match: "any", values: ["MUG-1", "MUG-2"] },
      { type: "line-vendor", match: "any", values: ["acme"] },
    ]);
    expect(decide(input({ fo }), ruleSet, 7)).toMatchObject({
      kind: "partial_request",
      lines: [{ id: "gid://shopify/FulfillmentOrderLineItem/1", quantity: 2 }],
    });
  });

  it("reads an 'all' line condition per line: the line matches the value set", () => {
    const ruleSet = matchingLines([{ type: "line-vendor", match: "all", values: ["Acme", "Other"] }]);
    expect(decide(input({ fo }), ruleSet, 7).kind).toBe("request");
  });

  it("requests the whole FO when every line matches", () => {
    const ruleSet = matchingLines([{ type: "line-sku", match: "any", values: ["MUG-1", "TEE-1", "MUG-2"] }]);
    expect(decide(input({ fo }), ruleSet, 7).kind).toBe("request");
  });

  it("keeps pre-order lines out of a matching-lines request", () => {
    const withPreOrder = { lines: [...fo.lines.slice(0, 2), line(3, { sku: "MUG-2", productTags: ["pre-order"] })] };
    const ruleSet = matchingLines([{ type: "line-sku", match: "any", values: ["MUG-1", "MUG-2"] }]);
    expect(decide(input({ fo: withPreOrder }), ruleSet, 7)).toMatchObject({
      kind: "partial_request",
      lines: [{ id: "gid://shopify/FulfillmentOrderLineItem/1", quantity: 2 }],
    });
  });

  it("skips when the matching lines are all pre-orders", () => {
    const preOrders = { lines: [line(1, { sku: "MUG-1", productTags: ["pre-order"] }), line(2)] };
    const ruleSet = matchingLines([{ type: "line-sku", match: "any", values: ["MUG-1"] }]);
    expect(decide(input({ fo: preOrders }), ruleSet, 7)).toEqual({
      kind: "skip",
      rule: byRule,
      reason: "No matching lines",
    });
  });
});

describe("decide: the settle window", () => {
  it("waits out the quiet period after an edit", () => {
    expect(decide(input({ quiet: 10, order: { lastEditedAt: minutesAgo(3) } }), REQUEST_ALL, 7)).toEqual({
      kind: "wait",
      rule: byRule,
      waitingFor: "quiet_period",
      until: minutesFromNow(7),
      reason: "Waiting: order edited 3 min ago (settles in 7 min)",
    });
  });

  it("requests once the quiet period has passed (the boundary included)", () => {
    expect(decide(input({ quiet: 10, order: { lastEditedAt: minutesAgo(10) } }), REQUEST_ALL, 7).kind).toBe("request");
  });

  it("never waits with a quiet period of 0", () => {
    expect(decide(input({ quiet: 0, order: { lastEditedAt: NOW } }), REQUEST_ALL, 7).kind).toBe("request");
  });

  it("never waits on an order that was never edited", () => {
    expect(decide(input({ quiet: 10 }), REQUEST_ALL, 7).kind).toBe("request");
  });

  it("ends the wait at once when the buyer declined the offer", () => {
    const declined = {
      lastEditedAt: minutesAgo(1),
      upsellDecision: "declined" as const,
      upsellDecidedAt: minutesAgo(1),
    };
    expect(decide(input({ quiet: 10, order: declined }), REQUEST_ALL, 7).kind).toBe("request");
  });

  it("ends the wait as soon as Shopify's edit for an accepted offer has arrived", () => {
    const accepted = {
      lastEditedAt: minutesAgo(1),
      upsellDecision: "accepted" as const,
      upsellDecidedAt: minutesAgo(2),
    };
    expect(decide(input({ quiet: 10, order: accepted }), REQUEST_ALL, 7).kind).toBe("request");
  });

  it("waits for the edit of an accepted offer, at most a quiet period after the answer", () => {
    const accepted = { lastEditedAt: null, upsellDecision: "accepted" as const, upsellDecidedAt: minutesAgo(2) };
    expect(decide(input({ quiet: 10, order: accepted }), REQUEST_ALL, 7)).toMatchObject({
      kind: "wait",
      rule: byRule,
      waitingFor: "upsell_edit",
      until: minutesFromNow(8),
    });
  });

  it("treats an edit older than the answer as not yet the upsell's edit", () => {
    const accepted = {
      lastEditedAt: minutesAgo(5),
      upsellDecision: "accepted" as const,
      upsellDecidedAt: minutesAgo(2),
    };
    expect(decide(input({ quiet: 10, order: accepted }), REQUEST_ALL, 7)).toMatchObject({ waitingFor: "upsell_edit" });
  });

  it("requests at once when the ledger's first sight of the order already holds the accepted upsell's line", () => {
    const accepted = {
      lastEditedAt: null,
      upsellDecision: "accepted" as const,
      upsellDecidedAt: minutesAgo(2),
      upsellLineArrived: true,
    };
    expect(decide(input({ quiet: 10, order: accepted }), REQUEST_ALL, 7).kind).toBe("request");
  });

  it("requests after the fallback when the accepted offer's edit never arrives", () => {
    const accepted = { lastEditedAt: null, upsellDecision: "accepted" as const, upsellDecidedAt: minutesAgo(10) };
    expect(decide(input({ quiet: 10, order: accepted }), REQUEST_ALL, 7).kind).toBe("request");
  });

  it("checks payment before the settle window", () => {
    const unpaidAndEdited = input({ quiet: 10, order: { financialStatus: "PENDING", lastEditedAt: minutesAgo(1) } });
    expect(decide(unpaidAndEdited, REQUEST_ALL, 7)).toMatchObject({ kind: "wait", waitingFor: "payment" });
  });
});

describe("decide: determinism", () => {
  it("gives the same decision for the same input, whatever the wall clock", () => {
    const ruleSet = oneRule([{ type: "order-age", minMinutes: 30, maxMinutes: null }], {
      type: "request",
      delayMinutes: 90,
    });
    const decisions: Decision[] = [];
    try {
      for (const wallClock of ["2020-01-01T00:00:00Z", "2030-01-01T00:00:00Z"]) {
        vi.useFakeTimers({ now: new Date(wallClock) });
        decisions.push(decide(input(), ruleSet, 7));
      }
    } finally {
      vi.useRealTimers();
    }
    expect(decisions[0]).toEqual(decisions[1]);
    expect(decisions[0]).toMatchObject({ kind: "delay", until: minutesFromNow(30) });
  });
});
