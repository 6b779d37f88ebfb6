// The activity feed's filters and cursor as URL search params. Unlike the worklist's lenient
// filters, a value we cannot honour is refused (400 with the reason): a feed that silently drops
// a filter would show decisions the merchant asked to exclude. Pure: the screen builds its
// links with the same functions the loader parses with.
import { en } from "~/i18n/en";

const t = en.automation.activity.errors;

export const DECISION_OUTCOMES = [
  "request",
  "partial_request",
  "delay",
  "hold",
  "release_hold",
  "skip",
  "wait",
] as const;
export const DECISION_STATUSES = ["decided", "submitting", "succeeded", "refused", "uncertain", "not_sent"] as const;

export const ACTIVITY_PAGE_SIZE = 25;

/** A position in the feed: the decision's createdAt and id, the two keys it is sorted by. */
export interface ActivityCursor {
  at: string;
  id: string;
}

export interface ActivityParams {
  ruleId: string | null;
  outcome: (typeof DECISION_OUTCOMES)[number] | null;
  status: (typeof DECISION_STATUSES)[number] | null;
  /** Days (YYYY-MM-DD) in the shop's time zone, both included. */
  from: string | null;
  to: string | null;
  /** Older than this (the next page) or newer than this (the previous page). */
  after: ActivityCursor | null;
  before: ActivityCursor | null;
}

export const NO_ACTIVITY_FILTERS: ActivityParams = {
  ruleId: null,
  outcome: null,
  status: null,
  from: null,
  to: null,
  after: null,
  before: null,
};

type Field = "rule" | "outcome" | "status" | "from" | "to" | "after" | "before";

type ActivityParamsResult =
  { ok: true; params: ActivityParams } | { ok: false; errors: Partial<Record<Field, string>> };

const MESSAGES: Record<Field, string> = {
  rule: t.rule,
  outcome: t.outcome,
  status: t.status,
  from: t.date,
  to: t.date,
  after: t.cursor,
  before: t.cursor,
};

const RULE_ID = /^[a-z0-9-]{1,40}$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const CURSOR_SEPARATOR = "~";
/** A cuid or similar row id; nothing longer reaches the query. */
const ROW_ID = /^[A-Za-z0-9_-]{1,64}$/;

const isDay = (value: string) => {
  const m = DAY.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
};

const encodeActivityCursor = (cursor: ActivityCursor) => `${cursor.at}${CURSOR_SEPARATOR}${cursor.id}`;

function decodeCursor(value: string): ActivityCursor | null {
  const at = value.indexOf(CURSOR_SEPARATOR);
  if (at < 0 || value.length > 100) return null;
  const time = value.slice(0, at);
  const id = value.slice(at + 1);
  if (!ROW_ID.test(id) || !/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(time) || Number.isNaN(Date.parse(time))) return null;
  return { at: new Date(time).toISOString(), id };
}

const oneOf = <T extends string>(values: readonly T[], value: string): T | null =>
  values.find((candidate) => candidate === value) ?? null;

export function parseActivityParams(search: URLSearchParams): ActivityParamsResult {
  const errors: Partial<Record<Field, string>> = {};
  const params: ActivityParams = { ...NO_ACTIVITY_FILTERS };
  const value = (field: Field): string | null => {
    const all = search.getAll(field);
    // One value per filter: a repeated one has no single meaning.
    if (all.length > 1) errors[field] = MESSAGES[field];
    const v = all[0]?.trim() ?? "";
    return v === "" ? null : v;
  };
  const rule = value("rule");
  if (rule !== null) {
    if (RULE_ID.test(rule)) params.ruleId = rule;
    else errors.rule = MESSAGES.rule;
  }
  const outcome = value("outcome");
  if (outcome !== null) {
    params.outcome = oneOf(DECISION_OUTCOMES, outcome);
    if (!params.outcome) errors.outcome = t.outcome;
  }
  const status = value("status");
  if (status !== null) {
    params.status = oneOf(DECISION_STATUSES, status);
    if (!params.status) errors.status = t.status;
  }
  for (const field of ["from", "to"] as const) {
    const day = value(field);
    if (day === null) continue;
    if (isDay(day)) params[field] = day;
    else errors[field] = t.date;
  }
  if (params.from && params.to && params.from > params.to) errors.to = t.range;
  for (const field of ["after", "before"] as const) {
    const cursor = value(field);
    if (cursor === null) continue;
    params[field] = decodeCursor(cursor);
    if (!params[field]) errors[field] = t.cursor;
  }
  if (params.after && params.before) errors.before = t.cursor;
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, params };
}

/** The URL search of these filters (and cursor), for links and the filter form. */
export function activitySearch(params: ActivityParams): string {
  const search = new URLSearchParams();
  if (params.ruleId) search.set("rule", params.ruleId);
  if (params.outcome) search.set("outcome", params.outcome);
  if (params.status) search.set("status", params.status);
  if (params.from) search.set("from", params.from);
  if (params.to) search.set("to", params.to);
  if (params.after) search.set("after", encodeActivityCursor(params.after));
  if (params.before) search.set("before", encodeActivityCursor(params.before));
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** The offset of `timeZone` from UTC at `at`, in milliseconds (positive east of Greenwich). */
function zoneOffset(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second"));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The moment a day (YYYY-MM-DD) begins in the shop's time zone. */
export function startOfDayIn(day: string, timeZone: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d);
  // Twice: the offset at the first guess may differ from the offset at the answer (DST).
  let at = new Date(wall - zoneOffset(new Date(wall), timeZone));
  at = new Date(wall - zoneOffset(at, timeZone));
  return at;
}

/** The moment the day after `day` begins: the exclusive end of a range that includes `day`. */
export function endOfDayIn(day: string, timeZone: string): Date {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return startOfDayIn(next.toISOString().slice(0, 10), timeZone);
}
