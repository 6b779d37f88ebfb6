// The rejection inbox through the real authenticate.admin: the 3PL (simulator control) rejects
// or closes requests, the webhooks fill the ledger, and the screen's JSON, the simulator's state
// and the audit rows tell what happened.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { getJobQueue } from "~/jobs/runtime.server";
import type { RejectionInboxView } from "~/fulfillment/rejections/rejection-inbox.server";
import type { BulkActionData } from "~/fulfillment/worklist/bulk-intent";
import { callRoute, fetchRequest } from "../../tests/support/embedded-request";
import { turnOnAutomation } from "../../tests/support/automation";
import { routeHarness } from "../../tests/support/route-harness";
import { ShopifyActions } from "../../tests/support/shopify-actions";
import { action, loader } from "./app.rejections";

const SHOP = "rejections-a.myshopify.com";
const OTHER_SHOP = "rejections-b.myshopify.com";
const harness = routeHarness({ shops: [SHOP, OTHER_SHOP] });

/** A 3PL order for one mug (and a tee, when asked), requested from the 3PL: in the ledger as SUBMITTED. */
async function requested(shop = SHOP, withTee = false) {
  const { h } = harness;
  const s = harness.seed(shop);
  const order = h.sim.createOrder(shop, {
    lineItems: [{ variantId: s.mug.id, quantity: 1 }, ...(withTee ? [{ variantId: s.tee.id, quantity: 2 }] : [])],
    locationId: s.thirdParty.id,
  });
  const fo = h.sim.fulfillmentOrdersOf(order.id)[0]!;
  expect(await new ShopifyActions(h.sim, shop).request(fo)).toEqual([]);
  await harness.deliver();
  return { order, fo };
}

async function inbox(shop = SHOP): Promise<RejectionInboxView> {
  const response = await callRoute(loader, fetchRequest("/app/rejections", shop));
  expect(response.status).toBe(200);
  return (await response.json()) as RejectionInboxView;
}

async function resubmit(rows: { id: string; updatedAt: string }[], batchKey = randomUUID(), shop = SHOP) {
  const response = await callRoute(
    action,
    fetchRequest("/app/rejections", shop, {
      form: { intent: "bulk-request-fulfillment", rows: JSON.stringify(rows), batchKey },
    }),
  );
  return { status: response.status, data: (await response.json()) as BulkActionData };
}

const rowsOf = (view: RejectionInboxView) => view.groups.flatMap((group) => group.rows);
const asRow = (row: { id: string; shopifyUpdatedAt: string }) => ({ id: row.id, updatedAt: row.shopifyUpdatedAt });

