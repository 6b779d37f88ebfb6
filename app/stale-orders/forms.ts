// The screen's form fields → domain input. Pure, shared by the route (parse) and tests.
import { z } from "zod";
import { CANCEL_REASONS, TYPED_CONFIRMATION_THRESHOLD } from "./options";

const checkbox = z
  .enum(["on", "true", "false", ""])
  .optional()
  .transform((v) => v === "on" || v === "true");
const list = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  );

const SettingsFields = {
  olderThanHours: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 365),
  includePending: checkbox,
  includeExpiredAuthorizations: checkbox,
  includePartiallyPaid: checkbox,
  gateways: list,
  excludedTags: list,
  cancelReason: z.enum(CANCEL_REASONS),
  notifyCustomer: checkbox,
  staffNote: z
    .string()
    .max(255)
    .optional()
    .transform((v) => (v && v.trim() ? v.trim() : null)),
  scheduleEnabled: checkbox,
};

const OrderIds = z.string().transform((text, ctx) => {
  try {
    return z.array(z.string().startsWith("gid://shopify/Order/")).min(1).parse(JSON.parse(text));
  } catch {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: "orderIds must be a JSON list of order GIDs" });
    return z.NEVER;
  }
});

export const StaleOrdersIntent = z
  .discriminatedUnion("intent", [
    z.object({ intent: z.literal("save-settings"), ...SettingsFields }),
    z.object({ intent: z.literal("preview"), ...SettingsFields }),
    z.object({
      intent: z.literal("run"),
      orderIds: OrderIds,
      confirmCount: z.coerce.number().int().optional(),
      // One per confirmation dialog: a double submit records one run, not a second empty one.
      idempotencyKey: z.string().uuid().optional(),
    }),
  ])
  // Above the threshold the merchant must type the number of orders: a slip cannot cancel hundreds.
  .superRefine((v, ctx) => {
    if (v.intent !== "run" || v.orderIds.length <= TYPED_CONFIRMATION_THRESHOLD) return;
    if (v.confirmCount !== v.orderIds.length) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["confirmCount"],
        message: "Type the number of orders to confirm",
      });
    }
  });
export type StaleOrdersIntent = z.infer<typeof StaleOrdersIntent>;

type SettingsInput = Extract<StaleOrdersIntent, { intent: "save-settings" | "preview" }>;

export function settingsOf(input: SettingsInput) {
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
    scheduleEnabled: input.scheduleEnabled,
  };
}
