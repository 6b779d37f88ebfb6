// The shop's automation settings and its versioned rule sets. A save never updates a rule set:
// it appends version N+1 and moves the settings' pointer in the same transaction, so every
// decision that names a version can still show the rules it ran, and two concurrent saves
// cannot both become version N+1 (the [shop, version] unique index refuses the second).
import { toJsonColumn, type JsonColumn } from "~/db/json-column";
import type { Prisma } from "@prisma/client";
import { prisma } from "~/db.server";
import { isUniqueViolation } from "~/db/unique-violation";
import { recordAuditEvent } from "~/stale-orders/audit.server";
import { EMPTY_RULE_SET, RuleSet } from "./rules/rule-set";
import type { AutomationConfig, RuleSetVersion, RuleSetVersionSummary } from "./settings-views";

type SaveRuleSetResult = { kind: "saved"; version: number } | { kind: "stale"; currentVersion: number };

export interface AutomationSwitches {
  enabled?: boolean;
  paused?: boolean;
  quietPeriodMinutes?: number | null;
}

/**
 * A stored version as the schema reads it today. Stored rules were valid when saved; should a later
 * schema refuse them, the version is shown as empty rather than breaking the screen or the runtime.
 */
function parseStored(stored: JsonColumn): RuleSet {
  const parsed = RuleSet.safeParse(stored);
  return parsed.success ? parsed.data : EMPTY_RULE_SET;
}

type Db = Pick<Prisma.TransactionClient, "automationSettings" | "automationRuleSet">;

async function currentVersionOf(shop: string, db: Db): Promise<number> {
  const settings = await db.automationSettings.findUnique({ where: { shop }, select: { currentVersion: true } });
  return settings?.currentVersion ?? 0;
}

export async function loadAutomationConfig(shop: string): Promise<AutomationConfig> {
  const settings = await prisma.automationSettings.findUnique({ where: { shop } });
  const version = settings?.currentVersion ?? 0;
  const row =
    version > 0
      ? await prisma.automationRuleSet.findUnique({
          where: { shop_version: { shop, version } },
          select: { rules: true },
        })
      : null;
  return {
    enabled: settings?.enabled ?? false,
    paused: settings?.paused ?? false,
    quietPeriodMinutes: settings?.quietPeriodMinutes ?? null,
    version,
    ruleSet: row ? parseStored(row.rules) : EMPTY_RULE_SET,
  };
}

/**
 * Saves `ruleSet` as a new version if the live one is still `expectedVersion` (the one the
 * merchant edited); otherwise nothing is saved and the current version is returned. The caller
 * validates the rule set first (validateRuleSet).
 */
export async function saveRuleSet(
  shop: string,
  ruleSet: RuleSet,
  options: { actor: string | null; expectedVersion: number },
): Promise<SaveRuleSetResult> {
  const { actor, expectedVersion } = options;
  const version = expectedVersion + 1;
  try {
    return await prisma.$transaction(async (tx) => {
      const current = await currentVersionOf(shop, tx);
      if (current !== expectedVersion) return { kind: "stale", currentVersion: current } as const;
      // The insert is the arbiter: a concurrent save of the same expected version fails here.
      await tx.automationRuleSet.create({ data: { shop, version, rules: toJsonColumn(ruleSet), actor } });
      await tx.automationSettings.upsert({
        where: { shop },
        create: { shop, currentVersion: version, updatedBy: actor },
        update: { currentVersion: version, updatedBy: actor },
      });
      await recordAuditEvent(
        {
          shop,
          actor,
          action: "automation.rules_saved",
          subject: `v${version}`,
          detail: { version, rules: ruleSet.rules.length },
        },
        tx,
      );
      return { kind: "saved", version } as const;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return { kind: "stale", currentVersion: await currentVersionOf(shop, prisma) };
  }
}

/**
 * Turns automation on or off, pauses or resumes it, sets the quiet period; each takes effect at
 * once. `resumed` is true when this call moved paused from true to false (pending decisions are
 * then re-evaluated against fresh state).
 */
export async function setAutomationSwitches(
  shop: string,
  switches: AutomationSwitches,
  actor: string | null,
): Promise<{ resumed: boolean; switchedOn: boolean }> {
  const data = Object.fromEntries(
    Object.entries({
      enabled: switches.enabled,
      paused: switches.paused,
      quietPeriodMinutes: switches.quietPeriodMinutes,
    }).filter(([, value]) => value !== undefined),
  ) as AutomationSwitches;
  const change = () =>
    prisma.$transaction(async (tx) => {
      const before = await tx.automationSettings.upsert({ where: { shop }, create: { shop }, update: {} });
      // A conditional update decides "resumed": of two concurrent resumes, only one finds the
      // row still paused (the row lock on PostgreSQL, the single writer on SQLite).
      const resumed =
        data.paused === false &&
        (await tx.automationSettings.updateMany({ where: { shop, paused: true }, data: { paused: false } })).count ===
          1;
      const switchedOn =
        data.enabled === true &&
        (await tx.automationSettings.updateMany({ where: { shop, enabled: false }, data: { enabled: true } })).count ===
          1;
      await tx.automationSettings.update({ where: { shop }, data: { ...data, updatedBy: actor } });
      const previous = {
        enabled: before.enabled,
        paused: before.paused,
        quietPeriodMinutes: before.quietPeriodMinutes,
      };
      await recordAuditEvent(
        {
          shop,
          actor,
          action: "automation.switches_changed",
          detail: { before: previous, after: { ...previous, ...data } },
        },
        tx,
      );
      return { resumed, switchedOn };
    });
  try {
    return await change();
  } catch (error) {
    // Two first-ever changes for a shop raced to create its row: the row exists now.
    if (!isUniqueViolation(error)) throw error;
    return change();
  }
}

const summaryOf = (row: { version: number; actor: string | null; createdAt: Date }, ruleSet: RuleSet) => ({
  version: row.version,
  actor: row.actor,
  createdAt: row.createdAt.toISOString(),
  rules: ruleSet.rules.length,
});

/** Every saved version, newest first. */
export async function listRuleSetVersions(shop: string, take = 50): Promise<RuleSetVersionSummary[]> {
  const rows = await prisma.automationRuleSet.findMany({ where: { shop }, orderBy: { version: "desc" }, take });
  return rows.map((row) => summaryOf(row, parseStored(row.rules)));
}

/** One saved version (old ones stay readable), or null when the shop has no such version. */
export async function readRuleSetVersion(shop: string, version: number): Promise<RuleSetVersion | null> {
  const row = await prisma.automationRuleSet.findUnique({ where: { shop_version: { shop, version } } });
  if (!row) return null;
  const ruleSet = parseStored(row.rules);
  return { ...summaryOf(row, ruleSet), ruleSet };
}
