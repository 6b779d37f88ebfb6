// The rule simulator: what a rule set would have decided for every FO the ledger saw opened in a
// window, replayed on the ledger's history with the same facts readers, quiet period and decide()
// as live automation (runtime/). Bounded: the window is read in keyset pages of BATCH_SIZE FOs;
// a run keeps only the counts and the first page of rows; later pages replay from their cursor.
import { fromJsonColumn, type JsonColumn } from "~/db/json-column";
import type { Prisma } from "@prisma/client";
import { prisma } from "~/db.server";
import { decodeCursor, encodeCursor, type WorklistCursor } from "~/fulfillment/worklist/params";
import { effectiveQuietPeriod, fulfillmentOrderFactsOf, orderFactsOf } from "../runtime/facts.server";
import { decide } from "../rules/decide";
import type { Decision } from "../rules/decision";
import type { RuleSet } from "../rules/rule-set";
import { type ReplaySource, reconstructInput, type SplitOffLine } from "./reconstruct";
import { countDecision, type DryRunRow, type DryRunSummary, emptySummary, rowOf } from "./summary";

/** FOs read per query: enough to amortise the round trips, small enough to stay in memory. */
export const BATCH_SIZE = 500;
/** Rows per page of the list. */
export const PAGE_SIZE = 50;

/**
 * Lineage reasons whose child holds lines its parent had when it was routed: the child is part of
 * the parent's replay (its lines are folded back), never replayed on its own, or its lines would
 * be decided twice. "inferred" counts only for a child opened after its parent (FOs routed
 * together to two locations may share an order line and are each routed on their own).
 */
const SPLIT_REASONS = new Set(["split", "moved", "partial_request", "partial_hold"]);

export interface DryRunRules {
  ruleSet: RuleSet;
  /** The saved version replayed, or null for an unsaved draft. */
  version: number | null;
}

interface DryRunWindow {
  from: Date;
  until: Date;
}

interface ReplayedFulfillmentOrder {
  row: DryRunRow;
  decision: Decision;
  cursor: string;
}

type FoRecord = Prisma.FulfillmentOrderGetPayload<{ include: { order: true } }>;
type FoRow = Prisma.FulfillmentOrderGetPayload<object>;

/**
 * Every FO opened in the window, after `after`, in (openedAt, id) order, decided by `rules` as it
 * stood when it was created. Lineage children split off after routing are yielded as `null`
 * (counted as folded), so a caller can count them without their own decision.
 */
export async function* replayWindow(
  shop: string,
  window: DryRunWindow,
  rules: DryRunRules,
  quietPeriodMinutes: number | null,
  after: WorklistCursor | null = null,
  batchSize: number = BATCH_SIZE,
): AsyncGenerator<ReplayedFulfillmentOrder | { folded: true; cursor: string }> {
  let cursor = after;
  for (;;) {
    const batch: FoRecord[] = await prisma.fulfillmentOrder.findMany({
      where: {
        shop,
        openedAt: { gte: window.from, lt: window.until },
        ...(cursor
          ? {
              OR: [
                { openedAt: { gt: new Date(cursor.openedAt) } },
                { openedAt: new Date(cursor.openedAt), id: { gt: cursor.id } },
              ],
            }
          : {}),
      },
      include: { order: true },
      orderBy: [{ openedAt: "asc" }, { id: "asc" }],
      take: batchSize,
    });
    if (batch.length === 0) return;
    const context = await loadBatchContext(shop, batch);
    const quiet = await quietPeriodsOf(shop, quietPeriodMinutes, batch);
    for (const [index, record] of batch.entries()) {
      const position = encodeCursor({ openedAt: record.openedAt.toISOString(), id: record.id });
      if (isSplitOff(record, context.parentOpenedAt)) {
        yield { folded: true, cursor: position };
        continue;
      }
      const fulfillmentOrder = fulfillmentOrderFactsOf(record);
      const source: ReplaySource = {
        fulfillmentOrder,
        totalQuantities: totalQuantitiesOf(record.lineItems),
        order: orderFactsOf(record.order),
        history: context.history.get(record.id) ?? [],
        splitOff: splitOffLines(record.shopifyId, context),
        quietPeriodMinutes: quiet[index]!,
      };
      const { input, moved } = reconstructInput(source);
      const decision = decide(input, rules.ruleSet, rules.version ?? 0);
      yield { row: rowOf(fulfillmentOrder, record.order.name, decision, moved), decision, cursor: position };
    }
    if (batch.length < batchSize) return;
    const last = batch[batch.length - 1]!;
    cursor = { openedAt: last.openedAt.toISOString(), id: last.id };
  }
}

/** How many FOs a run will read (the progress bar's whole). */
export function countWindow(shop: string, window: DryRunWindow): Promise<number> {
  return prisma.fulfillmentOrder.count({ where: { shop, openedAt: { gte: window.from, lt: window.until } } });
}

interface DryRunResult {
  summary: DryRunSummary;
  rows: DryRunRow[];
  /** The cursor after the last row shown, when more rows follow. */
  nextCursor: string | null;
}

/** The whole window: counts over every FO, and the first page of rows. */
export async function runDryRun(
  shop: string,
  window: DryRunWindow,
  rules: DryRunRules,
  quietPeriodMinutes: number | null,
  onProgress?: (replayed: number) => void,
): Promise<DryRunResult> {
  const summary = emptySummary(rules.ruleSet.rules);
  const rows: DryRunRow[] = [];
  let pageEnd: string | null = null;
  let more = false;
  let seen = 0;
  for await (const item of replayWindow(shop, window, rules, quietPeriodMinutes)) {
    seen += 1;
    if (seen % BATCH_SIZE === 0) onProgress?.(seen);
    if ("folded" in item) {
      summary.folded += 1;
      continue;
    }
    countDecision(summary, item.decision);
    if (rows.length < PAGE_SIZE) {
      rows.push(item.row);
      pageEnd = item.cursor;
    } else more = true;
  }
  return { summary, rows, nextCursor: more ? pageEnd : null };
}

