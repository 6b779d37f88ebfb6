// Property: over generated orders, whatever the policy, an order that is paid, partially paid
// (unless opted in), fulfilled, partially fulfilled, on payment terms, at a deactivated location
// or with a live authorization is never eligible. PROPERTY_SEED replays a failing run.
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../tests/support/random";
import { evaluateStaleOrder, type StaleOrderPolicySettings, type StaleOrderSnapshot } from "./policy";

const RUNS = Number(process.env.PROPERTY_RUNS ?? 2_000);
const SEED = Number(process.env.PROPERTY_SEED ?? 5);
const NOW = new Date("2026-11-20T12:00:00Z");

const FINANCIAL = [
  "PAID",
  "PENDING",
  "AUTHORIZED",
  "PARTIALLY_PAID",
  "EXPIRED",
  "REFUNDED",
  "PARTIALLY_REFUNDED",
  "VOIDED",
];
const FULFILLMENT = ["UNFULFILLED", "FULFILLED", "PARTIALLY_FULFILLED", "IN_PROGRESS", "ON_HOLD", "SCHEDULED"];
const GATEWAYS = ["manual", "Bank Deposit", "Cash on Delivery (COD)", "shopify_payments"];
const TAGS = ["wholesale", "vip", "keep", "gift"];

function generate(random: ReturnType<typeof seededRandom>): {
  order: StaleOrderSnapshot;
  policy: StaleOrderPolicySettings;
} {
  const order: StaleOrderSnapshot = {
    id: "gid://shopify/Order/1",
    name: "#1",
    createdAt: new Date(NOW.getTime() - random.int(0, 30 * 24) * 3_600_000).toISOString(),
    cancelled: random.chance(0.05),
    closed: random.chance(0.05),
    financialStatus: random.chance(0.5) ? random.pick(["PENDING", "EXPIRED"]) : random.pick(FINANCIAL),
    fulfillmentStatus: random.chance(0.5) ? "UNFULFILLED" : random.pick(FULFILLMENT),
    gateways: [random.pick(GATEWAYS)],
    tags: TAGS.filter(() => random.chance(0.2)),
    customer: null,
    paymentTerms: random.chance(0.1) ? { overdue: random.chance(0.5) } : null,
    returnStatus: random.chance(0.1) ? "IN_PROGRESS" : null,
    locations: [{ id: "L", name: "L", isActive: random.chance(0.9) }],
    reservedLines: random.chance(0.1)
      ? null
      : [{ sku: "S", title: "S", locationId: "L", locationName: "L", quantity: random.int(0, 3) }],
    truncated: random.chance(0.05),
  };
  const policy: StaleOrderPolicySettings = {
    olderThanHours: random.int(0, 10 * 24),
    includePending: random.chance(0.8),
    includeExpiredAuthorizations: random.chance(0.8),
    includePartiallyPaid: random.chance(0.5),
    gateways: random.chance(0.7) ? [] : GATEWAYS.filter(() => random.chance(0.3)),
    excludedTags: TAGS.filter(() => random.chance(0.2)),
  };
  return { order, policy };
}

describe("the stale-order policy over generated orders", () => {
  it(`never selects a paid, partially paid (unless opted in), fulfilled, partially fulfilled or net-terms order (${RUNS} runs, seed ${SEED})`, () => {
    const random = seededRandom(SEED);
    let eligible = 0;
    for (let run = 0; run < RUNS; run += 1) {
      const { order, policy } = generate(random);
      const decision = evaluateStaleOrder(order, policy, NOW);
      if (!decision.eligible) continue;
      eligible += 1;
      const context = { run, order, policy };
      expect(["PENDING", "EXPIRED", "PARTIALLY_PAID"], JSON.stringify(context)).toContain(order.financialStatus);
      if (order.financialStatus === "PARTIALLY_PAID")
        expect(policy.includePartiallyPaid, JSON.stringify(context)).toBe(true);
      expect(order.fulfillmentStatus, JSON.stringify(context)).toBe("UNFULFILLED");
      expect(order.paymentTerms, JSON.stringify(context)).toBeNull();
      expect(order.cancelled || order.closed || order.truncated).toBe(false);
      expect(order.returnStatus).toBeNull();
      expect(order.locations.every((l) => l.isActive)).toBe(true);
      expect(Date.parse(order.createdAt)).toBeLessThanOrEqual(NOW.getTime() - policy.olderThanHours * 3_600_000);
      expect(order.tags.some((t) => policy.excludedTags.includes(t))).toBe(false);
    }
    // The generator must reach the eligible side too, or the property proves nothing.
    expect(eligible).toBeGreaterThan(RUNS / 100);
  });
});
