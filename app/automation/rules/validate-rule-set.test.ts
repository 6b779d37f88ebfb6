import { describe, expect, it } from "vitest";
import type { RuleSetInput } from "./rule-set";
import { validateRuleSet } from "./validate-rule-set";

type RuleInput = RuleSetInput["rules"][number];

const rule = (over: Partial<RuleInput> = {}): RuleInput => ({
  id: "r1",
  name: "Rule one",
  conditions: [{ type: "destination", countries: ["CA"] }],
  action: { type: "request" },
  ...over,
});

const errorsOf = (raw: unknown) => {
  const result = validateRuleSet(raw);
  return result.ok ? [] : result.errors;
};
/** The only error a one-rule set gets. */
const onlyError = (over: Partial<RuleInput>, defaults?: RuleSetInput["defaults"]) =>
  errorsOf({ rules: [rule(over)], ...(defaults ? { defaults } : {}) });

describe("validateRuleSet", () => {
  it("accepts a sensible rule set and fills in the defaults", () => {
    const result = validateRuleSet({
      rules: [
        rule({
          id: "fragile",
          name: "Fragile by hand",
          conditions: [{ type: "line-product-tag", match: "any", values: ["fragile"] }],
          action: { type: "skip" },
        }),
        rule({
          id: "ca-mugs",
          name: "Canadian mugs",
          conditions: [
            { type: "destination", countries: ["CA", "US"], regions: ["CA-ON", "US-NY"] },
            { type: "line-sku", match: "any", values: ["MUG-1"] },
            { type: "financial-status", in: ["PAID", "PENDING"] },
            { type: "order-total", min: 10, max: 10 },
            { type: "order-tag", match: "any", values: ["vip"] },
            { type: "order-tag", match: "none", values: ["hold-me"] },
          ],
          action: { type: "request", scope: "matching-lines", delayMinutes: 5 },
        }),
        rule({ id: "rest", name: "Everything else", conditions: [], action: { type: "request" } }),
      ],
    });
    expect(result).toMatchObject({
      ok: true,
      ruleSet: { defaults: { preOrderTag: "pre-order", holdHighRisk: true }, rules: [{ enabled: true }, {}, {}] },
    });
  });

  it("answers a bad shape with zod's field errors", () => {
    const errors = errorsOf({
      rules: [{ id: "Not An Id", name: "", conditions: [{ type: "moon-phase" }], action: { type: "request" } }],
    });
    expect(errors.map((e) => e.field)).toEqual(
      expect.arrayContaining(["rules.0.id", "rules.0.name", "rules.0.conditions.0.type"]),
    );
  });

  it.each([null, "rules", 42, { rules: "all" }])("refuses %j as a whole", (raw) => {
    expect(validateRuleSet(raw).ok).toBe(false);
  });

  it("says what a malformed id, location, country or region should look like", () => {
    const errors = errorsOf({
      rules: [
        rule({
          id: "Not An Id",
          conditions: [
            { type: "location", in: ["42"] },
            { type: "destination", countries: ["ca"], regions: ["ON"] },
          ],
        }),
      ],
    });
    expect(errors).toEqual([
      { field: "rules.0.id", message: "Use 1 to 40 lowercase letters, digits or dashes." },
      { field: "rules.0.conditions.0.in.0", message: "Not a location: choose one from the list." },
      { field: "rules.0.conditions.1.countries.0", message: "Use a two-letter country code in capitals, like CA." },
      { field: "rules.0.conditions.1.regions.0", message: "Use a country code, a dash and a region code, like CA-ON." },
    ]);
  });

  it("refuses hostile input with field errors, never a throw", () => {
    const polluted = JSON.parse(
      '{"rules":[{"id":"a","name":"x","conditions":[{"type":"order-total","min":1e400}],"action":{"type":"request"}}],"__proto__":{"polluted":true}}',
    );
    expect(errorsOf(polluted)).toEqual([{ field: "rules.0.conditions.0.min", message: expect.any(String) }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const tooMany = { rules: Array.from({ length: 10_000 }, (_, i) => rule({ id: `r${i}` })) };
    expect(errorsOf(tooMany)).toEqual([{ field: "rules", message: expect.any(String) }]);
    const nested: Record<string, unknown> = {};
    let cursor = nested;
    for (let depth = 0; depth < 5_000; depth++) cursor = (cursor.rules = {}) as Record<string, unknown>;
    expect(validateRuleSet(nested).ok).toBe(false);
  });

  describe("a condition that can never match", () => {
    it.each<[string, RuleInput["conditions"][number], string, string]>([
      [
        "an empty delivery-method list",
        { type: "delivery-method", in: [] },
        "rules.0.conditions.0.in",
        "never matches",
      ],
      ["an empty location list", { type: "location", in: [] }, "rules.0.conditions.0.in", "never matches"],
      [
        "an empty financial-status list",
        { type: "financial-status", in: [] },
        "rules.0.conditions.0.in",
        "never matches",
      ],
      ["an empty risk-level list", { type: "risk-level", in: [] }, "rules.0.conditions.0.in", "never matches"],
      [
        "an empty country list",
        { type: "destination", countries: [] },
        "rules.0.conditions.0.countries",
        "never matches",
      ],
      [
        "an empty SKU list",
        { type: "line-sku", match: "any", values: [] },
        "rules.0.conditions.0.values",
        "never matches",
      ],
      [
        "an empty product-tag list",
        { type: "line-product-tag", match: "all", values: [] },
        "rules.0.conditions.0.values",
        "never matches",
      ],
      [
        "an empty vendor list",
        { type: "line-vendor", match: "any", values: [] },
        "rules.0.conditions.0.values",
        "never matches",
      ],
      [
        "an empty order-tag 'any' list",
        { type: "order-tag", match: "any", values: [] },
        "rules.0.conditions.0.values",
        "never matches",
      ],
      [
        "an empty order-tag 'none' list",
        { type: "order-tag", match: "none", values: [] },
        "rules.0.conditions.0.values",
        "excludes nothing",
      ],
      [
        "a total minimum above its maximum",
        { type: "order-total", min: 50, max: 20 },
        "rules.0.conditions.0.min",
        "above the maximum",
      ],
      [
        "an age minimum above its maximum",
        { type: "order-age", minMinutes: 60, maxMinutes: 30 },
        "rules.0.conditions.0.minMinutes",
        "above the maximum",
      ],
      [
        "a region outside the chosen countries",
        { type: "destination", countries: ["CA"], regions: ["CA-ON", "US-NY"] },
        "rules.0.conditions.0.regions.1",
        "US-NY is not in one of the chosen countries",
      ],
      [
        "local pickup only",
        { type: "delivery-method", in: ["PICK_UP"] },
        "rules.0.conditions.0.in",
        "Local pickup is never automatic",
      ],
      [
        "high risk only, with the default fraud hold on",
        { type: "risk-level", in: ["HIGH"] },
        "rules.0.conditions.0.in",
        "default fraud hold",
      ],
      [
        "no paid financial status for a request",
        { type: "financial-status", in: ["PENDING", "AUTHORIZED"] },
        "rules.0.conditions.0.in",
        "wait for payment forever",
      ],
    ])("refuses %s, saying why", (_, condition, field, why) => {
      const errors = onlyError({ conditions: [condition] });
      expect(errors).toEqual([{ field, message: expect.stringContaining(why) }]);
    });

    it("refuses local pickup only whatever the action (rules never see pickup)", () => {
      expect(
        onlyError({ conditions: [{ type: "delivery-method", in: ["PICK_UP"] }], action: { type: "skip" } }),
      ).toHaveLength(1);
    });

    it("accepts high risk only when the default fraud hold is off", () => {
      expect(onlyError({ conditions: [{ type: "risk-level", in: ["HIGH"] }] }, { holdHighRisk: false })).toEqual([]);
    });

    it("accepts unpaid statuses when the request allows unpaid orders, or the action is not a request", () => {
      const unpaid = [{ type: "financial-status" as const, in: ["PENDING" as const] }];
      expect(onlyError({ conditions: unpaid, action: { type: "request", allowUnpaid: true } })).toEqual([]);
      expect(onlyError({ conditions: unpaid, action: { type: "hold", reason: "AWAITING_PAYMENT" } })).toEqual([]);
    });

    it("accepts equal minimum and maximum (inclusive bounds)", () => {
      expect(onlyError({ conditions: [{ type: "order-age", minMinutes: 30, maxMinutes: 30 }] })).toEqual([]);
    });
  });

  describe("a contradictory rule", () => {
    it.each<[string, RuleInput["conditions"], string]>([
      [
        "two delivery-method lists with nothing in common",
        [
          { type: "delivery-method", in: ["SHIPPING"] },
          { type: "delivery-method", in: ["LOCAL"] },
        ],
        "rules.0.conditions.1.in",
      ],
      [
        "two location lists with nothing in common",
        [
          { type: "location", in: ["gid://shopify/Location/1"] },
          { type: "location", in: ["gid://shopify/Location/2"] },
        ],
        "rules.0.conditions.1.in",
      ],
      [
        "two country lists with nothing in common",
        [
          { type: "destination", countries: ["CA"] },
          { type: "destination", countries: ["US"] },
        ],
        "rules.0.conditions.1.countries",
      ],
      [
        "two financial-status lists with nothing in common",
        [
          { type: "financial-status", in: ["PAID"] },
          { type: "financial-status", in: ["PARTIALLY_REFUNDED"] },
        ],
        "rules.0.conditions.1.in",
      ],
      [
        "two risk-level lists with nothing in common",
        [
          { type: "risk-level", in: ["LOW"] },
          { type: "risk-level", in: ["MEDIUM"] },
        ],
        "rules.0.conditions.1.in",
      ],
      [
        "every line on two different SKUs",
        [
          { type: "line-sku", match: "all", values: ["MUG-1"] },
          { type: "line-sku", match: "all", values: ["TEE-1"] },
        ],
        "rules.0.conditions.1.values",
      ],
      [
        "every line from one vendor and some line from another only",
        [
          { type: "line-vendor", match: "all", values: ["Acme"] },
          { type: "line-vendor", match: "any", values: ["Tee Co"] },
        ],
        "rules.0.conditions.1.values",
      ],
      [
        "two order totals that do not overlap",
        [
          { type: "order-total", min: null, max: 50 },
          { type: "order-total", min: 60, max: null },
        ],
        "rules.0.conditions.1.min",
      ],
      [
        "two order ages that do not overlap",
        [
          { type: "order-age", minMinutes: 0, maxMinutes: 10 },
          { type: "order-age", minMinutes: 20, maxMinutes: 30 },
        ],
        "rules.0.conditions.1.minMinutes",
      ],
      [
        "an order tag both wanted and excluded (any case)",
        [
          { type: "order-tag", match: "none", values: ["VIP", "b2b"] },
          { type: "order-tag", match: "any", values: ["vip"] },
        ],
        "rules.0.conditions.1.values",
      ],
      [
        "an order tag excluded after it is wanted",
        [
          { type: "order-tag", match: "any", values: ["vip"] },
          { type: "order-tag", match: "none", values: ["vip"] },
        ],
        "rules.0.conditions.0.values",
      ],
    ])("refuses %s", (_, conditions, field) => {
      expect(onlyError({ conditions })).toEqual([{ field, message: expect.stringMatching(/can never match/) }]);
    });

    it.each<[string, RuleInput["conditions"]]>([
      [
        "some line with one SKU and some line with another",
        [
          { type: "line-sku", match: "any", values: ["MUG-1"] },
          { type: "line-sku", match: "any", values: ["TEE-1"] },
        ],
      ],
      [
        "every line tagged one way and every line tagged another (a line has many tags)",
        [
          { type: "line-product-tag", match: "all", values: ["a"] },
          { type: "line-product-tag", match: "all", values: ["b"] },
        ],
      ],
      [
        "two order tags wanted (an order has many tags)",
        [
          { type: "order-tag", match: "any", values: ["a"] },
          { type: "order-tag", match: "any", values: ["b"] },
        ],
      ],
      [
        "overlapping lists",
        [
          { type: "delivery-method", in: ["SHIPPING", "LOCAL"] },
          { type: "delivery-method", in: ["LOCAL"] },
        ],
      ],
      [
        "one tag wanted among several, another excluded",
        [
          { type: "order-tag", match: "any", values: ["a", "b"] },
          { type: "order-tag", match: "none", values: ["a"] },
        ],
      ],
    ])("accepts %s", (_, conditions) => {
      expect(onlyError({ conditions })).toEqual([]);
    });

    it("refuses a matching-lines request without a line condition", () => {
      expect(onlyError({ action: { type: "request", scope: "matching-lines" } })).toEqual([
        { field: "rules.0.action.scope", message: expect.stringContaining("needs a line condition") },
      ]);
    });
  });

  describe("the rule list", () => {
    it("refuses a duplicate rule id on the later rule", () => {
      expect(
        errorsOf({
          rules: [rule(), rule({ name: "Rule two", conditions: [{ type: "destination", countries: ["US"] }] })],
        }),
      ).toEqual([{ field: "rules.1.id", message: "Another rule already has the id “r1”." }]);
    });

    it("refuses every rule below an enabled rule without conditions", () => {
      const errors = errorsOf({
        rules: [
          rule({ id: "a", name: "Catch all", conditions: [] }),
          rule({ id: "b" }),
          rule({ id: "c", enabled: false }),
        ],
      });
      expect(errors).toEqual([
        { field: "rules.1", message: expect.stringContaining("Rule “Catch all” above has no conditions") },
        { field: "rules.2", message: expect.stringContaining("never reached") },
      ]);
    });

    it("accepts rules below a disabled catch-all, and a catch-all last", () => {
      const rules = [
        rule({ id: "a", conditions: [], enabled: false }),
        rule({ id: "b" }),
        rule({ id: "c", conditions: [] }),
      ];
      expect(errorsOf({ rules })).toEqual([]);
    });

    it("refuses a rule below an enabled rule with the same conditions, in any order", () => {
      const conditions: RuleInput["conditions"] = [
        { type: "destination", countries: ["CA"] },
        { type: "order-tag", match: "any", values: ["vip"] },
      ];
      const errors = errorsOf({
        rules: [
          rule({ id: "a", name: "VIP Canada", conditions }),
          rule({ id: "b", conditions: [...conditions].reverse() }),
        ],
      });
      expect(errors).toEqual([
        { field: "rules.1", message: expect.stringContaining("Rule “VIP Canada” above has the same conditions") },
      ]);
    });

    it("accepts rules below a hold rule without conditions (they decide once the hold is released)", () => {
      const hold = rule({
        id: "a",
        conditions: [],
        action: { type: "hold", reason: "OTHER", releaseAfterMinutes: 120 },
      });
      expect(errorsOf({ rules: [hold, rule({ id: "b", conditions: [] })] })).toEqual([]);
    });

    it("accepts a rule with the same conditions as a disabled rule above", () => {
      expect(errorsOf({ rules: [rule({ id: "a", enabled: false }), rule({ id: "b" })] })).toEqual([]);
    });

    it("reports errors of several rules at once, each at its path", () => {
      const errors = errorsOf({
        rules: [
          rule({ conditions: [{ type: "location", in: [] }] }),
          rule({ id: "r2", conditions: [{ type: "destination", countries: [] }] }),
        ],
      });
      expect(errors.map((e) => e.field)).toEqual(["rules.0.conditions.0.in", "rules.1.conditions.0.countries"]);
    });
  });
});
