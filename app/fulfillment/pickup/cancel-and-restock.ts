// "Cancel and restock" of a not-collected pickup order: what the board's modal may send (zod,
// server and client alike) and what comes back. Pure: the UI imports it.
import { z } from "zod";
import { type ActionResult, common, formBoolean } from "~/fulfillment/actions/contract";
import { en } from "~/i18n/en";
import { CANCEL_REASONS } from "~/stale-orders/options";

const t = en.pickup.cancel;

export const CANCEL_AND_RESTOCK_INTENT = "cancel-and-restock";

/** orderCancel's staffNote: "Maximum length of 255 characters." */
export const STAFF_NOTE_MAX = 255;

export const DEFAULT_CANCEL_REASON = "CUSTOMER" satisfies (typeof CANCEL_REASONS)[number];

/**
 * Financial statuses with money to give back. Pending and authorized orders have none (Shopify
 * voids authorizations on cancel regardless); refunded and voided ones have none left.
 */
const REFUNDABLE_FINANCIAL_STATUSES = new Set(["PAID", "PARTIALLY_PAID", "PARTIALLY_REFUNDED"]);

export const hasSomethingToRefund = (displayFinancialStatus: string | null): boolean =>
  displayFinancialStatus !== null && REFUNDABLE_FINANCIAL_STATUSES.has(displayFinancialStatus);

export const CancelAndRestockInput = z.object({
  intent: z.literal(CANCEL_AND_RESTOCK_INTENT),
  ...common,
  reason: z.enum(CANCEL_REASONS, { errorMap: () => ({ message: t.invalidReason }) }).default(DEFAULT_CANCEL_REASON),
  /** Refund to the original payment methods; only offered when there is something to refund. */
  refund: formBoolean(false),
  notifyCustomer: formBoolean(true),
  staffNote: z
    .string()
    .trim()
    .max(STAFF_NOTE_MAX, t.staffNoteTooLong(STAFF_NOTE_MAX))
    .optional()
    .transform((note) => note || undefined),
});
export type CancelAndRestockInput = z.infer<typeof CancelAndRestockInput>;

/** The form fields of the modal, for field errors. */
export const CANCEL_AND_RESTOCK_FIELDS = ["reason", "refund", "notifyCustomer", "staffNote"] as const;

export type CancelAndRestockResult =
  | {
      ok: true;
      /** "cancelling": Shopify accepted it and is still working; the board shows the row as cancelling. */
      status: "cancelled" | "cancelling";
      message: string;
      /** True when this answers a repeated submission. */
      replayed: boolean;
    }
  /** The same refusals as the FO actions: invalid input, userErrors, a stale page, unavailable. */
  | Extract<ActionResult, { ok: false }>;

/** Where a cancellation of a board row stands, as the row shows it. */
export interface PickupCancellationView {
  status: "cancelling" | "failed";
  /** Shopify's message (or ours) when it failed. */
  error: string | null;
}
