// What the automation screens load and what their action answers: plain data shared by the
// server (rule store, routes) and the components.
import type { FieldErrorMessage } from "~/fulfillment/actions/contract";
import type { WorklistLocationOption } from "~/fulfillment/worklist/types";
import type { RuleSet } from "./rules/rule-set";

export interface AutomationConfig {
  enabled: boolean;
  paused: boolean;
  /** Null = automatic: 10 minutes when the shop runs a post-purchase offer, else 0. */
  quietPeriodMinutes: number | null;
  /** The live version; 0 = nothing saved yet (the defaults alone apply). */
  version: number;
  ruleSet: RuleSet;
}

export interface RuleSetVersionSummary {
  version: number;
  actor: string | null;
  createdAt: string;
  rules: number;
}

export interface RuleSetVersion extends RuleSetVersionSummary {
  ruleSet: RuleSet;
}

export interface AutomationScreenView {
  config: AutomationConfig;
  versions: RuleSetVersionSummary[];
  /** The locations the ledger knows (FOs are assigned to them): the location condition's choices. */
  locations: WorklistLocationOption[];
}

export type AutomationActionData =
  | { ok: true; kind: "saved"; version: number }
  | { ok: true; kind: "switched"; intent: "set-enabled" | "set-paused" | "set-quiet-period"; resumed: boolean }
  /** Someone saved since the page loaded: nothing was saved. */
  | { ok: false; kind: "stale"; currentVersion: number; error: string }
  /** The rules were refused, each problem on its field ("rules.2.conditions.0.in"). */
  | { ok: false; kind: "invalid"; error: string; fieldErrors: FieldErrorMessage[] }
  /** The submission could not be read or was refused as a whole. */
  | { ok: false; kind: "refused"; error: string };
