// Refuses rule sets a merchant cannot mean: bad shapes (zod) and rules that can never match or
// contradict themselves, each as a field error next to its field ("rules.2.conditions.0.in").
import type { FieldErrorMessage } from "~/fulfillment/actions/contract";
import { fieldErrorsOf } from "~/fulfillment/actions/contract";
import { automationRules } from "~/i18n/sections/automation-rules";
import { fold, isLineCondition, isPaid } from "./conditions";
import type { Condition, Defaults, Rule } from "./rule-set";
import { RuleSet } from "./rule-set";

type RuleSetValidation = { ok: true; ruleSet: RuleSet } | { ok: false; errors: FieldErrorMessage[] };

const t = automationRules.errors;

export function validateRuleSet(raw: unknown): RuleSetValidation {
  const parsed = RuleSet.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: fieldErrorsOf(parsed.error) };
  const ruleSet = parsed.data;
  const errors = [...duplicateIds(ruleSet.rules), ...unreachable(ruleSet.rules)];
  ruleSet.rules.forEach((rule, index) => errors.push(...ruleErrors(rule, `rules.${index}`, ruleSet.defaults)));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, ruleSet };
}

function duplicateIds(rules: Rule[]): FieldErrorMessage[] {
  const seen = new Set<string>();
  return rules.flatMap((rule, index) => {
    if (!seen.has(rule.id)) {
      seen.add(rule.id);
      return [];
    }
    return [{ field: `rules.${index}.id`, message: t.duplicateId(rule.id) }];
  });
}

/**
 * First match wins, so an enabled rule hides every rule below it that it always beats: all of them
 * when it has no conditions, and any with the very same conditions (in whatever order). Not a hold
 * rule: once its hold is released, the rules below it decide.
 */
function unreachable(rules: Rule[]): FieldErrorMessage[] {
  const above: { name: string; key: string }[] = [];
  return rules.flatMap((rule, index) => {
    const key = JSON.stringify(rule.conditions.map((c) => JSON.stringify(c)).sort());
    const hiding = above.find((earlier) => earlier.key === "[]" || earlier.key === key);
    // A hold rule hides nothing: once its hold is released, the rules below it decide (decide.ts).
    if (rule.enabled && rule.action.type !== "hold") above.push({ name: rule.name, key });
    if (!hiding) return [];
    const message = hiding.key === "[]" ? t.unreachable(hiding.name) : t.sameConditions(hiding.name);
    return [{ field: `rules.${index}`, message }];
  });
}

function ruleErrors(rule: Rule, path: string, defaults: Defaults): FieldErrorMessage[] {
  const errors: FieldErrorMessage[] = [];
  const add = (field: string, message: string) => errors.push({ field: `${path}.${field}`, message });

  rule.conditions.forEach((condition, index) => {
    for (const [field, message] of neverMatches(condition, rule, defaults))
      add(`conditions.${index}.${field}`, message);
  });
  for (const [index, field, message] of contradictions(rule.conditions)) add(`conditions.${index}.${field}`, message);

  if (
    rule.action.type === "request" &&
    rule.action.scope === "matching-lines" &&
    !rule.conditions.some(isLineCondition)
  ) {
    add("action.scope", t.matchingLinesWithoutLineCondition);
  }
  return errors;
}

