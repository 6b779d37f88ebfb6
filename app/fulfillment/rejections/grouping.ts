// The rejection inbox's groups: FOs the 3PL handed back, grouped by what went wrong, so the
// merchant fixes one cause once and resubmits its FOs together. Pure: the UI may import it.

/** One line warning, as the inbox shows it ("MUG: No mugs until March"). */
export interface InboxLineWarning {
  sku: string | null;
  productTitle: string;
  text: string;
}

export interface RejectedFulfillmentOrder {
  id: string;
  orderName: string;
  orderShopifyId: string;
  locationName: string | null;
  /** rejected: the 3PL said no (request REJECTED); incomplete: it closed the FO unfinished. */
  kind: "rejected" | "incomplete";
  /** Shopify's FulfillmentOrderRejectionReason; null when none was given (always for incomplete). */
  reason: string | null;
  message: string | null;
  warnings: InboxLineWarning[];
  /** The FO's Shopify updatedAt: when it came back, and the version the page shows. */
  shopifyUpdatedAt: string;
}

export interface RejectionGroup {
  key: string;
  kind: RejectedFulfillmentOrder["kind"];
  reason: string | null;
  /** The line warnings every FO of the group carries, in one line each; empty when none. */
  warnings: string[];
  /** Oldest first: the FO waiting longest is fixed first. */
  rows: RejectedFulfillmentOrder[];
}

const warningLine = (w: InboxLineWarning) => `${w.sku ?? w.productTitle}: ${w.text}`;

/** The group an FO belongs to: kind, reason and its distinct line warnings (order ignored). */
function groupOf(row: RejectedFulfillmentOrder): Omit<RejectionGroup, "rows"> {
  const warnings = [...new Set(row.warnings.map(warningLine))].sort();
  if (row.kind === "incomplete") return { key: "incomplete", kind: "incomplete", reason: null, warnings: [] };
  return {
    key: ["rejected", row.reason ?? "", ...warnings].join("\n"),
    kind: "rejected",
    reason: row.reason,
    warnings,
  };
}

/** Largest group first (the cause that blocks most FOs), ties by key for a stable screen. */
export function groupRejections(rows: readonly RejectedFulfillmentOrder[]): RejectionGroup[] {
  const groups = new Map<string, RejectionGroup>();
  for (const row of rows) {
    const group = groupOf(row);
    const existing = groups.get(group.key);
    if (existing) existing.rows.push(row);
    else groups.set(group.key, { ...group, rows: [row] });
  }
  for (const group of groups.values()) {
    group.rows.sort((a, b) => a.shopifyUpdatedAt.localeCompare(b.shopifyUpdatedAt) || a.id.localeCompare(b.id));
  }
  return [...groups.values()].sort((a, b) => b.rows.length - a.rows.length || a.key.localeCompare(b.key));
}