/** One page of rows after `after` (the counts come from the run that showed the first page). */
export async function dryRunPage(
  shop: string,
  window: DryRunWindow,
  rules: DryRunRules,
  quietPeriodMinutes: number | null,
  after: string,
): Promise<{ rows: DryRunRow[]; nextCursor: string | null }> {
  const rows: DryRunRow[] = [];
  let last: string | null = null;
  // A page needs PAGE_SIZE rows and one more to know a next page exists (more if some are folded).
  const replay = replayWindow(shop, window, rules, quietPeriodMinutes, decodeCursor(after), PAGE_SIZE + 1);
  for await (const item of replay) {
    if ("folded" in item) continue;
    if (rows.length === PAGE_SIZE) return { rows, nextCursor: last };
    rows.push(item.row);
    last = item.cursor;
  }
  return { rows, nextCursor: null };
}

interface BatchContext {
  history: Map<string, { kind: string; fromValue: string | null; toValue: string | null; at: Date }[]>;
  /** Split-off lineage children of the batch's orders' FOs, by parent GID. */
  children: Map<string, FoRow[]>;
  parentOpenedAt: Map<string, Date>;
}

/** Two reads per batch: the batch's history, and every FO of the batch's orders (for lineage). */
async function loadBatchContext(shop: string, batch: FoRecord[]): Promise<BatchContext> {
  const events = await prisma.fulfillmentOrderEvent.findMany({
    where: {
      shop,
      fulfillmentOrderId: { in: batch.map((r) => r.id) },
      kind: { in: ["created", "status", "request_status", "holds", "location"] },
    },
    select: { fulfillmentOrderId: true, kind: true, fromValue: true, toValue: true, at: true },
    orderBy: [{ at: "asc" }, { id: "asc" }],
  });
  const history: BatchContext["history"] = new Map();
  for (const { fulfillmentOrderId, ...event } of events) {
    const list = history.get(fulfillmentOrderId) ?? [];
    list.push(event);
    history.set(fulfillmentOrderId, list);
  }

  // Every descendant shares its root's order: one read by order (indexed), the tree built here.
  const relatives = await prisma.fulfillmentOrder.findMany({
    where: { shop, orderShopifyId: { in: [...new Set(batch.map((r) => r.orderShopifyId))] } },
  });
  const opened = new Map(relatives.map((r) => [r.shopifyId, r.openedAt]));
  const children: BatchContext["children"] = new Map();
  for (const child of relatives) {
    if (!isSplitOff(child, opened)) continue;
    const list = children.get(child.parentShopifyId!) ?? [];
    list.push(child);
    children.set(child.parentShopifyId!, list);
  }

  return { history, children, parentOpenedAt: opened };
}

function isSplitOff(
  fo: { parentShopifyId: string | null; lineageReason: string | null; openedAt: Date },
  parentOpenedAt: ReadonlyMap<string, Date>,
): boolean {
  if (!fo.parentShopifyId || !fo.lineageReason) return false;
  if (SPLIT_REASONS.has(fo.lineageReason)) return true;
  const parentOpened = parentOpenedAt.get(fo.parentShopifyId);
  return fo.lineageReason === "inferred" && parentOpened !== undefined && fo.openedAt > parentOpened;
}

/** The lines of every split-off descendant of `shopifyId`, at their totals. */
function splitOffLines(shopifyId: string, context: BatchContext, seen = new Set([shopifyId])): SplitOffLine[] {
  // A lineage loop cannot come from Shopify; the set only keeps a corrupt row from recursing forever.
  const children = (context.children.get(shopifyId) ?? []).filter((child) => !seen.has(child.shopifyId));
  children.forEach((child) => seen.add(child.shopifyId));
  return children.flatMap((child) => {
    const totals = totalQuantitiesOf(child.lineItems);
    return [
      ...fulfillmentOrderFactsOf(child).lines.map((line) => ({ ...line, totalQuantity: totals.get(line.id) ?? 0 })),
      ...splitOffLines(child.shopifyId, context, seen),
    ];
  });
}

const totalQuantitiesOf = (stored: JsonColumn): Map<string, number> =>
  new Map(fromJsonColumn<{ id: string; totalQuantity: number }[]>(stored).map((l) => [l.id, l.totalQuantity]));

/**
 * Live automation's quiet period at each FO's openedAt (the batch is in openedAt order). Asked at
 * the batch's first and last moment: effectiveQuietPeriod only changes once as time goes on (the
 * post-purchase evidence leaves its 30-day look-back), so equal ends mean the whole batch; only the
 * batch where it changes asks FO by FO. Two reads per batch instead of one per FO.
 */
async function quietPeriodsOf(shop: string, configured: number | null, batch: FoRecord[]): Promise<number[]> {
  const first = await effectiveQuietPeriod(shop, configured, batch[0]!.openedAt);
  const last = await effectiveQuietPeriod(shop, configured, batch[batch.length - 1]!.openedAt);
  if (first === last) return batch.map(() => first);
  const periods: number[] = [];
  for (const record of batch) periods.push(await effectiveQuietPeriod(shop, configured, record.openedAt));
  return periods;
}
