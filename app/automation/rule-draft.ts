// Editing a rule set on the screen: new rules and conditions with their defaults, moves, and
// where a validation error belongs. Pure: the screen and its tests use it.
import type { FieldErrorMessage } from "~/fulfillment/actions/contract";
import type { Action, Condition, ConditionType, Rule, RuleSet } from "./rules/rule-set";

export const CONDITION_TYPES: readonly ConditionType[] = [
  "delivery-method",
  "location",
  "destination",
  "line-sku",
  "line-product-tag",
  "line-vendor",
  "order-tag",
  "financial-status",
  "risk-level",
  "order-total",
  "order-age",
];

/** A condition of this type with nothing chosen yet. */
export function newCondition(type: ConditionType): Condition {
  switch (type) {
    case "delivery-method":
    case "location":
    case "financial-status":
    case "risk-level":
      return { type, in: [] } as Condition;
    case "destination":
      return { type, countries: [], regions: [] };
    case "line-sku":
    case "line-product-tag":
    case "line-vendor":
      return { type, match: "any", values: [] };
    case "order-tag":
      return { type, match: "any", values: [] };
    case "order-total":
      return { type, min: null, max: null };
    case "order-age":
      return { type, minMinutes: null, maxMinutes: null };
  }
}

export function newAction(type: Action["type"]): Action {
  switch (type) {
    case "request":
      return { type, scope: "whole", delayMinutes: 0, allowUnpaid: false, message: null };
    case "hold":
      return { type, reason: "OTHER", notes: null, releaseAfterMinutes: null };
    case "skip":
      return { type };
  }
}

/** A rule id stable across versions (the feed groups decisions by it); `random` is injectable for tests. */
export function newRule(name: string, random: () => string = () => crypto.randomUUID()): Rule {
  return {
    id: `rule-${random()
      .replace(/[^a-z0-9]/gi, "")
      .toLowerCase()
      .slice(0, 12)}`,
    name,
    enabled: true,
    conditions: [],
    action: newAction("request"),
  };
}

/** The list with item `index` moved one place up (-1) or down (+1); unchanged at the ends. */
export function move<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (index < 0 || index >= items.length || to < 0 || to >= items.length) return [...items];
  const next = [...items];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

export const replaceAt = <T>(items: readonly T[], index: number, item: T): T[] =>
  items.map((existing, i) => (i === index ? item : existing));

export const removeAt = <T>(items: readonly T[], index: number): T[] => items.filter((_, i) => i !== index);

/** Comma-separated text as the list a condition stores: trimmed, no empties. */
export const listOf = (text: string): string[] =>
  text
    .split(",")
    .map((value) => value.trim())
    .filter(Boolean);

/** "" → null, else the number typed (NaN stays NaN: validation says what is wrong with it). */
export const numberOrNull = (text: string): number | null => (text.trim() === "" ? null : Number(text));

/**
 * The errors of the submitted rule set, by where the screen shows them: `rules.N.<field>` goes
 * to rule N's editor under "<field>" ("conditions.0.in", "action.delayMinutes", "name"; "" for
 * the rule as a whole),
 * `defaults.<field>` to the defaults card, anything else to the banner above the rules.
 */
export interface PlacedErrors {
  rules: Record<number, Record<string, string>>;
  defaults: Record<string, string>;
  general: string[];
}

export function placeErrors(errors: readonly FieldErrorMessage[]): PlacedErrors {
  const placed: PlacedErrors = { rules: {}, defaults: {}, general: [] };
  for (const { field, message } of errors) {
    // "rules.3" alone is the rule as a whole (e.g. it can never match): key "".
    const ruleField = field ? /^rules\.(\d+)(?:\.(.+))?$/.exec(field) : null;
    const defaultsField = field ? /^defaults\.(.+)$/.exec(field) : null;
    if (ruleField) {
      const rule = (placed.rules[Number(ruleField[1])] ??= {});
      rule[ruleField[2] ?? ""] ??= message;
    } else if (defaultsField) {
      placed.defaults[defaultsField[1]!] ??= message;
    } else {
      placed.general.push(message);
    }
  }
  return placed;
}

/**
 * The message for a field of a rule, or for anything under it: an error on "conditions.0.in.2"
 * shows on the condition's "in" field, one on "conditions.0" on the condition as a whole.
 */
export function errorAt(errors: Record<string, string> | undefined, path: string): string | undefined {
  if (!errors) return undefined;
  if (errors[path]) return errors[path];
  const prefix = `${path}.`;
  const key = Object.keys(errors).find((candidate) => candidate.startsWith(prefix));
  return key ? errors[key] : undefined;
}

export const sameRuleSet = (a: RuleSet, b: RuleSet): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Condition N's errors, keyed by the field under it ("in", "min"); an error on the condition as a
 * whole ("conditions.N", e.g. a contradictory range) is keyed "".
 */
export function conditionErrors(errors: Record<string, string> | undefined, index: number) {
  if (!errors) return undefined;
  const path = `conditions.${index}`;
  const entries = Object.entries(errors).flatMap(([field, message]): [string, string][] =>
    field === path ? [["", message]] : field.startsWith(`${path}.`) ? [[field.slice(path.length + 1), message]] : [],
  );
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}
