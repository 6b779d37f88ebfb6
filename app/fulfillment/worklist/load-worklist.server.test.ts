// loadWorklist against a real SQLite ledger: two shops with the same kinds of FOs, so every
// assertion also proves shop B's rows never leak into shop A's worklist.
import { afterEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { toJsonColumn } from "~/db/json-column";
import { orderFilterFields } from "~/fulfillment/order-filter-fields";
import { loadWorklist } from "./load-worklist.server";
import { DEFAULT_PARAMS, decodeCursor, type WorklistParams } from "./params";
import { WORKLIST_TABS } from "./tabs";

const SHOP_A = "queue-a.myshopify.com";
const SHOP_B = "queue-b.myshopify.com";
const NOW = new Date("2026-11-22T12:00:00.000Z");
const DAY = 24 * 60 * 60_000;

const REQUESTABLE = [{ action: "REQUEST_FULFILLMENT", externalUrl: null }];
const MERCHANT = [{ action: "CREATE_FULFILLMENT", externalUrl: null }];

let sequence = 0;

/** A read row's Json columns as a create accepts them. */
const jsonColumnsOf = (fo: { supportedActions: unknown; holds: unknown; lineItems: unknown }) => ({
  supportedActions: toJsonColumn(fo.supportedActions),
  holds: toJsonColumn(fo.holds),
  lineItems: toJsonColumn(fo.lineItems),
});

interface Seed {
  status?: string;
  requestStatus?: string;
  deliveryMethod?: string | null;
  supportedActions?: { action: string }[];
  /** At a fulfillment service (a 3PL). */
  thirdParty?: boolean;
  location?: string;
  ageDays?: number;
  openedAt?: Date;
  name?: string;
  customerName?: string | null;
  tags?: string[];
  financialStatus?: string;
}

async function seedFo(shop: string, seed: Seed = {}) {
  sequence += 1;
  const openedAt = seed.openedAt ?? new Date(NOW.getTime() - (seed.ageDays ?? 0.5) * DAY);
  const fields = {
    name: seed.name ?? `#${1000 + sequence}`,
    displayFinancialStatus: seed.financialStatus ?? "PAID",
    tags: seed.tags ?? [],
    customerName: seed.customerName === undefined ? "Ada Lovelace" : seed.customerName,
  };
  const order = await prisma.order.create({
    data: {
      shop,
      shopifyId: `gid://shopify/Order/${sequence}`,
      ...fields,
      placedAt: openedAt,
      tags: `,${fields.tags.join(",")},`,
      shopifyUpdatedAt: openedAt,
    },
  });
  // The order's filter fields as the ledger copies them onto its FOs (ledger.server.test.ts).
  return prisma.fulfillmentOrder.create({
    data: {
      shop,
      shopifyId: `gid://shopify/FulfillmentOrder/${sequence}`,
      orderId: order.id,
      orderShopifyId: order.shopifyId,
      ...orderFilterFields(fields),
      status: seed.status ?? "OPEN",
      requestStatus: seed.requestStatus ?? "UNSUBMITTED",
      deliveryMethod: seed.deliveryMethod === undefined ? "SHIPPING" : seed.deliveryMethod,
      locationShopifyId: seed.location ?? "gid://shopify/Location/1",
      locationName: seed.location === "gid://shopify/Location/2" ? "ShipFast 3PL" : "Warehouse",
      supportedActions: seed.supportedActions ?? (seed.thirdParty ? REQUESTABLE : MERCHANT),
      thirdParty: seed.thirdParty ?? false,
      openedAt,
      shopifyUpdatedAt: openedAt,
    },
  });
}

/** One FO of every tab, in the shop. */
async function seedEveryTab(shop: string) {
  await seedFo(shop, { thirdParty: true, location: "gid://shopify/Location/2" }); // to request
  await seedFo(shop, {
    requestStatus: "SUBMITTED",
    thirdParty: true,
    supportedActions: [],
    location: "gid://shopify/Location/2",
  });
  await seedFo(shop, { status: "IN_PROGRESS", requestStatus: "ACCEPTED", thirdParty: true, supportedActions: [] }); // awaiting
  await seedFo(shop, {}); // ready to ship
  await seedFo(shop, { status: "ON_HOLD", supportedActions: [] });
  await seedFo(shop, { deliveryMethod: "PICK_UP" }); // local pickup
  await seedFo(shop, { requestStatus: "REJECTED", thirdParty: true }); // rejected
  await seedFo(shop, { status: "CLOSED" });
  await seedFo(shop, { status: "CANCELLED" });
  await seedFo(shop, { status: "SCHEDULED" }); // only under All
}

const load = (shop: string, params: Partial<WorklistParams> = {}) =>
  loadWorklist(shop, { ...DEFAULT_PARAMS, ...params }, { now: NOW });

afterEach(async () => {
  await prisma.fulfillmentOrder.deleteMany();
  await prisma.order.deleteMany();
});

describe("loadWorklist", () => {
  it("counts every tab of the session's shop only, and lists only its rows", async () => {
    // GIVEN both shops have an FO in every tab, and shop B a few more
    await seedEveryTab(SHOP_A);
    await seedEveryTab(SHOP_B);
    await seedFo(SHOP_B, { thirdParty: true });
    await seedFo(SHOP_B, { thirdParty: true });

    // WHEN shop A opens its worklist
    const view = await load(SHOP_A);

    // THEN the counts are shop A's
    expect(view.counts).toEqual({
      "to-request": 1,
      "awaiting-3pl": 2,
      "ready-to-ship": 1,
      "on-hold": 1,
      "local-pickup": 1,
      rejected: 1,
      done: 2,
      all: 10,
    });
    // AND every tab lists exactly its count of shop A's rows
    const shopBIds = new Set(
      (await prisma.fulfillmentOrder.findMany({ where: { shop: SHOP_B } })).map((f) => f.shopifyId),
    );
    for (const tab of WORKLIST_TABS) {
      const rows = (await load(SHOP_A, { tab })).rows;
      expect(rows, tab).toHaveLength(view.counts[tab]);
      expect(
        rows.some((row) => shopBIds.has(row.id)),
        tab,
      ).toBe(false);
    }
    expect(view.locations.map((l) => l.name)).toEqual(["ShipFast 3PL", "Warehouse"]);
  });

  it("shows a row with its order, payment, tags, holds and Shopify's updatedAt", async () => {
    const fo = await seedFo(SHOP_A, {
      status: "ON_HOLD",
      name: "#1042",
      customerName: "Grace Hopper",
      tags: ["vip", "gift"],
      financialStatus: "PENDING",
    });
    await prisma.fulfillmentOrder.update({
      where: { id: fo.id },
      data: {
        holds: [
          {
            id: "gid://shopify/FulfillmentHold/1",
            reason: "INCORRECT_ADDRESS",
            handle: "fulfillment-desk-abc",
            heldByRequestingApp: true,
          },
        ],
      },
    });

    const [row] = (await load(SHOP_A, { tab: "on-hold" })).rows;

    expect(row).toEqual({
      id: fo.shopifyId,
      orderName: "#1042",
      customerName: "Grace Hopper",
      financialStatus: "PENDING",
      tags: ["vip", "gift"],
      status: "ON_HOLD",
      requestStatus: "UNSUBMITTED",
      deliveryMethod: "SHIPPING",
      locationName: "Warehouse",
      holdReasons: ["INCORRECT_ADDRESS"],
      heldByUs: true,
      remainingQuantity: 0,
      rejection: null,
      openedAt: fo.openedAt.toISOString(),
      shopifyUpdatedAt: fo.shopifyUpdatedAt.toISOString(),
    });
  });

  it("pages through a tab with ties on age without repeating or skipping a row, both ways", async () => {
    // GIVEN 60 FOs opened at only 4 distinct instants (ties broken by id)
    const instants = [1, 2, 3, 4].map((d) => new Date(NOW.getTime() - d * DAY));
    for (let i = 0; i < 60; i += 1) await seedFo(SHOP_A, { openedAt: instants[i % 4] });
    for (let i = 0; i < 5; i += 1) await seedFo(SHOP_B, { openedAt: instants[0] });

    for (const sort of ["oldest", "newest"] as const) {
      // WHEN the merchant pages forward to the end
      const pages: string[][] = [];
      let params: Partial<WorklistParams> = { tab: "ready-to-ship", sort };
      for (;;) {
        const view = await load(SHOP_A, params);
        pages.push(view.rows.map((r) => r.id));
        if (pages.length === 1) expect(view.previousCursor).toBeNull();
        const after = decodeCursor(view.nextCursor);
        if (!after) break;
        params = { tab: "ready-to-ship", sort, after };
      }
      // THEN every row shows once, in age order
      const seen = pages.flat();
      expect(pages.map((p) => p.length)).toEqual([25, 25, 10]);
      expect(new Set(seen).size).toBe(60);
      const rows = await prisma.fulfillmentOrder.findMany({
        where: { shop: SHOP_A },
        orderBy: [{ openedAt: sort === "oldest" ? "asc" : "desc" }, { id: sort === "oldest" ? "asc" : "desc" }],
      });
      expect(seen).toEqual(rows.map((r) => r.shopifyId));

      // AND paging back from the last page gives the same pages
      const last = await load(SHOP_A, params);
      const back = await load(SHOP_A, { tab: "ready-to-ship", sort, before: decodeCursor(last.previousCursor) });
      expect(back.rows.map((r) => r.id)).toEqual(pages[1]);
      const firstAgain = await load(SHOP_A, { tab: "ready-to-ship", sort, before: decodeCursor(back.previousCursor) });
      expect(firstAgain.rows.map((r) => r.id)).toEqual(pages[0]);
      expect(firstAgain.previousCursor).toBeNull();
    }
  });

  it("pages a filtered list the same way, ties included", async () => {
    // GIVEN 30 tagged FOs among untagged ones, with ties
    const instants = [1, 2, 3].map((d) => new Date(NOW.getTime() - d * DAY));
    for (let i = 0; i < 30; i += 1) await seedFo(SHOP_A, { openedAt: instants[i % 3], tags: ["rush"] });
    for (let i = 0; i < 5; i += 1) await seedFo(SHOP_A, { openedAt: instants[0] });
    await seedFo(SHOP_B, { tags: ["rush"] });

    const first = await load(SHOP_A, { tab: "ready-to-ship", tag: "rush" });
    const second = await load(SHOP_A, { tab: "ready-to-ship", tag: "rush", after: decodeCursor(first.nextCursor) });
    const back = await load(SHOP_A, { tab: "ready-to-ship", tag: "rush", before: decodeCursor(second.previousCursor) });

    expect(first.counts).toMatchObject({ "ready-to-ship": 30, all: 30 });
    expect([first.rows.length, second.rows.length]).toEqual([25, 5]);
    expect(second.nextCursor).toBeNull();
    const all = [...first.rows, ...second.rows].map((r) => r.id);
    expect(new Set(all).size).toBe(30);
    const expected = await prisma.fulfillmentOrder.findMany({
      where: { shop: SHOP_A, order: { tags: { contains: ",rush," } } },
      orderBy: [{ openedAt: "asc" }, { id: "asc" }],
    });
    expect(all).toEqual(expected.map((r) => r.shopifyId));
    expect(back.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    expect(back.previousCursor).toBeNull();
  });

  it("keeps the next page stable when a new FO arrives while the merchant reads", async () => {
    for (let i = 0; i < 30; i += 1) await seedFo(SHOP_A, { ageDays: 10 - i * 0.1 });
    const first = await load(SHOP_A, { tab: "ready-to-ship" });

    await seedFo(SHOP_A, { ageDays: 20 }); // older than everything: sorts before page 1's rows
    const second = await load(SHOP_A, { tab: "ready-to-ship", after: decodeCursor(first.nextCursor) });

    expect(second.rows).toHaveLength(5);
    expect(second.rows.some((r) => first.rows.some((f) => f.id === r.id))).toBe(false);
  });

  it.each([
    { by: "order name with #", query: "#1777", expected: ["#1777"] },
    { by: "order number without #", query: "1777", expected: ["#1777"] },
    { by: "customer name, any case", query: "hopper", expected: ["#1778"] },
    { by: "part of a customer name", query: "Love", expected: ["#1777"] },
  ])("searches by $by", async ({ query, expected }) => {
    await seedFo(SHOP_A, { name: "#1777", customerName: "Ada Lovelace" });
    await seedFo(SHOP_A, { name: "#1778", customerName: "Grace Hopper" });
    await seedFo(SHOP_A, { name: "#1779", customerName: null });
    await seedFo(SHOP_B, { name: "#1777", customerName: "Grace Hopper" });

    const view = await load(SHOP_A, { tab: "ready-to-ship", query });

    expect(view.rows.map((r) => r.orderName)).toEqual(expected);
    expect(view.counts["ready-to-ship"]).toBe(expected.length);
  });

  it.each([
    { filter: "location", params: { locationId: "gid://shopify/Location/2" }, expected: ["#2"] },
    { filter: "delivery method", params: { deliveryMethod: "LOCAL" }, expected: ["#3"] },
    { filter: "age", params: { olderThanDays: 3 as const }, expected: ["#4"] },
    { filter: "whole tag (not a prefix)", params: { tag: "vip" }, expected: ["#5"] },
    { filter: "financial status", params: { financialStatus: "AUTHORIZED" }, expected: ["#6"] },
  ])("filters by $filter, counts included", async ({ params, expected }) => {
    await seedFo(SHOP_A, { name: "#1" });
    await seedFo(SHOP_A, { name: "#2", location: "gid://shopify/Location/2" });
    await seedFo(SHOP_A, { name: "#3", deliveryMethod: "LOCAL" });
    await seedFo(SHOP_A, { name: "#4", ageDays: 4 });
    await seedFo(SHOP_A, { name: "#5", tags: ["vip"] });
    await seedFo(SHOP_A, { name: "#6", financialStatus: "AUTHORIZED", tags: ["vip-gold"] });
    // Shop B matches every filter
    await seedFo(SHOP_B, {
      location: "gid://shopify/Location/2",
      deliveryMethod: "LOCAL",
      ageDays: 4,
      tags: ["vip"],
      financialStatus: "AUTHORIZED",
    });

    const view = await load(SHOP_A, { tab: "ready-to-ship", ...params });

    expect(view.rows.map((r) => r.orderName)).toEqual(expected);
    expect(view.counts["ready-to-ship"]).toBe(expected.length);
    expect(view.counts.all).toBe(expected.length);
  });

  it("pages an order-number search (read whole, paged in memory) like any other list", async () => {
    // GIVEN one order split into 30 FOs with ties on age, and its namesake in shop B
    const instants = [1, 2].map((d) => new Date(NOW.getTime() - d * DAY));
    const first = await seedFo(SHOP_A, { name: "#4242", openedAt: instants[0] });
    const order = await prisma.order.findUniqueOrThrow({ where: { id: first.orderId } });
    for (let i = 1; i < 30; i += 1) {
      await prisma.fulfillmentOrder.create({
        data: {
          ...first,
          ...jsonColumnsOf(first),
          id: undefined,
          shopifyId: `${first.shopifyId}-${i}`,
          status: i % 10 === 0 ? "CLOSED" : "OPEN",
          openedAt: instants[i % 2]!,
          orderId: order.id,
        },
      });
    }
    await seedFo(SHOP_B, { name: "#4242" });

    const page1 = await load(SHOP_A, { tab: "ready-to-ship", query: "4242" });
    const page2 = await load(SHOP_A, { tab: "ready-to-ship", query: "4242", after: decodeCursor(page1.nextCursor) });
    const back = await load(SHOP_A, {
      tab: "ready-to-ship",
      query: "4242",
      before: decodeCursor(page2.previousCursor),
    });

    expect(page1.counts).toMatchObject({ "ready-to-ship": 28, done: 2, all: 30 });
    expect([page1.rows.length, page2.rows.length, page2.nextCursor]).toEqual([25, 3, null]);
    const expected = await prisma.fulfillmentOrder.findMany({
      where: { shop: SHOP_A, status: "OPEN" },
      orderBy: [{ openedAt: "asc" }, { id: "asc" }],
    });
    expect([...page1.rows, ...page2.rows].map((r) => r.id)).toEqual(expected.map((r) => r.shopifyId));
    expect(back.rows.map((r) => r.id)).toEqual(page1.rows.map((r) => r.id));
  });

  it("files an FO by where it is assigned, not by what Shopify allows at the moment", async () => {
    // A 3PL FO Shopify offers no request for right now (e.g. while the order is being edited) is
    // still the 3PL's: never on the merchant's "Ready to ship" list.
    await seedFo(SHOP_A, { name: "#1", thirdParty: true, supportedActions: [{ action: "HOLD" }] });
    await seedFo(SHOP_A, { name: "#2", supportedActions: [{ action: "HOLD" }] });

    const view = await load(SHOP_A, { tab: "to-request" });

    expect(view.rows.map((r) => r.orderName)).toEqual(["#1"]);
    expect(view.counts).toMatchObject({ "to-request": 1, "ready-to-ship": 1 });
  });

  it("matches tags and customer names in any case, on any database", async () => {
    await seedFo(SHOP_A, { name: "#1", tags: ["VIP", "Gift"], customerName: "Émile Zola" });
    await seedFo(SHOP_A, { name: "#2", tags: ["vip-gold"], customerName: "Ada Lovelace" });

    const byTag = await load(SHOP_A, { tab: "ready-to-ship", tag: "vip" });
    const byName = await load(SHOP_A, { tab: "ready-to-ship", query: "ÉMILE" });

    expect(byTag.rows.map((r) => [r.orderName, r.tags])).toEqual([["#1", ["VIP", "Gift"]]]);
    expect(byName.rows.map((r) => [r.orderName, r.customerName])).toEqual([["#1", "Émile Zola"]]);
  });

  it("matches % and _ in a search literally, on any database (they are LIKE's wildcards)", async () => {
    await seedFo(SHOP_A, { name: "#1", tags: ["needs_review"], customerName: "50% Off Ltd" });
    await seedFo(SHOP_A, { name: "#2", tags: ["needsXreview"], customerName: "50 Broad St Off Ltd" });

    const byTag = await load(SHOP_A, { tab: "ready-to-ship", tag: "needs_review" });
    const byName = await load(SHOP_A, { tab: "ready-to-ship", query: "50% off" });
    const byUnderscore = await load(SHOP_A, { tab: "ready-to-ship", query: "_" });

    expect(byTag.rows.map((r) => r.orderName)).toEqual(["#1"]);
    expect(byName.rows.map((r) => r.orderName)).toEqual(["#1"]);
    expect(byUnderscore.rows).toEqual([]);
  });

  it("counts a tab up to the limit and says 'more' past it, on either database", async () => {
    // GIVEN four done FOs and one ready to ship
    for (let i = 0; i < 4; i += 1) await seedFo(SHOP_A, { status: "CLOSED" });
    await seedFo(SHOP_A, {});

    // WHEN the worklist counts to 2
    const view = await loadWorklist(SHOP_A, DEFAULT_PARAMS, { now: NOW, countLimit: 2 });

    // THEN a count over the limit is limit + 1 ("more than 2"), one under it is exact
    expect(view.countLimit).toBe(2);
    expect(view.counts).toMatchObject({ done: 3, "ready-to-ship": 1, all: 3, "to-request": 0 });
    // AND the Done tab still lists its rows
    expect((await load(SHOP_A, { tab: "done" })).rows).toHaveLength(4);
    // AND the default limit counts them exactly
    expect((await load(SHOP_A)).counts).toMatchObject({ done: 4, all: 5 });
  });
});
