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
 * Lowercased here rather than compared with a case-insensitive operator: SQLite's LIKE ignores
 * ASCII case while Postgres' LIKE does not, and Prisma's `mode: "insensitive"` exists only on
 * Postgres. Lowercased columns and lowercased terms match the same on both.
 */
export const foldCase = (value: string) => value.toLowerCase();

export function orderFilterFields(order: OrderFilterSource): OrderFilterFields {
  return {
    orderName: order.name,
    orderFinancialStatus: order.displayFinancialStatus,
    orderTags: foldCase(encodeTags(order.tags)),
    customerSearch: order.customerName === null ? null : foldCase(order.customerName),
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
