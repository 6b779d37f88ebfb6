// The worklist's data from the local ledger: the count of every tab and one page of FOs, always
// scoped by the session's shop. Portable Prisma only (no raw SQL): the same queries run on
// SQLite and Postgres. Every filter reads FulfillmentOrder alone: the order's fields it filters
// on are copied onto the FO at refresh time (order-filter-fields.ts). Index choices and their
// numbers: docs/benchmarks.md#benchworklist.
import { type JsonColumn } from "~/db/json-column";
import type { Prisma } from "@prisma/client";
import { isPostgresUrl } from "~/db/database-url";
import { prisma } from "~/db.server";
import { env } from "~/env.server";
import { OUR_HOLD_HANDLE_PREFIX } from "~/fulfillment/actions/contract";
import { rejectionOf } from "~/fulfillment/detail/derive";
import { decodeTags } from "~/fulfillment/ledger-diff";
import { searchKey } from "~/fulfillment/order-filter-fields";
import { encodeCursor, PAGE_SIZE, WORKLIST_COUNT_LIMIT, type WorklistCursor, type WorklistParams } from "./params";
import { matchesTab, PICKUP_DELIVERY_METHOD, WORKLIST_TABS, type WorklistTab, TAB_SPECS, tabOf } from "./tabs";
import type { WorklistLocationOption, WorklistRow, WorklistView } from "./types";

type Where = Prisma.FulfillmentOrderWhereInput;

const DAY_MS = 24 * 60 * 60_000;

/**
 * The tab's spec (tabs.ts) as Prisma filters, one per (status, request status) pair it allows:
 * each pair is an equality seek on [shop, status, requestStatus, openedAt] that reads rows
 * already in age order, where one IN list would make SQLite walk the shop's whole history by
 * age (the bench's oldest-first pages went from hundreds of ms to under one).
 */
function tabWhereParts(tab: WorklistTab): Where[] {
  const spec = TAB_SPECS[tab];
  const rest = tabRest(tab);
  const statuses: (string | null)[] = spec.statuses ? [...spec.statuses] : [null];
  const requests: (string | null)[] = spec.requestStatuses ? [...spec.requestStatuses] : [null];
  return statuses.flatMap((status) =>
    requests.map((requestStatus) => ({
      AND: [...(status ? [{ status }] : []), ...(requestStatus ? [{ requestStatus }] : []), ...rest],
    })),
  );
}

/** The tab's conditions besides its statuses: 3PL or not, pickup or not. */
function tabRest(tab: WorklistTab): Where[] {
  const spec = TAB_SPECS[tab];
  const rest: Where[] = [];
  if (spec.thirdParty !== null) rest.push({ thirdParty: spec.thirdParty });
  if (spec.pickup === true) rest.push({ deliveryMethod: PICKUP_DELIVERY_METHOD });
  // NULL never equals anything in SQL, so "not pickup" must let FOs without a method through.
  if (spec.pickup === false)
    rest.push({ OR: [{ deliveryMethod: null }, { deliveryMethod: { not: PICKUP_DELIVERY_METHOD } }] });
  return rest;
}

/** The shop and every filter but the tab and the cursor: what the tab counts share. */
function filterWhere(shop: string, params: WorklistParams, now: Date): Where {
  const and: Where[] = [{ shop }];
  if (params.locationId) and.push({ locationShopifyId: params.locationId });
  if (params.deliveryMethod) and.push({ deliveryMethod: params.deliveryMethod });
  if (params.olderThanDays) and.push({ openedAt: { lte: new Date(now.getTime() - params.olderThanDays * DAY_MS) } });
  // Tags are stored as ",a,b," (as search keys), so ",tag," matches whole tags only.
  if (params.tag) and.push({ orderTags: { contains: `,${searchKey(params.tag)},` } });
  if (params.financialStatus) and.push({ orderFinancialStatus: params.financialStatus });
  const orderName = orderNameSearched(params);
  if (orderName) and.push({ orderName });
  else if (params.query) and.push({ customerSearch: { contains: searchKey(params.query) } });
  return { AND: and };
}

