// Automation settings and versioned rule sets. (Minimal reader; the settings screen's issue part
// adds saving and version history.)
import { prisma } from "~/db.server";
import { EMPTY_RULE_SET, RuleSet } from "./rules/rule-set";

export interface AutomationConfig {
  enabled: boolean;
  paused: boolean;
  quietPeriodMinutes: number | null;
  version: number;
  ruleSet: RuleSet;
}

export async function loadAutomationConfig(shop: string): Promise<AutomationConfig> {
  const settings = await prisma.automationSettings.findUnique({ where: { shop } });
  if (!settings)
    return { enabled: false, paused: false, quietPeriodMinutes: null, version: 0, ruleSet: EMPTY_RULE_SET };
  const saved = settings.currentVersion
    ? await prisma.automationRuleSet.findUnique({ where: { shop_version: { shop, version: settings.currentVersion } } })
    : null;
  return {
    enabled: settings.enabled,
    paused: settings.paused,
    quietPeriodMinutes: settings.quietPeriodMinutes,
    version: settings.currentVersion,
    ruleSet: saved ? RuleSet.parse(JSON.parse(saved.rules)) : EMPTY_RULE_SET,
  };
}
