// The post-purchase changeset an app asks Shopify to apply: its `changes` as the extension API
// types them (https://shopify.dev/docs/api/checkout-extensions/post-purchase/api, "AddVariantChange",
// "ExplicitDiscount"), and the discounted unit price of an added variant. Pure.

/** ChangesetErrorCode (https://shopify.dev/docs/api/checkout-extensions/post-purchase/api, "ChangesetError"). */
export type ChangesetErrorCode =
  | "payment_required"
  | "insufficient_inventory"
  | "changeset_already_applied"
  | "unsupported_payment_method"
  | "invalid_request"
  | "server_error"
  | "order_released_error";

export interface ChangesetError {
  code: ChangesetErrorCode;
  message: string;
}

export interface ExplicitDiscount {
  value: number;
  valueType: "percentage" | "fixed_amount";
  title: string;
}

export interface AddVariantChange {
  type: "add_variant";
  /** The variant's numeric id, not its GID. */
  variantId: number;
  quantity: number;
  discount?: ExplicitDiscount;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Reads `changes` as the API types them, or says why it can't (Shopify answers `invalid_request`,
 * "The request is invalid. It shouldn't be re-sent without modifications."). The simulator models
 * only `add_variant`; any other change type is refused rather than silently ignored (stricter).
 */
export function parseChanges(
  changes: unknown,
): { ok: true; changes: AddVariantChange[] } | { ok: false; message: string } {
  if (!Array.isArray(changes) || changes.length === 0)
    return { ok: false, message: "changes must be a non-empty array" };
  const parsed: AddVariantChange[] = [];
  for (const [index, change] of changes.entries()) {
    const at = `changes[${index}]`;
    if (!isRecord(change)) return { ok: false, message: `${at} is not an object` };
    if (change.type !== "add_variant") return { ok: false, message: `${at}.type must be add_variant` };
    if (typeof change.variantId !== "number" || !Number.isSafeInteger(change.variantId) || change.variantId <= 0)
      return { ok: false, message: `${at}.variantId must be a numeric variant id` };
    if (typeof change.quantity !== "number" || !Number.isSafeInteger(change.quantity) || change.quantity <= 0)
      return { ok: false, message: `${at}.quantity must be a positive integer` };
    const discount = change.discount === undefined ? undefined : parseDiscount(change.discount);
    if (discount === null) return { ok: false, message: `${at}.discount must be { value, valueType, title }` };
    parsed.push({
      type: "add_variant",
      variantId: change.variantId,
      quantity: change.quantity,
      ...(discount ? { discount } : {}),
    });
  }
  return { ok: true, changes: parsed };
}

function parseDiscount(discount: unknown): ExplicitDiscount | null {
  if (!isRecord(discount)) return null;
  const { value, valueType, title } = discount;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) return null;
  if (valueType !== "percentage" && valueType !== "fixed_amount") return null;
  if (valueType === "percentage" && value > 100) return null;
  if (typeof title !== "string") return null;
  return { value, valueType, title };
}

/** "12.50" → 1250. */
export const toCents = (amount: string): number => Math.round(Number(amount) * 100);

/** 1250 → "12.50". */
export const fromCents = (cents: number): string => (cents / 100).toFixed(2);

/**
 * The unit price after the change's discount. The docs don't say whether a `fixed_amount`
 * discount is per unit or per line; the simulator takes it per unit, never below zero.
 */
export function discountedUnitCents(unitCents: number, discount: ExplicitDiscount | undefined): number {
  if (!discount) return unitCents;
  const off =
    discount.valueType === "percentage"
      ? Math.round((unitCents * discount.value) / 100)
      : Math.round(discount.value * 100);
  return Math.max(0, unitCents - off);
}
