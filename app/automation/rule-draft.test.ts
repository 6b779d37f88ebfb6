// Where each validation error of a saved rule set shows on the screen, and the editor's moves.
import { describe, expect, it } from "vitest";
import { conditionErrors, errorAt, move, newRule, placeErrors } from "./rule-draft";
import { Rule } from "./rules/rule-set";

describe("placeErrors", () => {
  it("puts rules.N.* on rule N's fields, defaults.* on the defaults and the rest in the banner", () => {
    const placed = placeErrors([
      { field: "rules.2.conditions.0.in", message: "Choose at least one method." },
      { field: "rules.2.conditions.0.in.1", message: "Not a method." },
      { field: "rules.2.action.delayMinutes", message: "Too long." },
      { field: "rules.0", message: "This rule can never match." },
      { field: "defaults.preOrderTag", message: "Too long." },
      { field: "rules", message: "At most 50 rules." },
      { field: null, message: "Something else." },
    ]);

    expect(placed.rules).toEqual({
      2: {
        "conditions.0.in": "Choose at least one method.",
        "conditions.0.in.1": "Not a method.",
        "action.delayMinutes": "Too long.",
      },
      0: { "": "This rule can never match." },
    });
    expect(placed.defaults).toEqual({ preOrderTag: "Too long." });
    expect(placed.general).toEqual(["At most 50 rules.", "Something else."]);
  });

  it("gives each field of a condition its own error, and the condition as a whole under ''", () => {
    const rule = { "conditions.1": "Min is above max.", "conditions.1.countries.0": "Not a country.", name: "Empty." };

    expect(conditionErrors(rule, 1)).toEqual({ "": "Min is above max.", "countries.0": "Not a country." });
    expect(errorAt(conditionErrors(rule, 1), "countries")).toBe("Not a country.");
    expect(conditionErrors(rule, 0)).toBeUndefined();
    expect(errorAt(rule, "name")).toBe("Empty.");
  });
});

describe("the editor's moves", () => {
  it("moves a rule up or down one place and leaves the ends alone", () => {
    expect(move(["a", "b", "c"], 2, -1)).toEqual(["a", "c", "b"]);
    expect(move(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
    expect(move(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
    expect(move(["a", "b", "c"], 2, 1)).toEqual(["a", "b", "c"]);
  });

  it("creates a new rule the schema accepts", () => {
    expect(Rule.safeParse(newRule("Rule 1")).success).toBe(true);
  });
});
