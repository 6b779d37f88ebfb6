// What a dry run shows: counts per outcome and per rule, added up one decision at a time while
// the replay pages through the window (nothing but the counts is kept), and the rows of the list.
// Pure types and functions: the screen imports them.
import type { Decision, DecisionKind, RequestLine } from "../rules/decision";

export const DECISION_KINDS: readonly DecisionKind[] = [
  "request",
  "partial_request",
  "delay",
  "hold",
  "release_hold",
  "wait",
  "skip",
];

export type OutcomeCounts = Record<DecisionKind, number>;

export interface RuleCount {
  /** null: the built-in defaults (pickup, fraud hold, no rule matched…). */
  ruleId: string | null;
  ruleName: string | null;
  total: number;
  byOutcome: OutcomeCounts;
}

export interface DryRunSummary {
  /** FOs replayed (each decided once). */
  total: number;
  /** FOs split off another FO after it was routed: replayed as part of that FO, not on their own. */
  folded: number;
  byOutcome: OutcomeCounts;
  /** In the rule set's order, then the defaults; rules that decided nothing count 0. */
  byRule: RuleCount[];
}

export interface DryRunRow {
  fulfillmentOrderId: string;
  orderName: string;
  locationName: string | null;
  openedAt: string;
  kind: DecisionKind;
  ruleId: string | null;
  ruleName: string | null;
  reason: string;
  /** The lines a partial request would name. */
  lines: RequestLine[] | null;
  /** Moved to another location since: replayed at its current location. */
  moved: boolean;
}

const emptyCounts = (): OutcomeCounts => Object.fromEntries(DECISION_KINDS.map((kind) => [kind, 0])) as OutcomeCounts;

export function emptySummary(rules: readonly { id: string; name: string }[]): DryRunSummary {
  return {
    total: 0,
    folded: 0,
    byOutcome: emptyCounts(),
    byRule: [
      ...rules.map((rule) => ({ ruleId: rule.id, ruleName: rule.name, total: 0, byOutcome: emptyCounts() })),
      { ruleId: null, ruleName: null, total: 0, byOutcome: emptyCounts() },
    ],
  };
}

/** Counts one decision in place (the summary is the only thing a long run keeps). */
export function countDecision(summary: DryRunSummary, decision: Decision): void {
  summary.total += 1;
  summary.byOutcome[decision.kind] += 1;
  const ruleId = decision.rule?.id ?? null;
  let entry = summary.byRule.find((r) => r.ruleId === ruleId);
  if (!entry) {
    entry = { ruleId, ruleName: decision.rule?.name ?? null, total: 0, byOutcome: emptyCounts() };
    summary.byRule.splice(summary.byRule.length - 1, 0, entry);
  }
  entry.total += 1;
  entry.byOutcome[decision.kind] += 1;
}

export function rowOf(
  fo: { id: string; locationName: string | null; openedAt: string },
  orderName: string,
  decision: Decision,
  moved: boolean,
): DryRunRow {
  return {
    fulfillmentOrderId: fo.id,
    orderName,
    locationName: fo.locationName,
    openedAt: fo.openedAt,
    kind: decision.kind,
    ruleId: decision.rule?.id ?? null,
    ruleName: decision.rule?.name ?? null,
    reason: decision.reason,
    lines: decision.kind === "partial_request" ? decision.lines : null,
    moved,
  };
}
