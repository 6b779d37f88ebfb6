// The home screen (fulfillment worklist) through the real authenticate.admin: session tokens
// minted like Shopify's, the shop's offline session, and Admin calls to the store simulator.
import { afterEach, describe, expect, it } from "vitest";
import { type Kit, startKit } from "../../tests/support/action-kit";
import { OUR_HOLD_HANDLE_PREFIX } from "~/fulfillment/actions/contract";
import { prisma } from "~/db.server";
import type { BulkActionData } from "~/fulfillment/worklist/bulk-intent";
import type { WorklistView } from "~/fulfillment/worklist/types";
import { callRoute, documentRequest, fetchRequest, sessionTokenFor } from "../../tests/support/embedded-request";
import { action, loader } from "./app._index";

const SHOP = "queue-route-a.myshopify.com";
const OTHER_SHOP = "queue-route-b.myshopify.com";

const kit = startKit();
afterEach(async () => {
  kit.get().h.close();
  await prisma.fulfillmentOrder.deleteMany();
  await prisma.order.deleteMany();
});

/** Every Admin mutation the app sends the simulator from here on, by operation name. */
function recordMutations(k: Kit): string[] {
  const seen: string[] = [];
  const original = k.h.sim.fetch.bind(k.h.sim);
  // The harness routes Admin calls to sim.fetch at call time, so wrapping it sees them all.
  (k.h.sim as { fetch: (request: Request) => Promise<Response> }).fetch = async (request: Request) => {
    const body = (await request
      .clone()
      .json()
      .catch(() => null)) as { query?: string } | null;
    const name = /mutation\s+(\w+)/.exec(body?.query ?? "")?.[1];
    if (name) seen.push(name);
    return original(request);
  };
  return seen;
}

async function start() {
  const k = await kit.start(SHOP);
  return { k, sent: recordMutations(k) };
}

async function thirdPartyOrders(count: number) {
  const { k, sent } = await start();
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const placed = await k.placeOrder({
      lineItems: [{ variantId: k.seed.mug.id, quantity: 2 }],
      locationId: k.seed.thirdParty.id,
    });
    ids.push(...placed.fulfillmentOrderIds);
  }
  return { k, ids, sent };
}

/** Shop B's ledger has an FO of its own (straight into the ledger: it never reaches shop A). */
async function otherShopRow() {
  const order = await prisma.order.create({
    data: {
      shop: OTHER_SHOP,
      shopifyId: "gid://shopify/Order/999001",
      name: "#9001",
      placedAt: new Date(),
      shopifyUpdatedAt: new Date(),
    },
  });
  await prisma.fulfillmentOrder.create({
    data: {
      shop: OTHER_SHOP,
      shopifyId: "gid://shopify/FulfillmentOrder/999001",
      orderId: order.id,
      orderShopifyId: order.shopifyId,
      status: "OPEN",
      requestStatus: "UNSUBMITTED",
      supportedActions: [{ action: "REQUEST_FULFILLMENT", externalUrl: null }],
      thirdParty: true,
      openedAt: new Date(),
      shopifyUpdatedAt: new Date(),
    },
  });
}

const rowsOf = async (ids: string[]) =>
  JSON.stringify(
    await Promise.all(
      ids.map(async (id) => {
        const row = await prisma.fulfillmentOrder.findUniqueOrThrow({
          where: { shop_shopifyId: { shop: SHOP, shopifyId: id } },
        });
        return { id, updatedAt: row.shopifyUpdatedAt.toISOString() };
      }),
    ),
  );

const post = (form: Record<string, string>) => callRoute(action, fetchRequest("/app", SHOP, { form }));
const view = async (search = "") =>
  (await (await callRoute(loader, fetchRequest(`/app${search}`, SHOP))).json()) as WorklistView;

