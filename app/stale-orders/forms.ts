// The screen's form fields → domain input. Pure, shared by the route (parse) and tests.
// Messages are the merchant's words: the screen shows them inline, on the field they belong to.
import { z } from "zod";
import { en } from "~/i18n/en";
import { CANCEL_REASONS, TYPED_CONFIRMATION_THRESHOLD } from "./options";

const t = en.staleOrders.policy.errors;

/** Up to 50 excluded tags (an order carries up to 250 tags, each up to 255 characters:
 * https://shopify.dev/docs/api/admin-graphql/latest/objects/Order#field-tags); the docs set no
 * limit on a filter list, so ours is the stricter 50. */
const EXCLUDED_TAGS_LIMITS = { items: 50, length: 255 } as const;
/** Gateway names (https://shopify.dev/docs/api/admin-graphql/latest/objects/Order#field-paymentGatewayNames):
 * the docs give no length limit, so the stricter 20 names of 100 characters. */
const GATEWAYS_LIMITS = { items: 20, length: 100 } as const;

const checkbox = z
  .enum(["on", "true", "false", ""])
  .optional()
  .transform((v) => v === "on" || v === "true");

/** A comma-separated list with a cap on entries and on each entry's length. */
const list = (limits: { items: number; length: number }, messages: { items: string; length: string }) =>
  z
    .string()
    // The raw text is bounded before it is split, so a huge body costs nothing to refuse.
    .max(limits.items * (limits.length + 2), messages.items)
    .optional()
    .transform((v) =>
      (v ?? "")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().max(limits.length, messages.length)).max(limits.items, messages.items));

const PolicyFields = {
  olderThanHours: z.coerce
    .number({ invalid_type_error: t.olderThanHours })
    .int(t.olderThanHours)
    .min(1, t.olderThanHours)
    .max(24 * 365, t.olderThanHours),
  includePending: checkbox,
  includeExpiredAuthorizations: checkbox,
  includePartiallyPaid: checkbox,
  gateways: list(GATEWAYS_LIMITS, t.gateways),
  excludedTags: list(EXCLUDED_TAGS_LIMITS, t.excludedTags),
  cancelReason: z.enum(CANCEL_REASONS, { errorMap: () => ({ message: t.cancelReason }) }),
  notifyCustomer: checkbox,
  staffNote: z
    .string()
    .max(255, t.staffNote)
    .optional()
    .transform((v) => (v && v.trim() ? v.trim() : null)),
};

/** One per dialog: a double submit has one effect. Required on every submit that changes something. */
const IdempotencyKey = z.string({ required_error: t.idempotencyKey }).uuid(t.idempotencyKey);

const OrderIds = z.string().transform((text, ctx) => {
  try {
    return z.array(z.string().startsWith("gid://shopify/Order/")).min(1).max(10_000).parse(JSON.parse(text));
  } catch {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: en.staleOrders.run.invalid });
    return z.NEVER;
  }
});

export const StaleOrdersIntent = z
  .discriminatedUnion("intent", [
    z.object({
      intent: z.literal("save-settings"),
      ...PolicyFields,
      scheduleEnabled: checkbox,
      idempotencyKey: IdempotencyKey,
    }),
    // A dry run: reads Shopify, changes nothing, so it needs no key and saves nothing.
    z.object({ intent: z.literal("preview"), ...PolicyFields }),
    z.object({
      intent: z.literal("run"),
      // The policy that was previewed: the run uses what the merchant saw, saved or not.
      ...PolicyFields,
      orderIds: OrderIds,
      confirmCount: z.coerce.number().int().optional(),
      idempotencyKey: IdempotencyKey,
    }),
  ])
  // Above the threshold the merchant must type the number of orders: a slip cannot cancel hundreds.
  .superRefine((v, ctx) => {
    if (v.intent !== "run" || v.orderIds.length <= TYPED_CONFIRMATION_THRESHOLD) return;
    if (v.confirmCount !== v.orderIds.length) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["confirmCount"], message: t.confirmCount });
    }
  });
export type StaleOrdersIntent = z.infer<typeof StaleOrdersIntent>;

/** The first message per field, for the screen to show next to each field. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return errors;
}

type PolicyInput = z.infer<z.ZodObject<typeof PolicyFields>>;

/** The settings a preview or a run uses; the schedule is only ever changed by save-settings. */
export function settingsOf(input: PolicyInput, scheduleEnabled = false) {
  return {
    policy: {
      olderThanHours: input.olderThanHours,
      includePending: input.includePending,
      includeExpiredAuthorizations: input.includeExpiredAuthorizations,
      includePartiallyPaid: input.includePartiallyPaid,
      gateways: input.gateways,
      excludedTags: input.excludedTags,
    },
    cancelReason: input.cancelReason,
    notifyCustomer: input.notifyCustomer,
    staffNote: input.staffNote,
    scheduleEnabled,
  };
}
