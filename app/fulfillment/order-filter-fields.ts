// The order's fields the queue filters on, as copied onto each of its FO rows. One function, so
// the ledger, the tests' seeds and the benchmark's seed write exactly what the queue matches.
import { decodeTags, encodeTags } from "./ledger-diff";

interface OrderFilterSource {
  name: string;
  displayFinancialStatus: string | null;
  tags: readonly string[];
  customerName: string | null;
}

export interface OrderFilterFields {
  orderName: string;
  orderFinancialStatus: string | null;
  orderTags: string;
  customerSearch: string | null;
}

/**
 * What a searched column stores and what a search term is turned into, so Prisma's `contains`
 * matches the same, literally, on SQLite and PostgreSQL (docs/decisions/0035):
 * - lowercased, rather than compared with a case-insensitive operator: SQLite's LIKE ignores
 *   ASCII case while PostgreSQL's does not, and Prisma's `mode: "insensitive"` exists only on
 *   PostgreSQL;
 * - LIKE's wildcards `%` and `_` become their fullwidth forms: Prisma sends `contains` as LIKE
 *   without escaping them, and SQLite's LIKE has no escape character unless the query names one,
 *   so "50%" would match every name with a 50 in it and "needs_review" "needsXreview" too.
 *   Only a term with the fullwidth forms themselves matches more than it says.
 */
export const searchKey = (value: string) => value.toLowerCase().replaceAll("%", "\uFF05").replaceAll("_", "\uFF3F");

export function orderFilterFields(order: OrderFilterSource): OrderFilterFields {
  return {
    orderName: order.name,
    orderFinancialStatus: order.displayFinancialStatus,
    orderTags: searchKey(encodeTags(order.tags)),
    customerSearch: order.customerName === null ? null : searchKey(order.customerName),
  };
}

/** The same fields from a stored Order row (tags as the ledger encodes them). */
export const storedOrderFilterFields = (order: Omit<OrderFilterSource, "tags"> & { tags: string }) =>
  orderFilterFields({ ...order, tags: decodeTags(order.tags) });

/** Whether a row's copies already say what `fields` says. */
export const filterFieldsMatch = (row: OrderFilterFields, fields: OrderFilterFields) =>
  row.orderName === fields.orderName &&
  row.orderFinancialStatus === fields.orderFinancialStatus &&
  row.orderTags === fields.orderTags &&
  row.customerSearch === fields.customerSearch;
