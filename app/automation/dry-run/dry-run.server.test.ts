// The replay's bounds on a busy ledger: keyset batches, counts over the whole window, one page of
// rows kept, later pages from their cursor. Rows are written straight into the ledger (a month of
// a busy shop would take the simulator minutes to route).
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { RuleSet } from "../rules/rule-set";
import { BATCH_SIZE, dryRunPage, PAGE_SIZE, runDryRun } from "./dry-run.server";

const SHOP = "dry-run-bounds.myshopify.com";
const SHOP_B = "dry-run-window.myshopify.com";
const RULES = {
  ruleSet: RuleSet.parse({
    rules: [
      {
        id: "ship-3pl",
        name: "Ship",
        conditions: [{ type: "delivery-method", in: ["SHIPPING"] }],
        action: { type: "request" },
      },
    ],
  }),
  version: 1,
};
const NOW = new Date("2026-11-30T12:00:00Z");
const WINDOW = { from: new Date(NOW.getTime() - 30 * 86_400_000), until: NOW };
const line = (n: number) => ({
  id: `gid://shopify/FulfillmentOrderLineItem/${n}`,
  lineItemId: `gid://shopify/LineItem/${n}`,
  sku: "TEE-1",
  totalQuantity: 2,
  remainingQuantity: 2,
});

/** `count` paid orders, one 3PL FO each, opened a minute apart; every third is pickup. */
async function seedLedger(count: number, shop = SHOP) {
  const start = NOW.getTime() - 20 * 86_400_000;
  await prisma.order.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      id: `${shop}-o${i}`,
      shop,
      shopifyId: `gid://shopify/Order/${i + 1}`,
      name: `#${1001 + i}`,
      placedAt: new Date(start + i * 60_000),
      displayFinancialStatus: "PAID",
      shopifyUpdatedAt: new Date(start + i * 60_000),
    })),
  });
  await prisma.fulfillmentOrder.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      id: `${shop}-fo${i}`,
      shop,
      shopifyId: `gid://shopify/FulfillmentOrder/${i + 1}`,
      orderId: `${shop}-o${i}`,
      orderShopifyId: `gid://shopify/Order/${i + 1}`,
      status: "CLOSED",
      requestStatus: "ACCEPTED",
      deliveryMethod: i % 3 === 2 ? "PICK_UP" : "SHIPPING",
      thirdParty: true,
      lineItems: [line(i + 1)],
      openedAt: new Date(start + i * 60_000),
      shopifyUpdatedAt: new Date(start + i * 60_000 + 1000),
    })),
  });
  // Routed open and unsubmitted; requested and closed since.
  await prisma.fulfillmentOrderEvent.createMany({
    data: Array.from({ length: count }, (_, i) =>
      [
        { kind: "created", fromValue: null, toValue: "OPEN" },
        { kind: "request_status", fromValue: "UNSUBMITTED", toValue: "ACCEPTED" },
        { kind: "status", fromValue: "OPEN", toValue: "CLOSED" },
      ].map((event, n) => ({
        ...event,
        shop,
        fulfillmentOrderId: `${shop}-fo${i}`,
        source: "webhook",
        at: new Date(start + i * 60_000 + n * 1000),
      })),
    ).flat(),
  });
}

describe("the dry run over a busy window", () => {
  it("counts every FO across batches, keeps one page of rows, and pages on from its cursor", async () => {
    // GIVEN more FOs than two batches, and one FO outside the window
    const count = BATCH_SIZE * 2 + 101;
    await seedLedger(count);
    const progress: number[] = [];

    // WHEN the window is replayed
    const run = await runDryRun(SHOP, WINDOW, RULES, 0, (n) => progress.push(n));

    // THEN every FO was decided once (closed today, replayed as routed: requested or pickup)
    const pickups = Math.floor((count - 3) / 3) + 1;
    expect(run.summary.total).toBe(count);
    expect(run.summary.byOutcome).toMatchObject({ request: count - pickups, skip: pickups });
    expect(run.summary.byRule.map((r) => [r.ruleId, r.total])).toEqual([
      ["ship-3pl", count - pickups],
      [null, pickups],
    ]);
    expect(progress).toEqual([BATCH_SIZE, BATCH_SIZE * 2]);
    expect(run.rows).toHaveLength(PAGE_SIZE);
    expect(run.rows[0]!.orderName).toBe("#1001");

    // and the pages after the first walk the rest in order, each FO once
    const seen = run.rows.map((r) => r.fulfillmentOrderId);
    let cursor = run.nextCursor;
    while (cursor) {
      const page = await dryRunPage(SHOP, WINDOW, RULES, 0, cursor);
      expect(page.rows.length).toBeLessThanOrEqual(PAGE_SIZE);
      seen.push(...page.rows.map((r) => r.fulfillmentOrderId));
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(count);
    expect(new Set(seen).size).toBe(count);
    expect(seen.at(-1)).toBe(`gid://shopify/FulfillmentOrder/${count}`);
  });

  it("leaves out FOs opened before the window and other shops' FOs", async () => {
    await seedLedger(3, SHOP_B);
    await seedLedger(2, "dry-run-someone-else.myshopify.com");
    const narrow = { from: new Date(NOW.getTime() - 20 * 86_400_000 + 90_000), until: NOW };

    const run = await runDryRun(SHOP_B, narrow, RULES, 0);

    expect(run.rows.map((r) => r.orderName)).toEqual(["#1003"]);
    expect(run.nextCursor).toBeNull();
  });
});

describe("the dry run's quiet period", () => {
  it("is live automation's at each FO's openedAt, also where the post-purchase evidence leaves its look-back mid-batch", async () => {
    // GIVEN a shop that last saw a post-purchase hold 50 days ago (so, automatically, a 10-minute
    // quiet period for FOs opened up to 20 days ago), and four orders edited a minute before
    // their FO opened: two 22 and 21 days ago, two 19 and 18 days ago
    const shop = "dry-run-quiet.myshopify.com";
    const day = 86_400_000;
    await prisma.order.create({
      data: {
        shop,
        shopifyId: "gid://shopify/Order/999",
        name: "#999",
        placedAt: new Date(NOW.getTime() - 50 * day),
        postPurchaseHoldSeenAt: new Date(NOW.getTime() - 50 * day),
        shopifyUpdatedAt: new Date(NOW.getTime() - 50 * day),
      },
    });
    await seedLedger(4, shop);
    for (const [i, daysAgo] of [22, 21, 19, 18].entries()) {
      const openedAt = new Date(NOW.getTime() - daysAgo * day);
      await prisma.fulfillmentOrder.update({
        where: { id: `${shop}-fo${i}` },
        data: { openedAt, deliveryMethod: "SHIPPING" },
      });
      await prisma.order.update({
        where: { id: `${shop}-o${i}` },
        data: { placedAt: openedAt, lastEditedAt: new Date(openedAt.getTime() - 60_000) },
      });
    }
    const shipAll = {
      ...RULES,
      ruleSet: RuleSet.parse({ rules: [{ id: "all", name: "All", conditions: [], action: { type: "request" } }] }),
    };

    // WHEN the window is replayed with the automatic quiet period
    const run = await runDryRun(shop, WINDOW, shipAll, null);

    // THEN the older two wait for the quiet period, the newer two are requested
    expect(run.rows.map((r) => r.kind)).toEqual(["wait", "wait", "request", "request"]);
  });
});
