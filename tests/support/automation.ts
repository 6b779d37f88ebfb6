// Turning automation on for a test shop: settings and one saved rule-set version, written as
// the settings screen saves them.
import { prisma } from "~/db.server";
import { RuleSet, type RuleSetInput } from "~/automation/rules/rule-set";

const REQUEST_EVERYTHING: RuleSetInput = {
  rules: [{ id: "ship-all", name: "Ship everything", conditions: [], action: { type: "request" } }],
};

export async function turnOnAutomation(
  shop: string,
  rules: RuleSetInput = REQUEST_EVERYTHING,
  options: { quietPeriodMinutes?: number | null; paused?: boolean } = {},
): Promise<void> {
  const ruleSet = RuleSet.parse(rules);
  const current = await prisma.automationSettings.findUnique({ where: { shop } });
  const version = (current?.currentVersion ?? 0) + 1;
  await prisma.automationRuleSet.create({ data: { shop, version, rules: ruleSet } });
  const settings = {
    enabled: true,
    paused: options.paused ?? false,
    quietPeriodMinutes: options.quietPeriodMinutes === undefined ? 0 : options.quietPeriodMinutes,
    currentVersion: version,
  };
  await prisma.automationSettings.upsert({ where: { shop }, create: { shop, ...settings }, update: settings });
}

/** Every decision automation recorded for the shop, oldest first, as [outcome, status]. */
export async function decisionsOf(shop: string) {
  return prisma.automationDecision.findMany({ where: { shop }, orderBy: { createdAt: "asc" } });
}
