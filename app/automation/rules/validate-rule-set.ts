// Refuses rule sets a merchant cannot mean: bad shapes (zod) and rules that can never match or
// contradict themselves, each as a field error next to its field.
import type { FieldErrorMessage } from "~/fulfillment/actions/contract";
import { fieldErrorsOf } from "~/fulfillment/actions/contract";
import { RuleSet } from "./rule-set";

export type RuleSetValidation = { ok: true; ruleSet: RuleSet } | { ok: false; errors: FieldErrorMessage[] };

export function validateRuleSet(raw: unknown): RuleSetValidation {
  const parsed = RuleSet.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: fieldErrorsOf(parsed.error) };
  return { ok: true, ruleSet: parsed.data };
}