describe("the rejection inbox", () => {
  it("is empty when nothing was returned", async () => {
    await requested();
    expect(await inbox()).toMatchObject({ groups: [], total: 0, truncated: false, warningsUnavailable: false });
  });

  it("groups rejected FOs by reason and the lines the 3PL named, and lists closed-unfinished FOs apart", async () => {
    const { h } = harness;
    const a = await requested(SHOP, true);
    const b = await requested(SHOP, true);
    const c = await requested();
    const d = await requested();
    const mugOf = (fo: typeof a.fo) => fo.lineItems[0]!.id;
    // Two FOs out of stock for the same line, one for an address, one closed unfinished.
    for (const { fo } of [a, b]) {
      h.sim.rejectFulfillmentRequest(fo.id, {
        reason: "INVENTORY_OUT_OF_STOCK",
        message: `No stock for ${fo.id}`,
        lineItems: [{ fulfillmentOrderLineItemId: mugOf(fo), message: "No mugs until March" }],
      });
    }
    h.sim.rejectFulfillmentRequest(c.fo.id, { reason: "INCORRECT_ADDRESS", message: "No such street" });
    h.sim.acceptFulfillmentRequest(d.fo.id);
    h.sim.closeAsIncomplete(d.fo.id, { message: "Lost in the warehouse" });
    await harness.deliver();
    // Another shop's rejection never shows here.
    const other = await requested(OTHER_SHOP);
    h.sim.rejectFulfillmentRequest(other.fo.id, { reason: "OTHER" });
    await harness.deliver();

    const view = await inbox();
    expect(view.total).toBe(4);
    expect(
      view.groups.map((g) => ({ kind: g.kind, reason: g.reason, warnings: g.warnings, ids: g.rows.map((r) => r.id) })),
    ).toEqual([
      {
        kind: "rejected",
        reason: "INVENTORY_OUT_OF_STOCK",
        warnings: ["MUG-1: No mugs until March"],
        ids: [a.fo.id, b.fo.id],
      },
      { kind: "incomplete", reason: null, warnings: [], ids: [d.fo.id] },
      { kind: "rejected", reason: "INCORRECT_ADDRESS", warnings: [], ids: [c.fo.id] },
    ]);
    expect(rowsOf(view).find((r) => r.id === a.fo.id)).toMatchObject({
      orderName: a.order.name,
      orderShopifyId: a.order.id,
      locationName: "ShipFast 3PL",
      message: `No stock for ${a.fo.id}`,
    });
    expect(rowsOf(view).find((r) => r.id === d.fo.id)).toMatchObject({ message: null, kind: "incomplete" });
  });

  it("still lists the FOs, grouped by reason, when Shopify fails to give the line warnings", async () => {
    const { h } = harness;
    const { fo } = await requested();
    h.sim.rejectFulfillmentRequest(fo.id, {
      reason: "INVALID_SKU",
      lineItems: [{ fulfillmentOrderLineItemId: fo.lineItems[0]!.id, message: "Unknown SKU" }],
    });
    await harness.deliver();
    h.sim.failNext({ count: 10, status: 503, operationName: "FulfillmentOrderLineWarnings" });
    const view = await inbox();
    expect(view.warningsUnavailable).toBe(true);
    expect(view.groups.map((g) => [g.reason, g.warnings, g.rows.map((r) => r.id)])).toEqual([
      ["INVALID_SKU", [], [fo.id]],
    ]);
  });

  it("resubmits one FO: Shopify shows it SUBMITTED again, it leaves the inbox, and an audit row says so", async () => {
    const { h } = harness;
    const { order, fo } = await requested();
    h.sim.rejectFulfillmentRequest(fo.id, { reason: "INVENTORY_OUT_OF_STOCK", message: "No mugs" });
    await harness.deliver();
    const [row] = rowsOf(await inbox());

    const { status, data } = await resubmit([asRow(row!)]);
    expect(status).toBe(200);
    expect(data).toMatchObject({ ok: true, results: [{ id: fo.id, outcome: "done" }] });
    expect(h.sim.getFulfillmentOrder(fo.id)).toMatchObject({ status: "OPEN", requestStatus: "SUBMITTED" });
    expect(
      h.sim.getFulfillmentOrder(fo.id).merchantRequests.filter((r) => r.kind === "FULFILLMENT_REQUEST"),
    ).toHaveLength(2);
    await harness.deliver();
    expect((await inbox()).groups).toEqual([]);
    const audits = await prisma.auditEvent.findMany({ where: { shop: SHOP, action: "rejection.resubmitted" } });
    expect(audits.map((a) => ({ subject: a.subject, actor: a.actor, detail: a.detail }))).toEqual([
      { subject: fo.id, actor: "staff:7", detail: { orderName: order.name, reason: "INVENTORY_OUT_OF_STOCK" } },
    ]);
  });

  it("resubmits two FOs in bulk, a closed-unfinished one among them; a double submit sends and audits once", async () => {
    const { h } = harness;
    const a = await requested();
    const b = await requested();
    h.sim.rejectFulfillmentRequest(a.fo.id, { reason: "INVALID_SKU" });
    h.sim.acceptFulfillmentRequest(b.fo.id);
    h.sim.closeAsIncomplete(b.fo.id);
    await harness.deliver();
    const rows = rowsOf(await inbox()).map(asRow);
    expect(rows.map((r) => r.id).sort()).toEqual([a.fo.id, b.fo.id].sort());

    const batchKey = randomUUID();
    const first = await resubmit(rows, batchKey);
    expect(first.data).toMatchObject({ ok: true });
    expect((first.data as { results: { outcome: string }[] }).results.map((r) => r.outcome)).toEqual(["done", "done"]);
    for (const { fo } of [a, b]) {
      expect(h.sim.getFulfillmentOrder(fo.id)).toMatchObject({ status: "OPEN", requestStatus: "SUBMITTED" });
    }
    // The same submission again (a double click, a retry): nothing is sent or audited twice.
    await resubmit(rows, batchKey);
    for (const { fo } of [a, b]) {
      expect(
        h.sim.getFulfillmentOrder(fo.id).merchantRequests.filter((r) => r.kind === "FULFILLMENT_REQUEST"),
      ).toHaveLength(2);
    }
    const audits = await prisma.auditEvent.findMany({ where: { shop: SHOP, action: "rejection.resubmitted" } });
    expect(audits.map((x) => [x.subject, (x.detail as { reason?: unknown }).reason]).sort()).toEqual(
      [
        [a.fo.id, "INVALID_SKU"],
        [b.fo.id, "INCOMPLETE"],
      ].sort(),
    );
  });

  it("audits once when the same submission arrives twice at once (the second is answered from the first)", async () => {
    const { h } = harness;
    const { fo } = await requested();
    h.sim.rejectFulfillmentRequest(fo.id, { reason: "OTHER" });
    await harness.deliver();
    const rows = rowsOf(await inbox()).map(asRow);
    const batchKey = randomUUID();
    const answers = await Promise.all([resubmit(rows, batchKey), resubmit(rows, batchKey)]);
    for (const { data } of answers) expect(data).toMatchObject({ ok: true, results: [{ outcome: "done" }] });
    expect(
      h.sim.getFulfillmentOrder(fo.id).merchantRequests.filter((r) => r.kind === "FULFILLMENT_REQUEST"),
    ).toHaveLength(2);
    expect(await prisma.auditEvent.count({ where: { shop: SHOP, action: "rejection.resubmitted" } })).toBe(1);
  });

  it("sends nothing for an FO that isn't in the inbox (another shop's, one not rejected) and says why", async () => {
    const { h } = harness;
    const mine = await requested();
    const other = await requested(OTHER_SHOP);
    h.sim.rejectFulfillmentRequest(other.fo.id, { reason: "OTHER" });
    await harness.deliver();
    const updatedAt = new Date().toISOString();
    const { status, data } = await resubmit([
      { id: mine.fo.id, updatedAt },
      { id: other.fo.id, updatedAt },
    ]);
    expect(status).toBe(200);
    expect(data).toMatchObject({
      ok: true,
      results: [
        { id: mine.fo.id, outcome: "skipped", message: expect.stringMatching(/no longer returned/) },
        { id: other.fo.id, outcome: "skipped", message: expect.stringMatching(/no longer returned/) },
      ],
    });
    expect(h.sim.getFulfillmentOrder(other.fo.id).requestStatus).toBe("REJECTED");
    expect(await prisma.auditEvent.count({ where: { action: "rejection.resubmitted" } })).toBe(0);
  });

  it.each([
    ["no rows", { intent: "bulk-request-fulfillment", batchKey: "k".repeat(20) }],
    ["rows not JSON", { intent: "bulk-request-fulfillment", rows: "[{", batchKey: "k".repeat(20) }],
    [
      "a row that isn't an FO id",
      { intent: "bulk-request-fulfillment", rows: '[{"id":"1","updatedAt":"x"}]', batchKey: "k".repeat(20) },
    ],
    ["another bulk action", { intent: "bulk-release-holds", rows: "[]", batchKey: "k".repeat(20) }],
    ["no intent", {}],
  ])("refuses %s with 400 and a plain message", async (_name, form) => {
    const response = await callRoute(action, fetchRequest("/app/rejections", SHOP, { form }));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ ok: false, error: expect.stringMatching(/isn't valid/) });
  });

  it("refuses a body that isn't a form with 415", async () => {
    const response = await callRoute(
      action,
      fetchRequest("/app/rejections", SHOP, { body: { contentType: "application/json", text: "{}" } }),
    );
    expect(response.status).toBe(415);
  });
});

describe("automatic requests Shopify refused", () => {
  it("lists the FO with Shopify's answer until automation is asked to try again, which it audits", async () => {
    const { h } = harness;
    const s = harness.seed(SHOP);
    const order = h.sim.createOrder(SHOP, {
      lineItems: [{ variantId: s.mug.id, quantity: 1 }],
      locationId: s.thirdParty.id,
    });
    await harness.deliver();
    const fo = h.sim.fulfillmentOrdersOf(order.id)[0]!;
    await prisma.automationDecision.create({
      data: {
        shop: SHOP,
        decisionKey: "refused-1",
        fulfillmentOrderShopifyId: fo.id,
        orderShopifyId: order.id,
        orderName: order.name,
        trigger: "created",
        outcome: "request",
        status: "refused",
        ruleId: "ship-all",
        ruleName: "Ship everything",
        ruleVersion: 1,
        reason: "Shopify refused: Fulfillment order is not assigned to a fulfillment service location.",
      },
    });
    const view = (await inbox()) as RejectionInboxView & { refused: { fulfillmentOrderId: string; reason: string }[] };
    expect(view.refused.map((r) => [r.fulfillmentOrderId, r.reason])).toEqual([
      [fo.id, "Shopify refused: Fulfillment order is not assigned to a fulfillment service location."],
    ]);
    expect((await inbox(OTHER_SHOP)) as unknown).toMatchObject({ refused: [] });

    const response = await callRoute(
      action,
      fetchRequest("/app/rejections", SHOP, { form: { intent: "automation-retry", ids: fo.id } }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, intent: "automation-retry", queued: 1 });
    const [job] = await getJobQueue().listJobDetails({ type: "automation.evaluate", shop: SHOP });
    expect(job?.payload).toMatchObject({ fulfillmentOrderId: fo.id, trigger: "merchant_fixed" });
    expect(await prisma.auditEvent.count({ where: { shop: SHOP, action: "automation.retry_requested" } })).toBe(1);

    // An id that isn't waiting there is not retried; a forged id is a 400.
    const other = await callRoute(
      action,
      fetchRequest("/app/rejections", SHOP, { form: { intent: "automation-retry", ids: "gid://shopify/Order/1" } }),
    );
    expect(other.status).toBe(400);
  });
});

describe("handing returned FOs back to automation", () => {
  it("lets the rules request a rejected FO again once the merchant says it is fixed, audited", async () => {
    const { h } = harness;
    const { fo } = await requested();
    h.sim.rejectFulfillmentRequest(fo.id, { reason: "INCORRECT_ADDRESS", message: "No such street" });
    await harness.deliver();
    await turnOnAutomation(SHOP);

    const response = await callRoute(
      action,
      fetchRequest("/app/rejections", SHOP, { form: { intent: "automation-returned", ids: fo.id } }),
    );
    expect(await response.json()).toEqual({ ok: true, intent: "automation-returned", queued: 1 });
    await harness.deliver();
    expect(h.sim.getFulfillmentOrder(fo.id).requestStatus).toBe("SUBMITTED");
    const decision = await prisma.automationDecision.findFirstOrThrow({
      where: { shop: SHOP, trigger: "merchant_fixed" },
    });
    expect(decision).toMatchObject({ outcome: "request", status: "succeeded" });
    expect(
      await prisma.auditEvent.count({ where: { shop: SHOP, action: "automation.retry_requested", subject: fo.id } }),
    ).toBe(1);
    // The FO left the inbox.
    expect(rowsOf(await inbox())).toEqual([]);
  });
});
