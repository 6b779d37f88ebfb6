// The simulator screen's one domain call: resolve whose rules to replay (the live version, an
// earlier one, or a validated draft), then a run (counts and the first page) or one later page.
import type { FieldErrorMessage } from "~/fulfillment/actions/contract";
import { prisma } from "~/db.server";
import { automationDryRun } from "~/i18n/sections/automation-dry-run";
import { loadAutomationConfig } from "../rule-store.server";
import { RuleSet } from "../rules/rule-set";
import { validateRuleSet } from "../rules/validate-rule-set";
import { countWindow, dryRunPage, type DryRunRules, runDryRun } from "./dry-run.server";
import type { DryRunParams } from "./params";
import { trackDryRun } from "./progress.server";
import type { DryRunRow, DryRunSummary } from "./summary";

const t = automationDryRun.errors;

export type RulesSource = { kind: "saved"; version: number } | { kind: "version"; version: number } | { kind: "draft" };

export interface DryRunView {
  source: RulesSource;
  days: number;
  from: string;
  until: string;
  /** Present for a run; a later page carries none (the screen keeps the run's). */
  summary: DryRunSummary | null;
  rows: DryRunRow[];
  nextCursor: string | null;
  /** The page this view starts after (null: the first). */
  after: string | null;
}

export type DryRunOutcome =
  | { kind: "done"; view: DryRunView }
  | { kind: "not-found"; error: string }
  | { kind: "invalid"; error: string; errors: FieldErrorMessage[] };

const DAY_MS = 86_400_000;

export async function performDryRun(
  shop: string,
  params: DryRunParams,
  draft: { raw: unknown } | null,
  now: Date = new Date(),
): Promise<DryRunOutcome> {
  const config = await loadAutomationConfig(shop);
  let rules: DryRunRules;
  let source: RulesSource;
  if (draft) {
    const validation = validateRuleSet(draft.raw);
    if (!validation.ok) return { kind: "invalid", error: t.invalidDraft, errors: validation.errors };
    rules = { ruleSet: validation.ruleSet, version: null };
    source = { kind: "draft" };
  } else if (params.version !== null) {
    const saved = await prisma.automationRuleSet.findUnique({
      where: { shop_version: { shop, version: params.version } },
    });
    if (!saved) return { kind: "not-found", error: t.badVersion };
    rules = { ruleSet: RuleSet.parse(saved.rules), version: saved.version };
    source = { kind: "version", version: saved.version };
  } else {
    rules = { ruleSet: config.ruleSet, version: config.version };
    source = { kind: "saved", version: config.version };
  }

  const until = params.until ?? now;
  const window = { from: new Date(until.getTime() - params.days * DAY_MS), until };
  const base = { source, days: params.days, from: window.from.toISOString(), until: until.toISOString() };
  // The quiet period is the shop's setting whatever rules are replayed: it is not part of a rule set.
  if (params.after !== null) {
    const page = await dryRunPage(shop, window, rules, config.quietPeriodMinutes, params.after);
    return { kind: "done", view: { ...base, summary: null, ...page, after: params.after } };
  }
  const tracker = params.runId ? trackDryRun(shop, params.runId, await countWindow(shop, window)) : null;
  try {
    const run = await runDryRun(shop, window, rules, config.quietPeriodMinutes, tracker?.progress);
    return { kind: "done", view: { ...base, ...run, after: null } };
  } finally {
    tracker?.finish();
  }
}
