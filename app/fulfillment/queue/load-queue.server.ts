// The queue's data from the local ledger: the count of every tab and one page of FOs, always
// scoped by the session's shop. Portable Prisma only (no raw SQL): the same queries run on
// SQLite and Postgres. Index choices and their numbers: scripts/bench-queue.ts.
import type { Prisma } from "@prisma/client";
import { prisma } from "~/db.server";
import { OUR_HOLD_HANDLE_PREFIX } from "~/fulfillment/actions/contract";
import { decodeTags } from "~/fulfillment/ledger-diff";
import { encodeCursor, PAGE_SIZE, type QueueCursor, type QueueParams } from "./params";
import {
  matchesTab,
  PICKUP_DELIVERY_METHOD,
  QUEUE_TABS,
  type QueueTab,
  TAB_SPECS,
  tabOf,
  THIRD_PARTY_MARKER,
} from "./tabs";
import type { QueueLocationOption, QueueRow, QueueView } from "./types";

type Where = Prisma.FulfillmentOrderWhereInput;

const DAY_MS = 24 * 60 * 60_000;

/**
 * The tab's spec (tabs.ts) as Prisma filters, one per (status, request status) pair it allows:
 * each pair is an equality seek on [shop, status, requestStatus, openedAt] that reads rows
 * already in age order, where one IN list would make SQLite walk the shop's whole history by
 * age (the bench's oldest-first pages went from hundreds of ms to under one).
 */
export function tabWhereParts(tab: QueueTab): Where[] {
  const spec = TAB_SPECS[tab];
  const rest: Where[] = [];
  if (spec.thirdParty === true) rest.push({ supportedActions: { contains: THIRD_PARTY_MARKER } });
  if (spec.thirdParty === false) rest.push({ NOT: { supportedActions: { contains: THIRD_PARTY_MARKER } } });
  if (spec.pickup === true) rest.push({ deliveryMethod: PICKUP_DELIVERY_METHOD });
  // NULL never equals anything in SQL, so "not pickup" must let FOs without a method through.
  if (spec.pickup === false)
    rest.push({ OR: [{ deliveryMethod: null }, { deliveryMethod: { not: PICKUP_DELIVERY_METHOD } }] });
  const statuses: (string | null)[] = spec.statuses ? [...spec.statuses] : [null];
  const requests: (string | null)[] = spec.requestStatuses ? [...spec.requestStatuses] : [null];
  return statuses.flatMap((status) =>
    requests.map((requestStatus) => ({
      AND: [...(status ? [{ status }] : []), ...(requestStatus ? [{ requestStatus }] : []), ...rest],
    })),
  );
}

/** The whole tab as one Prisma filter. */
export const tabWhere = (tab: QueueTab): Where => ({ OR: tabWhereParts(tab) });

/** The order-level filters (tag, payment, search), or null when there are none. */
export function orderWhere(shop: string, params: QueueParams): Prisma.OrderWhereInput | null {
  const and: Prisma.OrderWhereInput[] = [];
  // Tags are stored as ",a,b," (ledger-diff.ts encodeTags), so ",tag," matches whole tags only.
  if (params.tag) and.push({ tags: { contains: `,${params.tag},` } });
  if (params.financialStatus) and.push({ displayFinancialStatus: params.financialStatus });
  if (params.query) {
    // "1001" or "#1001" is an order number: matched whole, so #1001 doesn't also find #11001.
    const number = /^#?(\d+)$/.exec(params.query)?.[1];
    and.push(number ? { name: `#${number}` } : { customerName: { contains: params.query } });
  }
  return and.length > 0 ? { AND: [{ shop }, ...and] } : null;
}

/**
 * Up to this many matching orders, their FOs are read by orderId (loadFromOrders) instead of
 * joining every FO of the shop to its order: a search for one order reads a handful of rows,
 * not the shop's whole history.
 */
export const ORDER_ID_LIST_LIMIT = 1_000;

type OrderScope = { kind: "none" } | { kind: "ids"; ids: string[] } | { kind: "join"; where: Prisma.OrderWhereInput };

