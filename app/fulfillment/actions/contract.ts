// The contract between the workspace screens and the fulfillment actions: what a merchant can
// ask for (validated with zod, server and client alike) and what comes back. Pure: the UI may
// import it.
import { z } from "zod";
import { actionMessages } from "~/i18n/sections/action-messages";

/** Shopify's FulfillmentHoldReason enum (2026-10). */
const HOLD_REASONS = [
  "AWAITING_PAYMENT",
  "AWAITING_RETURN_ITEMS",
  "HIGH_RISK_OF_FRAUD",
  "INCORRECT_ADDRESS",
  "INVENTORY_OUT_OF_STOCK",
  "ONLINE_STORE_POST_PURCHASE_CROSS_SELL",
  "OTHER",
  "UNKNOWN_DELIVERY_DATE",
] as const;

/** Reasons a merchant may pick; the cross-sell hold is Shopify's own. */
export const MERCHANT_HOLD_REASONS = HOLD_REASONS.filter((r) => r !== "ONLINE_STORE_POST_PURCHASE_CROSS_SELL");

/** The handle our app puts on every hold it places, so we only ever release our own. */
export const OUR_HOLD_HANDLE_PREFIX = "fulfillment-desk";

/** A checkbox or hidden field: "true"/"on"/"1" is true; anything else, "false" included, is false. */
export const formBoolean = (fallback: boolean) =>
  z.preprocess(
    (value) => (value === undefined ? fallback : value === true || value === "true" || value === "on" || value === "1"),
    z.boolean(),
  );

const gid = (type: string) => z.string().regex(new RegExp(`^gid://shopify/${type}/\\d+$`), `Not a ${type} id`);

/**
 * Shopify's quantities are GraphQL `Int`s, 32-bit signed
 * (https://shopify.dev/docs/api/admin-graphql/latest/scalars/Int); a larger number would fail
 * the whole request instead of being refused next to its field.
 */
const QUANTITY_MAX = 2_147_483_647;

const lineQuantities = z
  .array(
    z.object({
      id: gid("FulfillmentOrderLineItem"),
      quantity: z.coerce
        .number()
        .int()
        .min(0)
        .max(QUANTITY_MAX, { message: actionMessages.quantityTooLarge(QUANTITY_MAX) }),
    }),
  )
  .transform((lines) => lines.filter((l) => l.quantity > 0));

/**
 * Text Shopify keeps at most `max` characters of. Longer text is refused with the field's error,
 * never cut: the forms show a counter and the same error before submitting (limited-text-field.tsx).
 */
export const limitedText = (max: number) => z.string().max(max, { message: actionMessages.tooLong(max) });

/**
 * The limits the forms count against. Shopify documents none for these fields
 * (https://shopify.dev/docs/api/admin-graphql/latest/input-objects/FulfillmentOrderHoldInput,
 * https://shopify.dev/docs/api/admin-graphql/latest/input-objects/FulfillmentTrackingInput), so
 * these are the app's own, kept short enough for a note on a screen.
 */
export const TEXT_LIMITS = {
  reasonNotes: 255,
  /** The message to the fulfillment service (fulfillment and cancellation requests). */
  message: 500,
  trackingCompany: 100,
  trackingNumber: 100,
} as const;

/**
 * A tracking link the customer will click in the shipping confirmation: a web address only.
 * `z.string().url()` alone accepts `javascript:` and `data:` URLs.
 */
const trackingUrl = z.string().refine(isWebUrl, { message: actionMessages.trackingUrlNotWeb });

function isWebUrl(text: string): boolean {
  try {
    const { protocol, hostname } = new URL(text);
    return (protocol === "http:" || protocol === "https:") && hostname !== "";
  } catch {
    return false;
  }
}

