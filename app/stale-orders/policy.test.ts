import { describe, expect, it } from "vitest";
import {
  candidateSearch,
  DEFAULT_POLICY,
  evaluateStaleOrder,
  type ExclusionReason,
  type StaleOrderPolicySettings,
  type StaleOrderSnapshot,
} from "./policy";
import { buildPreview } from "./preview";

const NOW = new Date("2026-11-20T12:00:00Z");
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();

const stale = (over: Partial<StaleOrderSnapshot> = {}): StaleOrderSnapshot => ({
  id: "gid://shopify/Order/1",
  name: "#1001",
  createdAt: daysAgo(5),
  cancelled: false,
  closed: false,
  financialStatus: "PENDING",
  fulfillmentStatus: "UNFULFILLED",
  gateways: ["Bank Deposit"],
  tags: [],
  customer: "Ada Lovelace",
  paymentTerms: null,
  returnStatus: null,
  locations: [{ id: "gid://shopify/Location/1", name: "Warehouse", isActive: true }],
  reservedLines: [
    { sku: "MUG-1", title: "Mug", locationId: "gid://shopify/Location/1", locationName: "Warehouse", quantity: 2 },
  ],
  truncated: false,
  ...over,
});

describe("evaluateStaleOrder", () => {
  it.each<[string, Partial<StaleOrderSnapshot>, Partial<StaleOrderPolicySettings>, ExclusionReason | "eligible"]>([
    ["a pending order older than the threshold", {}, {}, "eligible"],
    ["an expired authorization", { financialStatus: "EXPIRED" }, {}, "eligible"],
    [
      "expired authorizations when the policy leaves them out",
      { financialStatus: "EXPIRED" },
      { includeExpiredAuthorizations: false },
      "not-unpaid",
    ],
    ["pending orders when the policy leaves them out", {}, { includePending: false }, "not-unpaid"],
    ["a paid order", { financialStatus: "PAID" }, {}, "paid"],
    ["a refunded order", { financialStatus: "REFUNDED" }, {}, "paid"],
    ["a partially paid order by default", { financialStatus: "PARTIALLY_PAID" }, {}, "partially-paid"],
    [
      "a partially paid order when opted in",
      { financialStatus: "PARTIALLY_PAID" },
      { includePartiallyPaid: true },
      "eligible",
    ],
    ["a live (pending) authorization", { financialStatus: "AUTHORIZED" }, {}, "pending-authorization"],
    ["a voided order", { financialStatus: "VOIDED" }, {}, "not-unpaid"],
    ["an order on B2B payment terms not yet due", { paymentTerms: { overdue: false } }, {}, "payment-terms"],
    [
      "an order on overdue payment terms (collect, don't cancel)",
      { paymentTerms: { overdue: true } },
      {},
      "payment-terms",
    ],
    ["a fulfilled order", { fulfillmentStatus: "FULFILLED" }, {}, "fulfilled"],
    ["a partially fulfilled order", { fulfillmentStatus: "PARTIALLY_FULFILLED" }, {}, "partially-fulfilled"],
    ["an order a 3PL is working on", { fulfillmentStatus: "IN_PROGRESS" }, {}, "fulfillment-in-progress"],
    ["an order with a return in progress", { returnStatus: "IN_PROGRESS" }, {}, "active-return"],
    ["an order with a requested return", { returnStatus: "RETURN_REQUESTED" }, {}, "active-return"],
    ["an order whose return is closed", { returnStatus: "RETURNED" }, {}, "eligible"],
    [
      "an order at a deactivated location",
      { locations: [{ id: "gid://shopify/Location/9", name: "Closed shop", isActive: false }] },
      {},
      "deactivated-location",
    ],
    ["an order younger than the threshold", { createdAt: daysAgo(2) }, {}, "too-recent"],
    ["an order exactly at the threshold", { createdAt: daysAgo(3) }, {}, "eligible"],
    [
      "an order through another gateway when gateways are limited",
      {},
      { gateways: ["Cash on Delivery (COD)"] },
      "gateway",
    ],
    ["an order through a listed gateway, any case", {}, { gateways: ["bank deposit"] }, "eligible"],
    ["an order carrying an excluded tag", { tags: ["Wholesale"] }, { excludedTags: ["wholesale"] }, "excluded-tag"],
    ["an order already cancelled", { cancelled: true }, {}, "cancelled"],
    ["an archived (closed) order", { closed: true }, {}, "cancelled"],
    ["an order holding no stock", { reservedLines: [] }, {}, "nothing-reserved"],
    ["an order too large to preview exactly", { truncated: true }, {}, "truncated"],
    ["an order re-checked without its lines", { reservedLines: null }, {}, "eligible"],
  ])("%s → %s", (_name, order, policy, expected) => {
    const decision = evaluateStaleOrder(stale(order), { ...DEFAULT_POLICY, ...policy }, NOW);
    expect(decision.eligible ? "eligible" : decision.reason).toBe(expected);
  });

  it("reports the safety reason before the merchant's filters", () => {
    const decision = evaluateStaleOrder(
      stale({ financialStatus: "PAID", tags: ["keep"], createdAt: daysAgo(0) }),
      { ...DEFAULT_POLICY, excludedTags: ["keep"] },
      NOW,
    );
    expect(decision).toEqual({ eligible: false, reason: "paid" });
  });
});

describe("candidateSearch", () => {
  it("asks Shopify for unfulfilled open orders of one financial status created before the threshold", () => {
    expect(candidateSearch("PENDING", DEFAULT_POLICY, NOW)).toBe(
      "financial_status:pending fulfillment_status:unfulfilled status:open created_at:<'2026-11-17T12:00:00.000Z'",
    );
  });
});

describe("buildPreview", () => {
  it("lists candidates and exclusions and sums units per SKU and location", () => {
    const warehouse = { locationId: "L1", locationName: "Warehouse" };
    const store = { locationId: "L2", locationName: "Store" };
    const preview = buildPreview(
      [
        stale({ id: "A", reservedLines: [{ sku: "MUG-1", title: "Mug", quantity: 2, ...warehouse }] }),
        stale({
          id: "B",
          reservedLines: [
            { sku: "MUG-1", title: "Mug", quantity: 3, ...warehouse },
            { sku: "TEE-1", title: "Tee", quantity: 1, ...store },
          ],
        }),
        stale({ id: "C", financialStatus: "PAID" }),
        stale({ id: "A" }),
      ],
      DEFAULT_POLICY,
      NOW,
    );
    expect(preview.candidates.map((c) => [c.id, c.units, c.ageHours])).toEqual([
      ["A", 2, 120],
      ["B", 4, 120],
    ]);
    expect(preview.excluded).toEqual([{ id: "C", name: "#1001", financialStatus: "PAID", reason: "paid" }]);
    expect(preview.totals).toEqual([
      { sku: "MUG-1", quantity: 5, ...warehouse },
      { sku: "TEE-1", quantity: 1, ...store },
    ]);
  });
});
