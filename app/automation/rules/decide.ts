// The rules' decision for one FO: pure, so live automation and the dry run decide alike.
import type { Decision } from "./decision";
import type { DecisionInput } from "../facts";
import type { RuleSet } from "./rule-set";

/** Decides what automation does with one FO now. `version` is the rule set's saved version. */
export function decide(input: DecisionInput, ruleSet: RuleSet, version: number): Decision {
  void input;
  void ruleSet;
  void version;
  return { kind: "skip", rule: null, reason: "No rule matched" };
}