/** The fields every action form carries (action-form.tsx), also the pickup board's cancel and restock. */
export const common = {
  fulfillmentOrderId: gid("FulfillmentOrder"),
  /** The FO's Shopify updatedAt when the page was loaded: the action refuses stale pages. */
  expectedUpdatedAt: z.string().datetime({ offset: true }),
  /** One per form submission: a double submit is answered once. */
  idempotencyKey: z.string().min(8).max(100),
};

export const ActionInput = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("request-fulfillment"),
    ...common,
    /** Empty = all remaining quantities. */
    lines: lineQuantities.default([]),
    message: limitedText(TEXT_LIMITS.message).optional(),
    notifyCustomer: formBoolean(false),
  }),
  z.object({ intent: z.literal("cancel-request"), ...common }),
  z.object({
    intent: z.literal("request-cancellation"),
    ...common,
    message: limitedText(TEXT_LIMITS.message).optional(),
  }),
  z.object({
    intent: z.literal("hold"),
    ...common,
    reason: z.enum(MERCHANT_HOLD_REASONS as unknown as [string, ...string[]]),
    reasonNotes: limitedText(TEXT_LIMITS.reasonNotes).optional(),
    notifyMerchant: formBoolean(false),
    /** Empty = the whole FO. */
    lines: lineQuantities.default([]),
  }),
  z.object({
    intent: z.literal("release-holds"),
    ...common,
    /** Our holds to release; empty = all of ours. Other apps' holds are never released. */
    holdIds: z.array(gid("FulfillmentHold")).default([]),
  }),
  z.object({ intent: z.literal("ready-for-pickup"), ...common, lines: lineQuantities.default([]) }),
  z.object({ intent: z.literal("picked-up"), ...common, lines: lineQuantities.default([]) }),
  z.object({
    intent: z.literal("fulfil"),
    ...common,
    lines: lineQuantities.default([]),
    trackingCompany: limitedText(TEXT_LIMITS.trackingCompany).optional(),
    /** The merchant chose "Other carrier": then trackingCompany must name it. */
    otherCarrier: formBoolean(false),
    trackingNumber: limitedText(TEXT_LIMITS.trackingNumber).optional(),
    trackingUrl: trackingUrl.optional(),
    notifyCustomer: formBoolean(true),
  }),
  z.object({ intent: z.literal("move"), ...common, locationId: gid("Location"), lines: lineQuantities.default([]) }),
]);

export type ActionInput = z.infer<typeof ActionInput>;
export type ActionIntent = ActionInput["intent"];

export interface FieldErrorMessage {
  /** The input field it concerns ("lines.0.quantity", "trackingUrl"), or null for the whole form. */
  field: string | null;
  message: string;
}

/** zod's issues as field errors: the path joined with dots ("lines.0.quantity"). */
export const fieldErrorsOf = (error: z.ZodError): FieldErrorMessage[] =>
  error.issues.map((issue) => ({ field: issue.path.length ? issue.path.join(".") : null, message: issue.message }));

export type ActionResult =
  | {
      ok: true;
      intent: ActionIntent;
      /** Every FO the action created or changed (e.g. the submitted part and the remainder). */
      fulfillmentOrderIds: string[];
      message: string;
      /** True when this answers a repeated submission of an action already done. */
      replayed: boolean;
    }
  /** Input that failed validation, before anything was sent to Shopify. */
  | { ok: false; kind: "invalid"; errors: FieldErrorMessage[] }
  /** Shopify refused it (userErrors), mapped to our field names where possible. */
  | { ok: false; kind: "user-errors"; errors: FieldErrorMessage[] }
  /** The FO changed since the page was loaded: nothing was done. */
  | { ok: false; kind: "stale"; currentUpdatedAt: string | null; message: string }
  /** The action is not available for this FO right now, and why. */
  | { ok: false; kind: "unavailable"; message: string };

/** Why an action can or cannot be taken on an FO, for the detail page's buttons. */
export interface ActionAvailability {
  intent: ActionIntent;
  available: boolean;
  /** Shown next to a disabled action: e.g. "This FO belongs to a fulfillment service you don't control…". */
  reason: string | null;
}
