// What the simulator screen asks for: a window, whose rules (saved, an old version, a draft) and
// which page. Pure parsing: every refusal is a message for a 4xx, never an exception.
import { decodeCursor } from "~/fulfillment/worklist/params";
import { automationDryRun } from "~/i18n/sections/automation-dry-run";

const t = automationDryRun.errors;

export const WINDOW_DAYS = [7, 30, 90] as const;
export type WindowDays = (typeof WINDOW_DAYS)[number];
const DEFAULT_WINDOW_DAYS: WindowDays = 30;
/** The largest draft accepted: 50 rules of 20 conditions fit many times over. */
export const MAX_DRAFT_BYTES = 256 * 1024;

export interface DryRunParams {
  days: WindowDays;
  /** An earlier saved version to replay; null: the live one. */
  version: number | null;
  /** The page after this cursor (a page request); null: a run (counts and the first page). */
  after: string | null;
  /** The run's end, so later pages replay the same window. */
  until: Date | null;
  /** The screen's name for this run, to poll its progress by. */
  runId: string | null;
}

/** A run id the screen makes up (crypto.randomUUID()). */
export const RUN_ID = /^[A-Za-z0-9-]{8,64}$/;

type Parsed<T> = { ok: true; value: T } | { ok: false; status: 400 | 413; error: string };

const fail = (error: string, status: 400 | 413 = 400): Parsed<never> => ({ ok: false, status, error });

/** Reads days, version, after and until from the query string or the form (both may carry them). */
export function parseDryRunParams(get: (name: string) => string | null, now: Date): Parsed<DryRunParams> {
  const rawDays = get("days");
  const days = rawDays === null || rawDays === "" ? DEFAULT_WINDOW_DAYS : Number(rawDays);
  if (!(WINDOW_DAYS as readonly number[]).includes(days)) return fail(t.badWindow);

  const rawVersion = get("version");
  let version: number | null = null;
  if (rawVersion !== null && rawVersion !== "") {
    version = /^\d{1,9}$/.test(rawVersion) ? Number(rawVersion) : NaN;
    if (!Number.isInteger(version) || version < 1) return fail(t.badVersion);
  }

  const after = get("after") || null;
  if (after !== null && (after.length > 200 || decodeCursor(after) === null)) return fail(t.badCursor);

  const rawUntil = get("until") || null;
  let until: Date | null = null;
  if (rawUntil !== null) {
    until = new Date(rawUntil);
    // A later page of a run that ended at most a day ago; anything else is not a run we showed.
    const age = now.getTime() - until.getTime();
    if (rawUntil.length > 40 || Number.isNaN(age) || age < -60_000 || age > 86_400_000) return fail(t.badCursor);
  }
  const runId = get("runId") || null;
  if (runId !== null && !RUN_ID.test(runId)) return fail(t.badRunId);
  return { ok: true, value: { days: days as WindowDays, version, after, until, runId } };
}

/** The draft a screen posted as JSON text: parsed, not yet validated (validateRuleSet does that). */
export function parseDraftJson(raw: string): Parsed<unknown> {
  if (new TextEncoder().encode(raw).length > MAX_DRAFT_BYTES) return fail(t.draftTooLarge(MAX_DRAFT_BYTES / 1024), 413);
  try {
    return { ok: true, value: JSON.parse(raw) as unknown };
  } catch {
    return fail(t.badDraft);
  }
}
