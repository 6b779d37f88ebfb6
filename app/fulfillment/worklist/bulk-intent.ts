// The home screen's bulk actions as one form post: which action, on which rows (each with the
// Shopify updatedAt the page showed), and a key for this submission. Parsed with zod on the
// server; the UI builds the same fields. Pure.
import { z } from "zod";
import { limitedText, MERCHANT_HOLD_REASONS, TEXT_LIMITS } from "~/fulfillment/actions/contract";

/** At most a page of rows: each one is a Shopify mutation, run one after another. */
const BULK_MAX_ROWS = 50;

const BulkRow = z.object({
  id: z.string().regex(/^gid:\/\/shopify\/FulfillmentOrder\/\d+$/),
  updatedAt: z.string().datetime({ offset: true }),
});
type BulkRow = z.infer<typeof BulkRow>;

const rows = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "rows is not JSON" });
      return z.NEVER;
    }
  })
  .pipe(z.array(BulkRow).min(1).max(BULK_MAX_ROWS));

const common = {
  rows,
  /** One per submission; each row's idempotency key is derived from it, so a double submit is answered once. */
  batchKey: z.string().min(8).max(60),
};

export const BulkIntent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("bulk-request-fulfillment"), ...common }),
  z.object({
    intent: z.literal("bulk-hold"),
    ...common,
    reason: z.enum(MERCHANT_HOLD_REASONS as unknown as [string, ...string[]]),
    reasonNotes: limitedText(TEXT_LIMITS.reasonNotes).optional(),
  }),
  z.object({ intent: z.literal("bulk-release-holds"), ...common }),
]);
export type BulkIntent = z.infer<typeof BulkIntent>;
export type BulkIntentName = BulkIntent["intent"];

export interface BulkRowResult {
  id: string;
  /** done: Shopify did it; skipped: nothing was done, and `message` says why. */
  outcome: "done" | "skipped";
  message: string;
  /** Done earlier: this answers a repeated submission (same key), nothing was sent again. */
  replayed?: true;
}

export type BulkActionData =
  { ok: true; intent: BulkIntentName; results: BulkRowResult[] } | { ok: false; error: string };

/** The idempotency key of one row of a submission (≤ 100 characters, as the contract asks). */
export const rowIdempotencyKey = (batchKey: string, foId: string) =>
  `${batchKey}:${foId.slice(foId.lastIndexOf("/") + 1)}`;
