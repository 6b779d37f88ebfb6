// The worklist's filters, sort and cursor as URL search params: parsed leniently (a bad value is
// dropped, never a 400, so an old bookmark still opens), and written back for links. Pure: the
// UI builds its links with the same functions the loader parses with.
import { DEFAULT_TAB, parseTab, type WorklistTab } from "./tabs";

/** "Older than N days", by when the FO opened. */
export const AGE_FILTER_DAYS = [1, 3, 7] as const;
export type AgeFilterDays = (typeof AGE_FILTER_DAYS)[number];

/** https://shopify.dev/docs/api/admin-graphql/latest/enums/DeliveryMethodType */
export const DELIVERY_METHODS = ["SHIPPING", "PICK_UP", "LOCAL", "PICKUP_POINT", "RETAIL", "NONE"] as const;

/** https://shopify.dev/docs/api/admin-graphql/latest/enums/OrderDisplayFinancialStatus */
export const FINANCIAL_STATUSES = [
  "PAID",
  "PENDING",
  "AUTHORIZED",
  "PARTIALLY_PAID",
  "PARTIALLY_REFUNDED",
  "REFUNDED",
  "VOIDED",
  "EXPIRED",
] as const;

const SORT_ORDERS = ["oldest", "newest"] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export const PAGE_SIZE = 25;

/**
 * The most a tab's count says exactly; above it the tab says "1,000+". Counting reads every row
 * counted, and a shop's Done tab grows without end (docs/benchmarks.md#benchworklist).
 */
export const WORKLIST_COUNT_LIMIT = 1_000;

/** A position in the list: the FO's openedAt and row id, the two keys it is sorted by. */
export interface WorklistCursor {
  openedAt: string;
  id: string;
}

export interface WorklistParams {
  tab: WorklistTab;
  locationId: string | null;
  deliveryMethod: string | null;
  olderThanDays: AgeFilterDays | null;
  tag: string | null;
  financialStatus: string | null;
  /** Order name ("#1001", "1001") or customer name. */
  query: string | null;
  sort: SortOrder;
  after: WorklistCursor | null;
  before: WorklistCursor | null;
}

/** Every filter off (the tab, sort and cursor are not filters). */
export const NO_FILTERS = {
  locationId: null,
  deliveryMethod: null,
  olderThanDays: null,
  tag: null,
  financialStatus: null,
  query: null,
} satisfies Partial<WorklistParams>;

export const DEFAULT_PARAMS: WorklistParams = {
  tab: DEFAULT_TAB,
  ...NO_FILTERS,
  sort: "oldest",
  after: null,
  before: null,
};

const CURSOR_SEPARATOR = "~";

export const encodeCursor = (cursor: WorklistCursor) => `${cursor.openedAt}${CURSOR_SEPARATOR}${cursor.id}`;

export function decodeCursor(value: string | null): WorklistCursor | null {
  if (!value) return null;
  const at = value.indexOf(CURSOR_SEPARATOR);
  if (at < 0) return null;
  const openedAt = value.slice(0, at);
  const id = value.slice(at + 1);
  if (!id || Number.isNaN(Date.parse(openedAt))) return null;
  return { openedAt: new Date(openedAt).toISOString(), id };
}

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | null =>
  values.find((candidate) => candidate === value) ?? null;

/** Order names and customer names are short; a longer search is a paste gone wrong. */
const QUERY_MAX_LENGTH = 100;
/** A tag can have up to 255 characters (https://shopify.dev/docs/api/admin-graphql/latest/objects/Order#field-tags). */
const TAG_MAX_LENGTH = 255;

/** Why a typed search or tag is refused (the screen says so next to it; nothing is applied). */
export type FilterProblem = "too-long" | "comma";
export interface FilterProblems {
  query: FilterProblem | null;
  tag: FilterProblem | null;
}

export const queryProblem = (value: string): FilterProblem | null =>
  value.trim().length > QUERY_MAX_LENGTH ? "too-long" : null;

/** The ledger stores tags as ",a,b,": a tag with a comma in it could match across two tags. */
export const tagProblem = (value: string): FilterProblem | null => {
  const tag = value.trim();
  if (tag.length > TAG_MAX_LENGTH) return "too-long";
  return tag.includes(",") ? "comma" : null;
};

/** What the URL asked for but the worklist refused (a hand-edited link or an old bookmark). */
export const filterProblems = (search: URLSearchParams): FilterProblems => ({
  query: queryProblem(search.get("q") ?? ""),
  tag: tagProblem(search.get("tag") ?? ""),
});

const text = (value: string | null, max: number) => {
  const trimmed = value?.trim() ?? "";
  return trimmed && trimmed.length <= max ? trimmed : null;
};

const tagOf = (value: string | null) => (tagProblem(value ?? "") ? null : text(value, TAG_MAX_LENGTH));

export function parseWorklistParams(search: URLSearchParams): WorklistParams {
  const age = Number(search.get("age"));
  return {
    tab: parseTab(search.get("tab")),
    locationId: text(search.get("location"), 200),
    deliveryMethod: oneOf(DELIVERY_METHODS, search.get("delivery")),
    olderThanDays: AGE_FILTER_DAYS.find((days) => days === age) ?? null,
    tag: tagOf(search.get("tag")),
    financialStatus: oneOf(FINANCIAL_STATUSES, search.get("financial")),
    query: text(search.get("q"), QUERY_MAX_LENGTH),
    sort: oneOf(SORT_ORDERS, search.get("sort")) ?? "oldest",
    after: decodeCursor(search.get("after")),
    before: decodeCursor(search.get("before")),
  };
}

/** The search string for params (defaults left out), e.g. "?tab=on-hold&age=3". */
export function worklistSearch(params: WorklistParams): string {
  const search = new URLSearchParams();
  if (params.tab !== DEFAULT_TAB) search.set("tab", params.tab);
  if (params.locationId) search.set("location", params.locationId);
  if (params.deliveryMethod) search.set("delivery", params.deliveryMethod);
  if (params.olderThanDays) search.set("age", String(params.olderThanDays));
  if (params.tag) search.set("tag", params.tag);
  if (params.financialStatus) search.set("financial", params.financialStatus);
  if (params.query) search.set("q", params.query);
  if (params.sort !== "oldest") search.set("sort", params.sort);
  if (params.after) search.set("after", encodeCursor(params.after));
  if (params.before) search.set("before", encodeCursor(params.before));
  const value = search.toString();
  return value ? `?${value}` : "";
}

/** New filters or another tab start again at the first page. */
export const withFilters = (params: WorklistParams, change: Partial<WorklistParams>): WorklistParams => ({
  ...params,
  ...change,
  after: null,
  before: null,
});

export const hasFilters = (params: WorklistParams) =>
  Boolean(
    params.locationId ||
    params.deliveryMethod ||
    params.olderThanDays ||
    params.tag ||
    params.financialStatus ||
    params.query,
  );