/** "1001" or "#1001" is an order number: matched whole, so #1001 doesn't also find #11001. */
function orderNameSearched(params: WorklistParams): string | null {
  const number = params.query ? /^#?(\d+)$/.exec(params.query)?.[1] : undefined;
  return number ? `#${number}` : null;
}

/** Strictly after (or before) the cursor in the list's order: openedAt, then id. */
function cursorWhere(cursor: WorklistCursor, direction: "asc" | "desc"): Where {
  const openedAt = new Date(cursor.openedAt);
  const beyond = direction === "asc" ? "gt" : "lt";
  return {
    OR: [{ openedAt: { [beyond]: openedAt } }, { openedAt, id: { [beyond]: cursor.id } }],
  };
}

const ROW_SELECT = {
  id: true,
  shopifyId: true,
  status: true,
  requestStatus: true,
  deliveryMethod: true,
  locationName: true,
  holds: true,
  remainingQuantity: true,
  rejectionReason: true,
  rejectionMessage: true,
  openedAt: true,
  shopifyUpdatedAt: true,
  order: { select: { name: true, customerName: true, displayFinancialStatus: true, tags: true } },
} satisfies Prisma.FulfillmentOrderSelect;

type RowRecord = Prisma.FulfillmentOrderGetPayload<{ select: typeof ROW_SELECT }>;

interface StoredHold {
  reason?: string;
  handle?: string | null;
  heldByRequestingApp?: boolean;
}

const parseHolds = (value: JsonColumn): StoredHold[] => (Array.isArray(value) ? (value as StoredHold[]) : []);

function toRow(record: RowRecord): WorklistRow {
  const holds = parseHolds(record.holds);
  return {
    id: record.shopifyId,
    orderName: record.order.name,
    customerName: record.order.customerName,
    financialStatus: record.order.displayFinancialStatus,
    tags: decodeTags(record.order.tags),
    status: record.status,
    requestStatus: record.requestStatus,
    deliveryMethod: record.deliveryMethod,
    locationName: record.locationName,
    holdReasons: holds.map((hold) => hold.reason ?? "OTHER"),
    heldByUs: holds.some(
      (hold) => hold.heldByRequestingApp === true || Boolean(hold.handle?.startsWith(OUR_HOLD_HANDLE_PREFIX)),
    ),
    remainingQuantity: record.remainingQuantity,
    rejection: rejectionOf(record),
    openedAt: record.openedAt.toISOString(),
    shopifyUpdatedAt: record.shopifyUpdatedAt.toISOString(),
  };
}

const cursorOf = (record: RowRecord) => encodeCursor({ openedAt: record.openedAt.toISOString(), id: record.id });

type Positioned = Pick<RowRecord, "openedAt" | "id">;

const compareRecords = (direction: "asc" | "desc") => (a: Positioned, b: Positioned) => {
  const order = a.openedAt.getTime() - b.openedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return direction === "asc" ? order : -order;
};

function pageDirection(params: WorklistParams): {
  direction: "asc" | "desc";
  goingBack: boolean;
  cursor: WorklistCursor | null;
} {
  const forward = params.sort === "oldest" ? "asc" : "desc";
  const backward = forward === "asc" ? "desc" : "asc";
  // Paging back reads the list in reverse from the cursor, then turns the page the right way round.
  const goingBack = params.before !== null && params.after === null;
  return { direction: goingBack ? backward : forward, goingBack, cursor: goingBack ? params.before : params.after };
}

/** Up to PAGE_SIZE + 1 records, read in `direction` from the cursor, as the page and its cursors. */
function shapePage(records: RowRecord[], goingBack: boolean, cursor: WorklistCursor | null) {
  const more = records.length > PAGE_SIZE;
  const page = records.slice(0, PAGE_SIZE);
  if (goingBack) page.reverse();
  const first = page[0];
  const last = page.at(-1);
  return {
    rows: page.map(toRow),
    nextCursor: last && (goingBack || more) ? cursorOf(last) : null,
    previousCursor: first && (goingBack ? more : cursor !== null) ? cursorOf(first) : null,
  };
}

