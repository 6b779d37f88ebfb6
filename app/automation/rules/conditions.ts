// What each rule condition means against one FO and its order. Pure, so the live decision, the
// dry run and the rule form's validation share one reading of a condition.
import type { DecisionInput, LineFacts } from "../facts";
import type { Condition } from "./rule-set";

type LineCondition = Extract<Condition, { type: "line-sku" | "line-product-tag" | "line-vendor" }>;

export const isLineCondition = (condition: Condition): condition is LineCondition =>
  condition.type === "line-sku" || condition.type === "line-product-tag" || condition.type === "line-vendor";

/** Tags and vendors are compared as a merchant reads them: case and surrounding spaces don't count. */
export const fold = (text: string) => text.trim().toLowerCase();

/**
 * "Paid" as Shopify's own automatic fulfillment reads it: it runs "after an order has been paid"
 * (https://help.shopify.com/en/manual/checkout-settings/order-processing), i.e. payment captured
 * or marked paid; a partial refund leaves the order paid
 * (https://shopify.dev/docs/api/admin-graphql/latest/enums/OrderDisplayFinancialStatus).
 * AUTHORIZED is not paid: Shopify asks to capture first.
 */
const PAID_FINANCIAL_STATUSES: readonly string[] = ["PAID", "PARTIALLY_REFUNDED"];
export const isPaid = (status: string | null) => status !== null && PAID_FINANCIAL_STATUSES.includes(status);

const MINUTE_MS = 60_000;

export const minutesBetween = (fromIso: string, toIso: string) => (Date.parse(toIso) - Date.parse(fromIso)) / MINUTE_MS;

export const addMinutes = (iso: string, minutes: number) =>
  new Date(Date.parse(iso) + minutes * MINUTE_MS).toISOString();

/**
 * Only lines with something left to fulfil count: a line already fulfilled or moved away has
 * remainingQuantity 0 and is neither requested nor a reason to match
 * (https://shopify.dev/docs/api/admin-graphql/latest/objects/FulfillmentOrderLineItem).
 */
export const remainingLines = (lines: LineFacts[]) => lines.filter((line) => line.remainingQuantity > 0);

/** Whether one line has a value of the condition's set (match "all" asks this of every line). */
export function lineMatches(condition: LineCondition, line: LineFacts): boolean {
  switch (condition.type) {
    // A SKU is an exact code: trimmed (zod trims the rule's values too) but case kept.
    case "line-sku":
      return line.sku !== null && condition.values.includes(line.sku.trim());
    case "line-product-tag": {
      const wanted = new Set(condition.values.map(fold));
      return line.productTags.some((tag) => wanted.has(fold(tag)));
    }
    case "line-vendor": {
      if (line.vendor === null) return false;
      return condition.values.map(fold).includes(fold(line.vendor));
    }
  }
}

/**
 * "any": at least one remaining line matches; "all": every remaining line does. An FO with no
 * remaining line matches neither: "all" of nothing would let a rule fire on an empty FO.
 */
function linesMatch(condition: LineCondition, lines: LineFacts[]): boolean {
  const remaining = remainingLines(lines);
  if (remaining.length === 0) return false;
  return condition.match === "any"
    ? remaining.some((line) => lineMatches(condition, line))
    : remaining.every((line) => lineMatches(condition, line));
}

const within = (value: number, min: number | null, max: number | null) =>
  (min === null || value >= min) && (max === null || value <= max);

/** Whether the condition holds for this FO now. A fact the ledger does not know never matches. */
export function conditionHolds(condition: Condition, input: DecisionInput): boolean {
  const { fulfillmentOrder: fo, order } = input;
  switch (condition.type) {
    case "delivery-method":
      return fo.deliveryMethod !== null && (condition.in as string[]).includes(fo.deliveryMethod);
    case "location":
      return fo.locationId !== null && condition.in.includes(fo.locationId);
    case "destination": {
      const country = fo.destinationCountryCode;
      if (country === null || !condition.countries.includes(country)) return false;
      if (condition.regions.length === 0) return true;
      return (
        fo.destinationProvinceCode !== null && condition.regions.includes(`${country}-${fo.destinationProvinceCode}`)
      );
    }
    case "line-sku":
    case "line-product-tag":
    case "line-vendor":
      return linesMatch(condition, fo.lines);
    case "order-tag": {
      const wanted = new Set(condition.values.map(fold));
      const tagged = order.tags.some((tag) => wanted.has(fold(tag)));
      return condition.match === "any" ? tagged : !tagged;
    }
    case "financial-status":
      return order.financialStatus !== null && (condition.in as string[]).includes(order.financialStatus);
    case "risk-level":
      return order.riskLevel !== null && (condition.in as string[]).includes(order.riskLevel);
    case "order-total":
      return order.totalAmount !== null && within(order.totalAmount, condition.min, condition.max);
    case "order-age":
      return within(minutesBetween(order.placedAt, input.now), condition.minMinutes, condition.maxMinutes);
  }
}