async function orderScopeOf(shop: string, params: QueueParams): Promise<OrderScope> {
  const where = orderWhere(shop, params);
  if (!where) return { kind: "none" };
  // Ordered by an indexed column so SQLite needs no sort for the limit.
  const orders = await prisma.order.findMany({
    where,
    select: { id: true },
    orderBy: { placedAt: "desc" },
    take: ORDER_ID_LIST_LIMIT + 1,
  });
  if (orders.length > ORDER_ID_LIST_LIMIT) return { kind: "join", where };
  return { kind: "ids", ids: orders.map((order) => order.id) };
}

/** The shop and every filter but the tab and the cursor: what the tab counts share. */
export function filterWhere(shop: string, params: QueueParams, now: Date, scope: OrderScope): Where {
  const and: Where[] = [{ shop }];
  if (params.locationId) and.push({ locationShopifyId: params.locationId });
  if (params.deliveryMethod) and.push({ deliveryMethod: params.deliveryMethod });
  if (params.olderThanDays) and.push({ openedAt: { lte: new Date(now.getTime() - params.olderThanDays * DAY_MS) } });
  if (scope.kind === "ids") and.push({ orderId: { in: scope.ids } });
  if (scope.kind === "join") and.push({ order: scope.where });
  return { AND: and };
}

/** Strictly after (or before) the cursor in the list's order: openedAt, then id. */
function cursorWhere(cursor: QueueCursor, direction: "asc" | "desc"): Where {
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

function parseHolds(text: string): StoredHold[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? (value as StoredHold[]) : [];
  } catch {
    return [];
  }
}