/** [field within the condition, why] for a condition no FO can ever satisfy. */
function neverMatches(condition: Condition, rule: Rule, defaults: Defaults): [string, string][] {
  switch (condition.type) {
    case "delivery-method":
      if (condition.in.length === 0) return [["in", t.emptyList]];
      // decide() skips pickup before any rule, whatever the action.
      if (condition.in.every((method) => method === "PICK_UP")) return [["in", t.pickupOnly]];
      return [];
    case "risk-level":
      if (condition.in.length === 0) return [["in", t.emptyList]];
      // decide() places the default fraud hold before any rule, whatever the action.
      if (defaults.holdHighRisk && condition.in.every((level) => level === "HIGH")) return [["in", t.highRiskOnly]];
      return [];
    case "financial-status":
      if (condition.in.length === 0) return [["in", t.emptyList]];
      // Such a rule matches only unpaid orders, and its request waits for payment: once paid,
      // the order no longer matches.
      if (rule.action.type === "request" && !rule.action.allowUnpaid && !condition.in.some(isPaid)) {
        return [["in", t.noPaidStatus]];
      }
      return [];
    case "location":
      return condition.in.length === 0 ? [["in", t.emptyList]] : [];
    case "destination": {
      if (condition.countries.length === 0) return [["countries", t.emptyList]];
      return condition.regions.flatMap((region, index): [string, string][] =>
        condition.countries.includes(region.slice(0, 2))
          ? []
          : [[`regions.${index}`, t.regionOutsideCountries(region)]],
      );
    }
    case "line-sku":
    case "line-product-tag":
    case "line-vendor":
      return condition.values.length === 0 ? [["values", t.emptyList]] : [];
    case "order-tag":
      if (condition.values.length > 0) return [];
      return [["values", condition.match === "any" ? t.emptyList : t.emptyTagsNone]];
    case "order-total":
      return condition.min !== null && condition.max !== null && condition.min > condition.max
        ? [["min", t.minAboveMax]]
        : [];
    case "order-age":
      return condition.minMinutes !== null &&
        condition.maxMinutes !== null &&
        condition.minMinutes > condition.maxMinutes
        ? [["minMinutes", t.minAboveMax]]
        : [];
  }
}

/** The values a set condition compares, folded as decide() compares them; null for the others. */
function valueSet(condition: Condition): Set<string> | null {
  switch (condition.type) {
    case "delivery-method":
    case "financial-status":
    case "risk-level":
    case "location":
      return new Set<string>(condition.in);
    case "destination":
      return new Set(condition.countries);
    case "line-sku":
      return new Set(condition.values);
    case "line-vendor":
      return new Set(condition.values.map(fold));
    default:
      return null;
  }
}

const disjoint = (a: Set<string>, b: Set<string>) => ![...a].some((value) => b.has(value));

type Range = [number | null, number | null];
const range = (c: Condition): Range | null =>
  c.type === "order-total" ? [c.min, c.max] : c.type === "order-age" ? [c.minMinutes, c.maxMinutes] : null;
const overlap = ([minA, maxA]: Range, [minB, maxB]: Range) =>
  (minA === null || maxB === null || minA <= maxB) && (minB === null || maxA === null || minB <= maxA);

/**
 * [condition index, field, why] for conditions that cannot all hold together, reported on the
 * later condition of a pair (on the "any" one for order tags).
 * - One-valued facts (delivery method, location, country, financial status, risk level) cannot be
 *   in two disjoint sets; nor can every line's SKU or vendor ("all") while the same or another
 *   condition wants a disjoint set. Product tags are many per line, so two tag sets never conflict.
 * - Two ranges on the same number must overlap.
 * - Order tags wanted ("any") but all excluded ("none").
 */
function contradictions(conditions: Condition[]): [number, string, string][] {
  const found: [number, string, string][] = [];
  conditions.forEach((later, j) => {
    const reported = (field: string, message: string) => {
      if (!found.some(([index, f]) => index === j && f === field)) found.push([j, field, message]);
    };
    conditions.slice(0, j).forEach((earlier) => {
      if (earlier.type !== later.type) return;
      const field = valueField(later);
      const a = valueSet(earlier);
      const b = valueSet(later);
      if (a && b && a.size > 0 && b.size > 0 && disjoint(a, b) && setsMustMeet(earlier, later))
        reported(field, t.disjoint);
      const ra = range(earlier);
      const rb = range(later);
      if (ra && rb && !overlap(ra, rb)) reported(later.type === "order-total" ? "min" : "minMinutes", t.disjoint);
    });
    if (later.type === "order-tag" && later.match === "any" && later.values.length > 0) {
      const excluded = new Set(
        conditions.flatMap((c) => (c.type === "order-tag" && c.match === "none" ? c.values.map(fold) : [])),
      );
      if (later.values.every((tag) => excluded.has(fold(tag)))) reported("values", t.tagAnyAndNone);
    }
  });
  return found;
}

/** Line conditions conflict only when one of them speaks for every line ("all"). */
const setsMustMeet = (a: Condition, b: Condition) =>
  !("match" in a) || !("match" in b) || a.match === "all" || b.match === "all";

const valueField = (c: Condition) => (c.type === "destination" ? "countries" : "in" in c ? "in" : "values");
