import { describe, expect, it } from "vitest";
import { validateRuleSet } from "~/automation/rules/validate-rule-set";
import { DEMO_RULE_SET } from "./demo-automation";

describe("the demo's rule set", () => {
  it("is one the settings screen would save", () => {
    expect(validateRuleSet(DEMO_RULE_SET)).toMatchObject({ ok: true });
  });
});