function toRow(record: RowRecord): QueueRow {
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

function pageDirection(params: QueueParams): {
  direction: "asc" | "desc";
  goingBack: boolean;
  cursor: QueueCursor | null;
} {
  const forward = params.sort === "oldest" ? "asc" : "desc";
  const backward = forward === "asc" ? "desc" : "asc";
  // Paging back reads the list in reverse from the cursor, then turns the page the right way round.
  const goingBack = params.before !== null && params.after === null;
  return { direction: goingBack ? backward : forward, goingBack, cursor: goingBack ? params.before : params.after };
}

/** Up to PAGE_SIZE + 1 records, read in `direction` from the cursor, as the page and its cursors. */
function shapePage(records: RowRecord[], goingBack: boolean, cursor: QueueCursor | null) {
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

async function loadPage(filters: Where, params: QueueParams) {
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
async function loadLocations(shop: string): Promise<QueueLocationOption[]> {
  // Grouping by the id alone reads only the [shop, locationShopifyId] index; the names come from
  // one row per location (a shop has a handful).
  const groups = await prisma.fulfillmentOrder.groupBy({
    by: ["locationShopifyId"],
    where: { shop, locationShopifyId: { not: null } },
  });
  const named = await Promise.all(
    groups.map(async ({ locationShopifyId }) => {
      const id = locationShopifyId ?? "";
      const row = await prisma.fulfillmentOrder.findFirst({
        where: { shop, locationShopifyId: id },
        select: { locationName: true },
      });
      return { id, name: row?.locationName ?? id };
    }),
  );
  return named.sort((a, b) => a.name.localeCompare(b.name));
}

const DONE_STATUSES = [...(TAB_SPECS.done.statuses ?? [])];
/** Listed rather than "NOT IN done": an IN list lets SQLite seek the [shop, status, …] index. */
const WORKING_STATUSES = ["OPEN", "IN_PROGRESS", "SCHEDULED", "ON_HOLD", "INCOMPLETE"];

/**
 * The count of every tab, in two grouped queries rather than one count per tab: the working FOs
 * are grouped by the four fields the tab predicates read, and each group goes to its tab by the
 * same pure predicate the table test covers (tabs.ts), so counts and lists cannot disagree.
 */
async function countTabs(filters: Where): Promise<Record<QueueTab, number>> {
  const [working, done] = await Promise.all([
    prisma.fulfillmentOrder.groupBy({
      by: ["status", "requestStatus", "deliveryMethod", "supportedActions"],
      where: { AND: [filters, { status: { in: WORKING_STATUSES } }] },
      _count: { _all: true },
    }),
    prisma.fulfillmentOrder.groupBy({
      by: ["status"],
      where: { AND: [filters, { status: { in: DONE_STATUSES } }] },
      _count: { _all: true },
    }),
  ]);
  const counts = Object.fromEntries(QUEUE_TABS.map((tab) => [tab, 0])) as Record<QueueTab, number>;
  for (const group of working) {
    const tab = tabOf(group);
    if (tab) counts[tab] += group._count._all;
    counts.all += group._count._all;
  }
  for (const group of done) {
    counts.done += group._count._all;
    counts.all += group._count._all;
  }
  return counts;
}

/** filterWhere's conditions without its leading { shop }. */
function omitShop(where: Where): Where {
  const and = Array.isArray(where.AND) ? where.AND : [];
  return { AND: and.filter((part) => !(Object.keys(part).length === 1 && "shop" in part)) };
}

/** Prisma refuses queries with too many parameters: order ids go in lists of this many. */
const ID_CHUNK = 500;

/**
 * Up to ORDER_ID_LIST_LIMIT matching orders (a search, a tag, a payment state): read their FOs by
 * orderId (index probes, in chunks) and count and page them here with the same pure predicate,
 * instead of asking SQLite to join every FO of the shop to its order.
 */
async function loadFromOrders(shop: string, params: QueueParams, now: Date, orderIds: string[]) {
  const chunks: string[][] = [];
  for (let i = 0; i < orderIds.length; i += ID_CHUNK) chunks.push(orderIds.slice(i, i + ID_CHUNK));
  const candidates = (
    await Promise.all(
      chunks.map((ids) =>
        prisma.fulfillmentOrder.findMany({
          // The shop is checked on the rows below rather than in SQL: SQLite (no statistics)
          // would otherwise seek [shop, …] and scan the shop's whole history instead of
          // probing the orderId index. The order ids are the shop's own (orderScopeOf).
          where: { AND: [omitShop(filterWhere(shop, params, now, { kind: "ids", ids }))] },
          select: {
            shop: true,
            id: true,
            status: true,
            requestStatus: true,
            deliveryMethod: true,
            supportedActions: true,
            openedAt: true,
          },
        }),
      ),
    )
  )
    .flat()
    .filter((candidate) => candidate.shop === shop);
  const counts = Object.fromEntries(QUEUE_TABS.map((tab) => [tab, 0])) as Record<QueueTab, number>;
  for (const candidate of candidates) {
    const tab = tabOf(candidate);
    if (tab) counts[tab] += 1;
    counts.all += 1;
  }
  const { direction, goingBack, cursor } = pageDirection(params);
  const compare = compareRecords(direction);
  const beyond = (c: Positioned) => !cursor || compare(c, { openedAt: new Date(cursor.openedAt), id: cursor.id }) > 0;
  const wanted = candidates
    .filter((c) => matchesTab(params.tab, c) && beyond(c))
    .sort(compare)
    .slice(0, PAGE_SIZE + 1);
  // By primary key alone, for the reason above; these ids passed the shop check.
  const records = await prisma.fulfillmentOrder.findMany({
    where: { id: { in: wanted.map((c) => c.id) } },
    select: ROW_SELECT,
  });
  return { counts, page: shapePage(records.sort(compare), goingBack, cursor) };
}

export async function loadQueue(shop: string, params: QueueParams, options: { now?: Date } = {}): Promise<QueueView> {
  const now = options.now ?? new Date();
  const scope = await orderScopeOf(shop, params);
  const filters = filterWhere(shop, params, now, scope.kind === "ids" ? { kind: "none" } : scope);
  const [{ counts, page }, locations] = await Promise.all([
    scope.kind === "ids"
      ? loadFromOrders(shop, params, now, scope.ids)
      : Promise.all([countTabs(filters), loadPage(filters, params)]).then(([counts, page]) => ({ counts, page })),
    loadLocations(shop),
  ]);
  return { params, counts, ...page, locations, now: now.toISOString() };
}
