import { describe, expect, it } from "vitest";
import { groupRejections, type RejectedFulfillmentOrder } from "./grouping";

const row = (id: string, over: Partial<RejectedFulfillmentOrder> = {}): RejectedFulfillmentOrder => ({
  id,
  orderName: `#${id}`,
  orderShopifyId: `gid://shopify/Order/${id}`,
  locationName: "3PL",
  kind: "rejected",
  reason: "INVENTORY_OUT_OF_STOCK",
  message: null,
  warnings: [],
  shopifyUpdatedAt: "2026-12-01T10:00:00.000Z",
  ...over,
});

const mug = { sku: "MUG", productTitle: "Mug", text: "No mugs" };
const tee = { sku: null, productTitle: "Tee", text: "Discontinued" };

describe("groupRejections", () => {
  it("groups by reason and the set of line warnings (order ignored), largest group first, oldest row first", () => {
    const groups = groupRejections([
      row("1", { warnings: [mug, tee], shopifyUpdatedAt: "2026-12-01T12:00:00.000Z" }),
      row("2", { warnings: [tee, mug, mug], shopifyUpdatedAt: "2026-12-01T09:00:00.000Z" }),
      row("3"),
      row("4", { reason: null, message: "?" }),
    ]);
    expect(groups.map((g) => [g.reason, g.warnings, g.rows.map((r) => r.id)])).toEqual([
      ["INVENTORY_OUT_OF_STOCK", ["MUG: No mugs", "Tee: Discontinued"], ["2", "1"]],
      [null, [], ["4"]],
      ["INVENTORY_OUT_OF_STOCK", [], ["3"]],
    ]);
  });

  it("puts every FO the 3PL closed unfinished in one group, whatever it carries", () => {
    const groups = groupRejections([
      row("1", { kind: "incomplete", reason: null, message: "a" }),
      row("2", { kind: "incomplete", reason: "OTHER", warnings: [mug] }),
    ]);
    expect(groups).toEqual([
      expect.objectContaining({ key: "incomplete", kind: "incomplete", reason: null, warnings: [] }),
    ]);
    expect(groups[0]!.rows).toHaveLength(2);
  });

  it("is empty for no rows", () => expect(groupRejections([])).toEqual([]));
});
