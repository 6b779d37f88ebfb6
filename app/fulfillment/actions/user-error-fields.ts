// Maps the field paths of Shopify's userErrors onto the action form's field names, so the
// screen can show a message next to the input it concerns. Pure.
import type { ShopifyUserErrorDetail } from "~/shopify/admin/errors";
import type { FieldErrorMessage } from "./contract";

export interface FieldMappingContext {
  /** Index in the posted `lines` of each line we sent, by the index Shopify saw. */
  lineIndexes: readonly number[];
  /** Index in the posted `holdIds` of each hold id we sent; empty when we sent "all of ours". */
  holdIdIndexes: readonly number[];
}

// Prefixes Shopify puts before the input it blames; everything after them is matched below.
const WRAPPERS = new Set(["fulfillment", "fulfillmentHold", "input"]);

const SCALARS: Record<string, string> = {
  message: "message",
  notifyCustomer: "notifyCustomer",
  notifyMerchant: "notifyMerchant",
  reason: "reason",
  reasonNotes: "reasonNotes",
  newLocationId: "locationId",
};

const TRACKING: Record<string, string> = {
  company: "trackingCompany",
  number: "trackingNumber",
  numbers: "trackingNumber",
  url: "trackingUrl",
  urls: "trackingUrl",
};

function lineField(rest: readonly string[], context: FieldMappingContext): string {
  const [index, key] = rest;
  if (index === undefined || !/^\d+$/.test(index)) return "lines";
  const posted = context.lineIndexes[Number(index)];
  if (posted === undefined) return "lines";
  return key === "id" || key === "quantity" ? `lines.${posted}.${key}` : `lines.${posted}`;
}

/** Our field name for a Shopify userError path, or null for the whole form. */
export function toInputField(path: readonly string[] | null, context: FieldMappingContext): string | null {
  if (!path || path.length === 0) return null;
  let rest = [...path];
  while (rest[0] !== undefined && WRAPPERS.has(rest[0])) rest = rest.slice(1);
  // fulfillmentCreate: lineItemsByFulfillmentOrder.<fo index>.fulfillmentOrderLineItems.<i>.quantity
  if (rest[0] === "lineItemsByFulfillmentOrder") {
    const i = rest.indexOf("fulfillmentOrderLineItems");
    if (i === -1) return null;
    rest = rest.slice(i);
  }
  const [head, ...tail] = rest;
  if (head === undefined) return null;
  if (head === "fulfillmentOrderLineItems") return lineField(tail, context);
  if (head === "trackingInfo") return (tail[0] && TRACKING[tail[0]]) ?? null;
  if (head === "holdIds") {
    const index = tail[0];
    const posted = index !== undefined && /^\d+$/.test(index) ? context.holdIdIndexes[Number(index)] : undefined;
    return posted === undefined ? "holdIds" : `holdIds.${posted}`;
  }
  return SCALARS[head] ?? null;
}

export function toFieldErrors(
  userErrors: readonly ShopifyUserErrorDetail[],
  context: FieldMappingContext,
): FieldErrorMessage[] {
  return userErrors.map((e) => ({ field: toInputField(e.field, context), message: e.message }));
}
