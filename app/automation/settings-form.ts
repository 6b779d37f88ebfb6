// The automation screen's submissions → domain input. Pure, shared by the route and its tests.
// The rule set travels as JSON in one field; it is read here (size, JSON, prototype keys) and
// then judged by validateRuleSet, which owns what a valid rule set is.
import { z } from "zod";
import { en } from "~/i18n/en";

const t = en.automation.errors;

/**
 * The largest rule set JSON we read. 50 rules × 20 conditions of short values is well under it;
 * a body past it is a paste gone wrong or an attack, refused before JSON.parse spends on it.
 */
const RULE_SET_MAX_BYTES = 256 * 1024;

/** Keys that reach an object's prototype once the JSON is spread or merged anywhere. */
const PROTOTYPE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** The longest quiet period a merchant can set: a day. Longer holds every edited order back. */
const QUIET_PERIOD_MAX_MINUTES = 1_440;

const IdempotencyKey = z.string({ required_error: t.idempotencyKey }).uuid(t.idempotencyKey);

const flag = z.enum(["true", "false"], { errorMap: () => ({ message: t.switch }) }).transform((v) => v === "true");

/** "" = automatic (null). */
const QuietPeriod = z
  .string()
  .trim()
  .max(10, t.quietPeriod)
  .transform((v, ctx) => {
    if (v === "") return null;
    const minutes = Number(v);
    if (!/^\d+$/.test(v) || minutes > QUIET_PERIOD_MAX_MINUTES) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: t.quietPeriod });
      return z.NEVER;
    }
    return minutes;
  });

export const AutomationIntent = z.discriminatedUnion("intent", [
  // Each switch is its own submission and takes effect at once.
  z.object({ intent: z.literal("set-enabled"), enabled: flag, idempotencyKey: IdempotencyKey }),
  z.object({ intent: z.literal("set-paused"), paused: flag, idempotencyKey: IdempotencyKey }),
  z.object({ intent: z.literal("set-quiet-period"), quietPeriodMinutes: QuietPeriod, idempotencyKey: IdempotencyKey }),
  z.object({
    intent: z.literal("save-rules"),
    ruleSet: z.string({ required_error: t.ruleSetMissing }),
    expectedVersion: z.coerce
      .number({ invalid_type_error: t.expectedVersion })
      .int(t.expectedVersion)
      .min(0, t.expectedVersion)
      .max(1_000_000_000, t.expectedVersion),
    idempotencyKey: IdempotencyKey,
  }),
]);
export type AutomationIntent = z.infer<typeof AutomationIntent>;

/** The first message of a refused submission, for the toast or the 400 body. */
export const firstMessageOf = (error: z.ZodError): string => {
  const issue = error.issues[0];
  return issue?.path[0] === "intent" ? t.invalidIntent : (issue?.message ?? t.invalidIntent);
};

/** The rule set field's JSON, or why it cannot be read (then nothing is validated or saved). */
export function readRuleSetJson(
  text: string,
): { ok: true; value: unknown } | { ok: false; status: 400 | 413; error: string } {
  if (new TextEncoder().encode(text).length > RULE_SET_MAX_BYTES) {
    return { ok: false, status: 413, error: t.ruleSetTooLarge(RULE_SET_MAX_BYTES / 1024) };
  }
  // Collected by the reviver (a closure): the first refused key wins.
  const refused: string[] = [];
  let value: unknown;
  try {
    value = JSON.parse(text, (key, v: unknown) => {
      if (PROTOTYPE_KEYS.has(key)) refused.push(key);
      return v;
    });
  } catch {
    return { ok: false, status: 400, error: t.ruleSetNotJson };
  }
  if (refused.length > 0) return { ok: false, status: 400, error: t.ruleSetKey(refused[0]!) };
  return { ok: true, value };
}
