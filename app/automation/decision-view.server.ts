// Reads AutomationDecision rows for the FO page: the latest decision (the page's one line on
// why automation did or did not act) and the decisions its timeline interleaves with the FO's
// events. The runtime writes the rows (app/automation/runtime/); this only reads them.
import type { Prisma } from "@prisma/client";
import { prisma } from "~/db.server";
import { type AutomationDecisionView, type AutomationView, refusalOf } from "./decision-view";

/** The timeline shows the FO's last 100 events; as many decisions at most. */
const DECISIONS_SHOWN = 100;

const SELECT = {
  id: true,
  outcome: true,
  status: true,
  reason: true,
  ruleName: true,
  ruleVersion: true,
  createdAt: true,
  response: true,
} as const;

type Row = Prisma.AutomationDecisionGetPayload<{ select: typeof SELECT }>;

const toView = (row: Row): AutomationDecisionView => ({
  id: row.id,
  outcome: row.outcome,
  status: row.status,
  reason: row.reason,
  ruleName: row.ruleName,
  ruleVersion: row.ruleVersion,
  at: row.createdAt.toISOString(),
  refusal: refusalOf(row.status, row.response),
});

const newestFirst = [{ createdAt: "desc" as const }, { id: "desc" as const }];

export async function latestAutomationDecision(shop: string, foGid: string): Promise<AutomationDecisionView | null> {
  const row = await prisma.automationDecision.findFirst({
    where: { shop, fulfillmentOrderShopifyId: foGid },
    orderBy: newestFirst,
    select: SELECT,
  });
  return row ? toView(row) : null;
}

export async function automationDecisionsForTimeline(shop: string, foGid: string): Promise<AutomationDecisionView[]> {
  const rows = await prisma.automationDecision.findMany({
    where: { shop, fulfillmentOrderShopifyId: foGid },
    orderBy: newestFirst,
    take: DECISIONS_SHOWN,
    select: SELECT,
  });
  return rows.map(toView);
}

/** Automation's state for the shop and what it decided for this FO. */
export async function loadAutomationView(shop: string, foGid: string): Promise<AutomationView> {
  const [settings, latest, decisions] = await Promise.all([
    prisma.automationSettings.findUnique({ where: { shop }, select: { enabled: true, paused: true } }),
    latestAutomationDecision(shop, foGid),
    automationDecisionsForTimeline(shop, foGid),
  ]);
  const state = !settings?.enabled ? "off" : settings.paused ? "paused" : "on";
  return { state, latest, decisions };
}
