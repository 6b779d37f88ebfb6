// The offer editor's submission → a valid offer draft, or a message per field. Pure: shared by
// the route (server) and its tests; the form shows each message under its field.
import { z } from "zod";
import { en } from "~/i18n/en";

const t = en.upsell.errors;

/** A money amount as the merchant types it: up to 9 digits and 2 decimals, never negative. */
const AMOUNT = /^\d{1,9}(\.\d{1,2})?$/;
/** A percentage with up to 2 decimals. */
const PERCENT = /^\d{1,3}(\.\d{1,2})?$/;

const PRODUCT_GID = /^gid:\/\/shopify\/Product\/\d{1,20}$/;
const VARIANT_GID = /^gid:\/\/shopify\/ProductVariant\/\d{1,20}$/;

/** "" = no such condition (null). */
const optionalAmount = (message: string) =>
  z
    .string()
    .trim()
    .max(20, message)
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return null;
      if (!AMOUNT.test(v)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message });
        return z.NEVER;
      }
      return v;
    });

export const OfferDraft = z.object({
  name: z.string({ required_error: t.name }).trim().min(1, t.name).max(80, t.name),
  productId: z.string({ required_error: t.product }).regex(PRODUCT_GID, t.product),
  variantId: z.string({ required_error: t.product }).regex(VARIANT_GID, t.product),
  productTitle: z.string({ required_error: t.product }).trim().min(1, t.product).max(255, t.product),
  variantTitle: z
    .string()
    .trim()
    .max(255, t.product)
    .optional()
    .transform((v) => (v ? v : null)),
  // Only an https image from the picker is kept; anything else is dropped rather than refused,
  // as the merchant never types it.
  imageUrl: z
    .string()
    .max(2048)
    .optional()
    .transform((v) => (v && /^https?:\/\/[^\s"'<>]+$/.test(v) ? v : null)),
  discountPercent: z
    .string({ required_error: t.discountPercent })
    .trim()
    .refine((v) => PERCENT.test(v) && Number(v) > 0 && Number(v) <= 100, t.discountPercent),
  maxDiscountAmount: optionalAmount(t.maxDiscountAmount),
  minOrderTotal: optionalAmount(t.minOrderTotal),
  quantity: z
    .string({ required_error: t.quantity })
    .trim()
    .refine((v) => /^\d{1,2}$/.test(v) && Number(v) >= 1 && Number(v) <= 10, t.quantity)
    .transform(Number),
  // A checkbox is on when it is posted at all, whatever its value: a hydrated Polaris Checkbox can
  // post "enabled=" (React sets value="" when the prop is passed as undefined). The list's switch
  // posts "false" explicitly.
  enabled: z
    .string()
    .max(10)
    .optional()
    .transform((v) => v !== undefined && v !== "false"),
});
export type OfferDraft = z.infer<typeof OfferDraft>;

type OfferField = keyof z.input<typeof OfferDraft>;
type OfferFieldErrors = Partial<Record<OfferField, string>>;

type OfferDraftResult = { ok: true; draft: OfferDraft } | { ok: false; fieldErrors: OfferFieldErrors };

/** Validates every field at once, so the form can show all its messages together. */
export function parseOfferDraft(input: Record<string, unknown>): OfferDraftResult {
  const parsed = OfferDraft.safeParse(input);
  if (parsed.success) return { ok: true, draft: parsed.data };
  const fieldErrors: OfferFieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as OfferField | undefined;
    // The product's four fields are one picker on screen: one message under it.
    const shown = field === "variantId" || field === "productTitle" || field === "variantTitle" ? "productId" : field;
    if (shown && !fieldErrors[shown]) fieldErrors[shown] = issue.message;
  }
  return { ok: false, fieldErrors };
}

/** The version the form was opened at: a save from an older one is refused. */
export const ExpectedVersion = z.coerce
  .number({ invalid_type_error: t.version })
  .int(t.version)
  .min(1, t.version)
  .max(1_000_000_000, t.version);

/** A new offer's form carries one key per opening, so a double submission creates one offer. */
export const CreateKey = z.string({ required_error: t.createKey }).uuid(t.createKey);

/** The list screen's actions on one offer. */
export const OfferListIntent = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("set-enabled"),
    offerId: z.string().min(1, t.offerId).max(64, t.offerId),
    enabled: z.enum(["true", "false"], { errorMap: () => ({ message: t.intent }) }).transform((v) => v === "true"),
  }),
  z.object({
    intent: z.literal("move"),
    offerId: z.string().min(1, t.offerId).max(64, t.offerId),
    direction: z.enum(["up", "down"], { errorMap: () => ({ message: t.intent }) }),
  }),
]);
export type OfferListIntent = z.infer<typeof OfferListIntent>;