async function loadPage(filters: Where, params: WorklistParams) {
  const { direction, goingBack, cursor } = pageDirection(params);
  // One small ordered read per (status, request status) pair, merged here: see tabWhereParts.
  const parts = await Promise.all(
    tabWhereParts(params.tab).map((part) =>
      prisma.fulfillmentOrder.findMany({
        where: { AND: [filters, part, ...(cursor ? [cursorWhere(cursor, direction)] : [])] },
        orderBy: [{ openedAt: direction }, { id: direction }],
        take: PAGE_SIZE + 1,
        select: ROW_SELECT,
      }),
    ),
  );
  return shapePage(
    parts
      .flat()
      .sort(compareRecords(direction))
      .slice(0, PAGE_SIZE + 1),
    goingBack,
    cursor,
  );
}

/** The locations the shop's FOs are assigned to, for the location filter. */
export async function loadLocations(shop: string): Promise<WorklistLocationOption[]> {
  // A skip scan, one index seek per location on [shop, locationShopifyId]: "the next location id
  // after the last one". A GROUP BY reads every FO of the shop's history (242 ms for 600,000 FOs on
  // PostgreSQL, docs/benchmarks.md#benchworklist); a shop has a handful of locations.
  const locations: WorklistLocationOption[] = [];
  let after: string | null = null;
  for (;;) {
    const next: { locationShopifyId: string | null; locationName: string | null } | null =
      await prisma.fulfillmentOrder.findFirst({
        where: { shop, locationShopifyId: after === null ? { not: null } : { gt: after } },
        orderBy: { locationShopifyId: "asc" },
        select: { locationShopifyId: true, locationName: true },
      });
    if (!next?.locationShopifyId) break;
    after = next.locationShopifyId;
    locations.push({ id: after, name: next.locationName ?? after });
  }
  return locations.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Every tab's count, exact up to countLimit; past it, countLimit + 1 ("1,000+"), ADR 0040.
 * PostgreSQL: one count per tab with a LIMIT of countLimit + 1 rows, so a count costs at most that
 * many index entries however long the shop's history (counting whole, the Done tab of a 600,000-FO
 * shop took 780 ms). SQLite: the two grouped counts it had, capped afterwards: in-process, they read
 * its covering index in 76 ms at worst for 60,000 FOs, where eight LIMITed counts took up to 639 ms
 * (docs/benchmarks.md#benchworklist).
 */
async function countTabs(filters: Where, countLimit: number): Promise<Record<WorklistTab, number>> {
  if (!isPostgresUrl(env.DATABASE_URL)) return capCounts(await countTabsGrouped(filters), countLimit);
  const counts = await Promise.all(
    WORKLIST_TABS.map((tab) =>
      prisma.fulfillmentOrder.count({
        where: { AND: [filters, tabWhere(tab)] },
        // Without an order Prisma orders the LIMITed rows by id, which sorts every match first;
        // the shop is fixed by the filter, so ordering by it asks for nothing and the LIMIT stops early.
        orderBy: { shop: "asc" },
        take: countLimit + 1,
      }),
    ),
  );
  return Object.fromEntries(WORKLIST_TABS.map((tab, index) => [tab, counts[index]!])) as Record<WorklistTab, number>;
}

const DONE_STATUSES = [...(TAB_SPECS.done.statuses ?? [])];
/** Listed rather than "NOT IN done": an IN list lets SQLite seek the [shop, status, …] index. */
const WORKING_STATUSES = ["OPEN", "IN_PROGRESS", "SCHEDULED", "ON_HOLD", "INCOMPLETE"];

/**
 * Exact counts in two grouped queries: the working FOs grouped by the four fields the tab
 * predicates read, each group sent to its tab by the same pure predicate the table test covers
 * (tabs.ts), so counts and lists cannot disagree.
 */
async function countTabsGrouped(filters: Where): Promise<Record<WorklistTab, number>> {
  const [working, done] = await Promise.all([
    prisma.fulfillmentOrder.groupBy({
      by: ["status", "requestStatus", "deliveryMethod", "thirdParty"],
      where: { AND: [filters, { status: { in: WORKING_STATUSES } }] },
      _count: { _all: true },
    }),
    prisma.fulfillmentOrder.groupBy({
      by: ["status"],
      where: { AND: [filters, { status: { in: DONE_STATUSES } }] },
      _count: { _all: true },
    }),
  ]);
  return tallyTabs([
    ...working.map((group) => ({ tab: tabOf(group), count: group._count._all })),
    ...done.map((group) => ({ tab: "done" as const, count: group._count._all })),
  ]);
}

/** The tab's spec (tabs.ts) as one Prisma filter. */
function tabWhere(tab: WorklistTab): Where {
  const spec = TAB_SPECS[tab];
  const and: Where[] = [];
  if (spec.statuses) and.push({ status: { in: [...spec.statuses] } });
  if (spec.requestStatuses) and.push({ requestStatus: { in: [...spec.requestStatuses] } });
  return { AND: [...and, ...tabRest(tab)] };
}

/** Every tab's count from FOs (or groups of them) already assigned to their tab; "All" counts each. */
function tallyTabs(entries: readonly { tab: WorklistTab | null; count: number }[]): Record<WorklistTab, number> {
  const counts = Object.fromEntries(WORKLIST_TABS.map((tab) => [tab, 0])) as Record<WorklistTab, number>;
  for (const { tab, count } of entries) {
    if (tab) counts[tab] += count;
    counts.all += count;
  }
  return counts;
}

const capCounts = (counts: Record<WorklistTab, number>, countLimit: number) =>
  Object.fromEntries(WORKLIST_TABS.map((tab) => [tab, Math.min(counts[tab], countLimit + 1)])) as Record<
    WorklistTab,
    number
  >;

/** More FOs than one order ever has: the in-memory read below is bounded. */
const ONE_ORDER_FO_LIMIT = 500;

/**
 * An order-number search names one order, and an order has a handful of FOs: they are read whole
 * by [shop, orderName] and counted and paged here with the tabs' own predicate. Asked for an
 * ordered page, SQLite (no statistics) would rather walk the shop's history by age than sort three
 * rows (docs/benchmarks.md#benchworklist).
 */
async function loadOneOrder(filters: Where, params: WorklistParams, countLimit: number) {
  const records = await prisma.fulfillmentOrder.findMany({
    where: filters,
    select: { ...ROW_SELECT, thirdParty: true },
    take: ONE_ORDER_FO_LIMIT,
  });
  // Capped as countTabs caps, so the screen reads every count the same way.
  const counts = capCounts(tallyTabs(records.map((record) => ({ tab: tabOf(record), count: 1 }))), countLimit);
  const { direction, goingBack, cursor } = pageDirection(params);
  const compare = compareRecords(direction);
  const position = cursor && { openedAt: new Date(cursor.openedAt), id: cursor.id };
  const page = records
    .filter((record) => matchesTab(params.tab, record) && (!position || compare(record, position) > 0))
    .sort(compare)
    .slice(0, PAGE_SIZE + 1);
  return { counts, page: shapePage(page, goingBack, cursor) };
}

export async function loadWorklist(
  shop: string,
  params: WorklistParams,
  options: { now?: Date; countLimit?: number } = {},
): Promise<WorklistView> {
  const now = options.now ?? new Date();
  const countLimit = options.countLimit ?? WORKLIST_COUNT_LIMIT;
  const filters = filterWhere(shop, params, now);
  const [{ counts, page }, locations] = await Promise.all([
    orderNameSearched(params)
      ? loadOneOrder(filters, params, countLimit)
      : Promise.all([countTabs(filters, countLimit), loadPage(filters, params)]).then(([counts, page]) => ({
          counts,
          page,
        })),
    loadLocations(shop),
  ]);
  return { params, counts, countLimit, ...page, locations, now: now.toISOString() };
}
