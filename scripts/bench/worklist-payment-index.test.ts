// The payment filter's index (docs/benchmarks.md#benchworklist): on PostgreSQL, the worklist's
// statements for a rare payment status seek FulfillmentOrder_payment_idx instead of reading a
// tab's entries (or the shop's age index) until they find enough matches. The SQL is what Prisma
// generates for loadWorklist (scripts/bench/worklist-diagnose.ts prints it), on a bench ledger.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPostgresUrl } from "~/db/database-url";
import { prisma } from "~/db.server";
import { env } from "~/env.server";
import { prismaSink, seedWorklistLedger, WORKLIST_BENCH_SHOPS } from "./worklist-seed";

const NOW = new Date("2026-12-04T00:00:00.000Z");
const SHOP = WORKLIST_BENCH_SHOPS[0].shop;

/** The capped count of a tab (ADR 0040) and the first page of one (status, request status) pair. */
const ON_HOLD_COUNT = `SELECT COUNT(*) FROM (SELECT "id" FROM "FulfillmentOrder"
  WHERE "shop" = $1 AND "orderFinancialStatus" = $2 AND "status" IN ('ON_HOLD') ORDER BY "shop" ASC LIMIT 1001) AS sub`;
const ON_HOLD_PAGE = `SELECT "id", "openedAt" FROM "FulfillmentOrder"
  WHERE "shop" = $1 AND "orderFinancialStatus" = $2 AND "status" = 'ON_HOLD' ORDER BY "openedAt" ASC, "id" ASC LIMIT 26`;
const TO_REQUEST_COUNT = `SELECT COUNT(*) FROM (SELECT "id" FROM "FulfillmentOrder"
  WHERE "shop" = $1 AND "orderFinancialStatus" = $2 AND "status" IN ('OPEN') AND "requestStatus" IN ('UNSUBMITTED')
  AND "thirdParty" = true ORDER BY "shop" ASC LIMIT 1001) AS sub`;

type PlanNode = { "Index Name"?: string; Plans?: PlanNode[] };

async function indexesUsed(sql: string): Promise<string[]> {
  const rows = await prisma.$queryRawUnsafe<{ "QUERY PLAN": [{ Plan: PlanNode }] }[]>(
    `EXPLAIN (FORMAT JSON) ${sql}`,
    SHOP,
    "PENDING",
  );
  const names: string[] = [];
  const walk = (node: PlanNode) => {
    if (node["Index Name"]) names.push(node["Index Name"]);
    node.Plans?.forEach(walk);
  };
  walk(rows[0]!["QUERY PLAN"][0].Plan);
  return names;
}

describe.skipIf(!isPostgresUrl(env.DATABASE_URL))("the worklist's payment filter on PostgreSQL", () => {
  beforeAll(async () => {
    await seedWorklistLedger(prismaSink(prisma), NOW, 10_000);
    // What autovacuum gives a production database: planner statistics.
    await prisma.$executeRawUnsafe(`ANALYZE "FulfillmentOrder"`);
  }, 120_000);

  afterAll(async () => {
    await prisma.fulfillmentOrder.deleteMany();
    await prisma.order.deleteMany();
  });

  it("counts and pages a rare payment status on its own index", async () => {
    expect(await indexesUsed(ON_HOLD_COUNT)).toEqual(["FulfillmentOrder_payment_idx"]);
    expect(await indexesUsed(ON_HOLD_PAGE)).toEqual(["FulfillmentOrder_payment_idx"]);
    expect(await indexesUsed(TO_REQUEST_COUNT)).toEqual(["FulfillmentOrder_payment_idx"]);
  });
});
