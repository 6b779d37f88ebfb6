// The automation activity feed: AutomationDecision rows, newest first, filtered by rule,
// outcome, status and days in the shop's time zone, a page at a time by (createdAt, id) cursor.
import { type JsonColumn } from "~/db/json-column";
import type { Prisma } from "@prisma/client";
import { z } from "zod";
import { prisma } from "~/db.server";
import type { AdminGraphql } from "~/shopify/admin/run-operation.server";
import { shopFormatFor } from "~/shops/shop-details.server";
import { ACTIVITY_PAGE_SIZE, type ActivityParams, endOfDayIn, startOfDayIn } from "./activity-params";
import type { ActivityView, DecisionRow } from "./activity-views";

/** Where the runtime writes Shopify's refusal: `{ userErrors: [{ message }] }` or `{ message }`. */
const Refusal = z.union([
  z.object({ userErrors: z.array(z.object({ message: z.string() })).min(1) }),
  z.object({ message: z.string() }),
  z.object({ response: z.object({ userErrors: z.array(z.object({ message: z.string() })).min(1) }) }),
]);

/** The messages Shopify refused with, or null when the record holds none we can read. */
export function shopifyAnswerOf(status: string, response: JsonColumn): string | null {
  if (status !== "refused") return null;
  const parsed = Refusal.safeParse(response);
  if (!parsed.success) return null;
  const value = parsed.data;
  if ("message" in value) return value.message;
  const errors = "userErrors" in value ? value.userErrors : value.response.userErrors;
  return errors.map((e) => e.message).join(" ");
}

const ORDER_NEWEST_FIRST: Prisma.AutomationDecisionOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];
const ORDER_OLDEST_FIRST: Prisma.AutomationDecisionOrderByWithRelationInput[] = [{ createdAt: "asc" }, { id: "asc" }];

function whereOf(shop: string, params: ActivityParams, timeZone: string): Prisma.AutomationDecisionWhereInput {
  const and: Prisma.AutomationDecisionWhereInput[] = [{ shop }];
  if (params.ruleId) and.push({ ruleId: params.ruleId });
  if (params.outcome) and.push({ outcome: params.outcome });
  if (params.status) and.push({ status: params.status });
  if (params.from) and.push({ createdAt: { gte: startOfDayIn(params.from, timeZone) } });
  if (params.to) and.push({ createdAt: { lt: endOfDayIn(params.to, timeZone) } });
  const cursor = params.after ?? params.before;
  if (cursor) {
    const at = new Date(cursor.at);
    const past = params.after ? "lt" : "gt";
    and.push({ OR: [{ createdAt: { [past]: at } }, { createdAt: at, id: { [past]: cursor.id } }] });
  }
  return { AND: and };
}

type Row = Awaited<ReturnType<typeof prisma.automationDecision.findFirstOrThrow>>;

const toRow = (r: Row): DecisionRow => ({
  id: r.id,
  createdAt: r.createdAt.toISOString(),
  orderName: r.orderName,
  fulfillmentOrderId: r.fulfillmentOrderShopifyId,
  outcome: r.outcome,
  status: r.status,
  ruleId: r.ruleId,
  ruleName: r.ruleName,
  ruleVersion: r.ruleVersion,
  reason: r.reason,
  shopifyAnswer: shopifyAnswerOf(r.status, r.response),
});

const cursorOf = (row: DecisionRow) => ({ at: row.createdAt, id: row.id });

async function listAutomationDecisions(shop: string, params: ActivityParams, timeZone: string): Promise<ActivityView> {
  const backwards = params.before !== null;
  const [found, rules] = await Promise.all([
    prisma.automationDecision.findMany({
      where: whereOf(shop, params, timeZone),
      orderBy: backwards ? ORDER_OLDEST_FIRST : ORDER_NEWEST_FIRST,
      take: ACTIVITY_PAGE_SIZE + 1,
    }),
    decisionRules(shop),
  ]);
  const more = found.length > ACTIVITY_PAGE_SIZE;
  const page = found.slice(0, ACTIVITY_PAGE_SIZE).map(toRow);
  const rows = backwards ? page.reverse() : page;
  const first = rows[0];
  const last = rows[rows.length - 1];
  // Paging back from a cursor means there are newer (or older) rows on the other side of it.
  const hasNewer = backwards ? more : params.after !== null;
  const hasOlder = backwards ? true : more;
  return {
    params,
    rows,
    next: hasOlder && last ? cursorOf(last) : null,
    previous: hasNewer && first ? cursorOf(first) : null,
    rules,
    timeZone,
  };
}

/** The feed in the shop's time zone (its days are the shop's days). */
export async function loadAutomationActivity(
  graphql: AdminGraphql,
  shop: string,
  params: ActivityParams,
): Promise<ActivityView> {
  const { timeZone } = await shopFormatFor(graphql, shop);
  return listAutomationDecisions(shop, params, timeZone);
}

/** Each rule the shop's decisions name, under its latest name. */
async function decisionRules(shop: string): Promise<{ id: string; name: string }[]> {
  const groups = await prisma.automationDecision.groupBy({
    by: ["ruleId", "ruleName"],
    where: { shop, ruleId: { not: null } },
    _max: { createdAt: true },
  });
  const latest = new Map<string, { name: string; at: number }>();
  for (const g of groups) {
    const at = g._max.createdAt?.getTime() ?? 0;
    const seen = latest.get(g.ruleId!);
    if (!seen || at > seen.at) latest.set(g.ruleId!, { name: g.ruleName ?? g.ruleId!, at });
  }
  return [...latest.entries()].map(([id, { name }]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}