describe("the worklist loader", () => {
  it("opens in the admin iframe on To request with the shop's own FOs and every tab's count", async () => {
    // GIVEN two 3PL orders and one warehouse order in shop A, and an FO in shop B
    const { k, ids } = await thirdPartyOrders(2);
    await k.placeOrder({ lineItems: [{ variantId: k.seed.tee.id, quantity: 1 }], locationId: k.seed.warehouse.id });
    await otherShopRow();

    // WHEN the merchant opens the app
    const response = await callRoute(loader, documentRequest("/app", SHOP));

    // THEN the default tab lists shop A's two 3PL FOs, and nothing of shop B
    expect(response.status).toBe(200);
    const data = (await response.json()) as WorklistView;
    expect(data.params.tab).toBe("to-request");
    expect(data.rows.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(data.counts).toMatchObject({ "to-request": 2, "ready-to-ship": 1, all: 3 });
  });

  it("reads tab, filters and search from the URL (App Bridge's data fetch)", async () => {
    const { k } = await thirdPartyOrders(1);
    await k.placeOrder({ lineItems: [{ variantId: k.seed.tee.id, quantity: 1 }], locationId: k.seed.warehouse.id });

    const data = await view(
      `?tab=ready-to-ship&location=${encodeURIComponent(k.seed.warehouse.id)}&sort=newest&_data=routes%2Fapp._index`,
    );

    expect(data.params).toMatchObject({ tab: "ready-to-ship", locationId: k.seed.warehouse.id, sort: "newest" });
    expect(data.rows).toHaveLength(1);
    expect(data.rows[0]?.locationName).toBe("Warehouse");
  });

  it("answers a refused search or tag with the rest of the worklist and says which was refused", async () => {
    const { ids } = await thirdPartyOrders(1);

    const response = await callRoute(
      loader,
      fetchRequest(`/app?q=${"a".repeat(101)}&tag=${encodeURIComponent("vip,wholesale")}`, SHOP),
    );

    expect(response.status).toBe(200);
    const data = (await response.json()) as WorklistView & { problems: unknown };
    expect(data.problems).toEqual({ query: "too-long", tag: "comma" });
    expect(data.params).toMatchObject({ query: null, tag: null });
    expect(data.rows.map((r) => r.id)).toEqual(ids);
  });

  it("refuses a session token signed with another app's secret", async () => {
    await kit.start(SHOP);
    const response = await callRoute(
      loader,
      fetchRequest("/app", SHOP, { token: sessionTokenFor(SHOP, "not-this-apps-secret") }),
    );
    expect(response.status).toBe(401);
  });
});

describe("the worklist's bulk actions", () => {
  it("requests fulfillment for every selected FO, one after another, and reports each row", async () => {
    // GIVEN three 3PL FOs in To request
    const { k, ids, sent } = await thirdPartyOrders(3);

    // WHEN the merchant selects them and clicks Request fulfillment
    const response = await post({
      intent: "bulk-request-fulfillment",
      rows: await rowsOf(ids),
      batchKey: "batch-0001",
    });

    // THEN each row is done, Shopify has the requests, and the worklist moved them to Awaiting 3PL
    expect(response.status).toBe(200);
    const data = (await response.json()) as BulkActionData;
    expect(data).toEqual({
      ok: true,
      intent: "bulk-request-fulfillment",
      results: ids.map((id) => ({
        id,
        outcome: "done",
        message: "Fulfillment requested from the fulfillment service",
      })),
    });
    for (const id of ids) expect(k.h.sim.getFulfillmentOrder(id).requestStatus).toBe("SUBMITTED");
    expect(sent.filter((name) => /FulfillmentRequest/i.test(name))).toHaveLength(3);
    expect((await view()).counts).toMatchObject({ "to-request": 0, "awaiting-3pl": 3 });
    // AND each row carried its own idempotency key, derived from the submission's
    const keys = (await prisma.actionRequest.findMany({ where: { shop: SHOP } })).map((r) => r.idempotencyKey).sort();
    expect(keys).toEqual(ids.map((id) => `batch-0001:${id.split("/").pop()}`).sort());
  });

  it("skips a stale row and one the action doesn't apply to, with the reason, and does the rest", async () => {
    const { k, ids } = await thirdPartyOrders(2);
    const warehouse = await k.placeOrder({
      lineItems: [{ variantId: k.seed.tee.id, quantity: 1 }],
      locationId: k.seed.warehouse.id,
    });
    const rows = JSON.parse(await rowsOf(ids)) as { id: string; updatedAt: string }[];
    // The page was loaded before the first FO last changed
    rows[0]!.updatedAt = new Date(Date.parse(rows[0]!.updatedAt) - 60_000).toISOString();
    const warehouseRow = JSON.parse(await rowsOf(warehouse.fulfillmentOrderIds))[0];

    const data = (await (
      await post({
        intent: "bulk-request-fulfillment",
        rows: JSON.stringify([...rows, warehouseRow]),
        batchKey: "batch-0002",
      })
    ).json()) as BulkActionData;

    expect(data.ok && data.results.map((r) => r.outcome)).toEqual(["skipped", "done", "skipped"]);
    expect(data.ok && data.results[0]?.message).toMatch(/changed since/);
    expect(data.ok && data.results[2]?.message).not.toBe("");
    expect(k.h.sim.getFulfillmentOrder(ids[0]!).requestStatus).toBe("UNSUBMITTED");
    expect(k.h.sim.getFulfillmentOrder(ids[1]!).requestStatus).toBe("SUBMITTED");
    expect(k.h.sim.getFulfillmentOrder(warehouse.fulfillmentOrderIds[0]!).requestStatus).toBe("UNSUBMITTED");
  });

  it("refuses a submission without its batch key (400) and sends nothing to Shopify", async () => {
    const { k, ids, sent } = await thirdPartyOrders(2);
    const before = sent.length;

    const response = await post({ intent: "bulk-request-fulfillment", rows: await rowsOf(ids) });

    expect(response.status).toBe(400);
    expect(sent.length).toBe(before);
    expect(k.h.sim.getFulfillmentOrder(ids[0]!).requestStatus).toBe("UNSUBMITTED");
  });

  it("answers a double submit once: the second post replays without a second request", async () => {
    const { ids, sent } = await thirdPartyOrders(2);
    const form = { intent: "bulk-request-fulfillment", rows: await rowsOf(ids), batchKey: "batch-0003" };

    await post(form);
    const before = sent.length;
    const again = (await (await post(form)).json()) as BulkActionData;

    expect(again.ok && again.results.map((r) => r.outcome)).toEqual(["done", "done"]);
    expect(before).toBeGreaterThan(0);
    expect(sent.length).toBe(before);
  });

  it("holds with the chosen reason, then releases only our holds and keeps another app's", async () => {
    // GIVEN two 3PL FOs, one of which another app also holds
    const { k, ids } = await thirdPartyOrders(2);
    const held = await post({
      intent: "bulk-hold",
      rows: await rowsOf(ids),
      batchKey: "batch-0004",
      reason: "INCORRECT_ADDRESS",
    });
    const heldData = (await held.json()) as BulkActionData;
    expect(heldData.ok && heldData.results.map((r) => r.outcome)).toEqual(["done", "done"]);
    for (const id of ids) {
      expect(k.h.sim.getFulfillmentOrder(id)).toMatchObject({
        status: "ON_HOLD",
        holds: [
          { reason: "INCORRECT_ADDRESS", handle: expect.stringMatching(new RegExp(`^${OUR_HOLD_HANDLE_PREFIX}-`)) },
        ],
      });
    }
    k.h.sim.placeHoldAsOtherApp(ids[1]!, { reason: "HIGH_RISK_OF_FRAUD", appTitle: "Fraud Filter" });
    await k.refresh(k.h.sim.getFulfillmentOrder(ids[1]!).orderId);
    expect((await view("?tab=on-hold")).rows.every((r) => r.heldByUs)).toBe(true);

    // WHEN the merchant releases our holds on both
    const released = (await (
      await post({ intent: "bulk-release-holds", rows: await rowsOf(ids), batchKey: "batch-0005" })
    ).json()) as BulkActionData;

    // THEN ours are gone; the other app's hold stays
    expect(released.ok && released.results.map((r) => r.outcome)).toEqual(["done", "done"]);
    expect(k.h.sim.getFulfillmentOrder(ids[0]!)).toMatchObject({ status: "OPEN", holds: [] });
    expect(k.h.sim.getFulfillmentOrder(ids[1]!)).toMatchObject({
      status: "ON_HOLD",
      holds: [{ reason: "HIGH_RISK_OF_FRAUD" }],
    });
  });

  it.each([
    { case: "an unknown intent", form: { intent: "bulk-delete", rows: "[]", batchKey: "batch-0006" } },
    { case: "no rows", form: { intent: "bulk-request-fulfillment", rows: "[]", batchKey: "batch-0007" } },
    {
      case: "rows that aren't JSON",
      form: { intent: "bulk-request-fulfillment", rows: "nope", batchKey: "batch-0008" },
    },
    {
      case: "a hold without a reason",
      form: {
        intent: "bulk-hold",
        rows: '[{"id":"gid://shopify/FulfillmentOrder/1","updatedAt":"2026-11-22T12:00:00Z"}]',
        batchKey: "batch-0009",
      },
    },
  ])("answers 400 to $case and calls Shopify for nothing", async ({ form }) => {
    const { sent } = await start();
    const response = await post(form);
    expect(response.status).toBe(400);
    expect(sent).toEqual([]);
  });
});
