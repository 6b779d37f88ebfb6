// The fulfillment order detail page through the real authenticate.admin: the ledger is filled
// by the simulator's webhooks, every action runs against the simulator, and each test checks
// the JSON the screen renders from, the ledger rows and what Shopify (the simulator) now holds.
import { randomUUID } from "node:crypto";
import type { Prisma } from "@prisma/client";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { beforeEach, describe, expect, it } from "vitest";
import type { AutomationView } from "~/automation/decision-view";
import { prisma } from "~/db.server";
import type { ActionResult } from "~/fulfillment/actions/contract";
import type { FulfillmentOrderDetailView } from "~/fulfillment/detail/types";
import { getJobWorker } from "~/jobs/runtime.server";
import type { WorklistView } from "~/fulfillment/worklist/types";
import { callRoute, fetchRequest } from "../../tests/support/embedded-request";
import { seedLocations } from "../../tests/support/seed";
import { routeHarness } from "../../tests/support/route-harness";
import type { SimulatorHarness } from "../../tests/support/simulator";
import { loader as queueLoader } from "./app._index";
import { action, loader } from "./app.fulfillment-orders.$id";

const SHOP = "detail-a.myshopify.com";
const OTHER_SHOP = "detail-b.myshopify.com";

const harness = routeHarness({ shops: [SHOP, OTHER_SHOP] });
let h: SimulatorHarness;
let s: ReturnType<typeof seedLocations>;
beforeEach(() => {
  h = harness.h;
  s = harness.seed();
});

const path = (id: string) => `/app/fulfillment-orders/${encodeURIComponent(id)}`;

async function call(handler: (args: LoaderFunctionArgs) => Promise<Response>, request: Request, id: string) {
  try {
    return await handler({ request, params: { id }, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** Delivers the simulator's webhooks to the app and runs the jobs they queued. */
async function deliver() {
  await h.webhooks.flush();
  await getJobWorker().runUntilIdle();
}

type Kind = "warehouse" | "thirdParty" | "pickup";

/** An order placed in Shopify at one location, in the ledger through its webhooks. */
async function placeOrder(kind: Kind, lines: { variant: "tee" | "mug"; quantity: number }[], shop = SHOP) {
  const order = h.sim.createOrder(shop, {
    lineItems: lines.map((l) => ({ variantId: s[l.variant].id, quantity: l.quantity })),
    locationId: s[kind].id,
    deliveryMethod: kind === "pickup" ? "PICK_UP" : "SHIPPING",
    customer: { firstName: "Ada", lastName: "Lovelace", email: "ada@example.com" },
  });
  await deliver();
  const [fo] = h.sim.fulfillmentOrdersOf(order.id);
  return { orderId: order.id, foId: fo!.id };
}

async function load(foId: string, shop = SHOP) {
  const response = await call(loader, fetchRequest(path(foId), shop), foId);
  return {
    status: response.status,
    view: response.status === 200 ? ((await response.json()).view as FulfillmentOrderDetailView) : null,
  };
}

async function act(
  foId: string,
  form: Record<string, string>,
  options: { expectedUpdatedAt?: string; key?: string } = {},
) {
  const { view } = await load(foId);
  const response = await call(
    action,
    fetchRequest(path(foId), SHOP, {
      form: {
        fulfillmentOrderId: foId,
        expectedUpdatedAt: options.expectedUpdatedAt ?? view!.fulfillmentOrder.shopifyUpdatedAt,
        idempotencyKey: options.key ?? randomUUID(),
        ...form,
      },
    }),
    foId,
  );
  return { status: response.status, result: (await response.json()) as ActionResult };
}

const simFo = (id: string) => h.sim.getFulfillmentOrder(id);
const availability = (view: FulfillmentOrderDetailView, intent: string) =>
  view.actions.find((a) => a.intent === intent);

describe("the detail loader", () => {
  it("shows the order, the FO's lines, location, delivery method, history and what can be done", async () => {
    const { foId, orderId } = await placeOrder("warehouse", [
      { variant: "tee", quantity: 2 },
      { variant: "mug", quantity: 1 },
    ]);

    const { status, view } = await load(foId);

    expect(status).toBe(200);
    expect(view!.order).toMatchObject({
      shopifyId: orderId,
      name: h.sim.getOrder(orderId).name,
      customerName: "Ada Lovelace",
      displayFinancialStatus: "PAID",
    });
    expect(view!.fulfillmentOrder).toMatchObject({
      shopifyId: foId,
      status: "OPEN",
      deliveryMethod: "SHIPPING",
      locationName: "Warehouse",
      totalQuantity: 3,
      remainingQuantity: 3,
    });
    expect(view!.fulfillmentOrder.lineItems.map((l) => [l.sku, l.totalQuantity, l.remainingQuantity])).toEqual([
      ["TEE-1", 2, 2],
      ["MUG-1", 1, 1],
    ]);
    expect(view!.events.map((e) => [e.kind, e.source])).toEqual([["created", "webhook"]]);
    expect(availability(view!, "fulfil")).toEqual({ intent: "fulfil", available: true, reason: null });
    expect(availability(view!, "request-fulfillment")?.available).toBe(false);
    expect(availability(view!, "request-fulfillment")?.reason).toMatch(/fulfillment service/);
    // MOVE is supported: the picker lists the other locations.
    expect(view!.locationsForMove?.map((l) => l.name).sort()).toEqual(["Downtown store", "ShipFast 3PL"]);
  });

  it("answers 404 for another shop's FO, and for an id that isn't an FO", async () => {
    const b = seedLocations(h.sim, OTHER_SHOP);
    const order = h.sim.createOrder(OTHER_SHOP, {
      lineItems: [{ variantId: b.mug.id, quantity: 1 }],
      locationId: b.warehouse.id,
    });
    await deliver();
    const foreign = h.sim.fulfillmentOrdersOf(order.id)[0]!.id;
    expect((await load(foreign, OTHER_SHOP)).status).toBe(200);

    expect((await load(foreign, SHOP)).status).toBe(404);
    expect((await load("gid://shopify/Order/1", SHOP)).status).toBe(404);
  });

  it("says which app holds each hold and that only ours can be released", async () => {
    const { foId } = await placeOrder("warehouse", [{ variant: "mug", quantity: 1 }]);
    h.sim.placeHoldAsOtherApp(foId, { reason: "HIGH_RISK_OF_FRAUD", appTitle: "Fraud Filter" });
    await deliver();

    const { view } = await load(foId);

    expect(view!.holds).toEqual([
      expect.objectContaining({ reason: "HIGH_RISK_OF_FRAUD", heldByUs: false, heldByAppTitle: "Fraud Filter" }),
    ]);
    expect(view!.holds[0]!.firstSeenAt).toMatch(/^\d{4}-/);
    expect(availability(view!, "release-holds")).toMatchObject({
      available: false,
      reason: expect.stringMatching(/Fraud Filter/),
    });
  });
});

describe("request fulfillment", () => {
  it("requests part of a 3PL FO: the page then links the submitted FO and the remainder", async () => {
    const { foId, orderId } = await placeOrder("thirdParty", [
      { variant: "tee", quantity: 2 },
      { variant: "mug", quantity: 1 },
    ]);
    const lines = simFo(foId).lineItems;

    const { status, result } = await act(foId, {
      intent: "request-fulfillment",
      "lines[0].id": lines[0]!.id,
      "lines[0].quantity": "1",
      "lines[1].id": lines[1]!.id,
      "lines[1].quantity": "0",
      message: "Gift wrap, please",
    });

    expect(status).toBe(200);
    expect(result).toMatchObject({ ok: true, intent: "request-fulfillment", replayed: false });
    const fos = h.sim.fulfillmentOrdersOf(orderId);
    expect(fos.map((fo) => fo.requestStatus).sort()).toEqual(["SUBMITTED", "UNSUBMITTED"]);
    const submitted = fos.find((fo) => fo.requestStatus === "SUBMITTED")!;
    const remainder = fos.find((fo) => fo.requestStatus === "UNSUBMITTED")!;
    expect(submitted.lineItems.map((l) => l.remainingQuantity)).toEqual([1]);
    // The ledger was refreshed as the merchant's doing.
    const rows = await prisma.fulfillmentOrder.findMany({ where: { shop: SHOP, orderShopifyId: orderId } });
    expect(rows.map((r) => r.requestStatus).sort()).toEqual(["SUBMITTED", "UNSUBMITTED"]);
    const { view } = await load(foId);
    const related = [view!.lineage.parent?.shopifyId, ...view!.lineage.children.map((c) => c.shopifyId)].filter(
      Boolean,
    );
    expect(new Set([foId, ...related])).toEqual(new Set([submitted.id, remainder.id]));
    expect(view!.events.some((e) => e.source === "user" && e.actor === "staff:7")).toBe(true);
  });

  it("answers 422 with the error next to the quantity Shopify refused, and requests nothing", async () => {
    const { foId } = await placeOrder("thirdParty", [{ variant: "tee", quantity: 2 }]);
    const line = simFo(foId).lineItems[0]!;

    const { status, result } = await act(foId, {
      intent: "request-fulfillment",
      "lines[0].id": line.id,
      "lines[0].quantity": "5",
    });

    expect(status).toBe(422);
    expect(result).toMatchObject({ ok: false, kind: "user-errors" });
    expect(result.ok === false && result.kind === "user-errors" && result.errors[0]?.field).toBe("lines.0.quantity");
    expect(simFo(foId).requestStatus).toBe("UNSUBMITTED");
  });

  it("answers a double submit once", async () => {
    const { foId, orderId } = await placeOrder("thirdParty", [{ variant: "tee", quantity: 1 }]);
    const { view } = await load(foId);
    const form = { intent: "request-fulfillment" };
    const key = randomUUID();
    const expectedUpdatedAt = view!.fulfillmentOrder.shopifyUpdatedAt;

    const first = await act(foId, form, { key, expectedUpdatedAt });
    const second = await act(foId, form, { key, expectedUpdatedAt });

    expect(first.result).toMatchObject({ ok: true, replayed: false });
    expect(second.result).toMatchObject({ ok: true, replayed: true });
    expect(h.sim.fulfillmentOrdersOf(orderId).filter((fo) => fo.requestStatus === "SUBMITTED")).toHaveLength(1);
    expect(await prisma.actionRequest.count({ where: { shop: SHOP, idempotencyKey: key } })).toBe(1);
  });
});

describe("cancel request and request cancellation", () => {
  it("cancels a submitted request", async () => {
    const { foId, orderId } = await placeOrder("thirdParty", [{ variant: "mug", quantity: 1 }]);
    await act(foId, { intent: "request-fulfillment" });

    const { status, result } = await act(foId, { intent: "cancel-request" });

    expect(status).toBe(200);
    expect(result).toMatchObject({ ok: true, intent: "cancel-request" });
    const open = h.sim.fulfillmentOrdersOf(orderId).filter((fo) => fo.status === "OPEN");
    expect(open.map((fo) => fo.requestStatus)).toEqual(["UNSUBMITTED"]);
  });

  it("hands an FO the 3PL closed unfinished back to the merchant: it can be moved or requested again", async () => {
    const { foId } = await placeOrder("thirdParty", [{ variant: "mug", quantity: 1 }]);
    await act(foId, { intent: "request-fulfillment" });
    h.sim.acceptFulfillmentRequest(foId);
    h.sim.closeAsIncomplete(foId, { message: "Out of stock" });
    await deliver();

    const { view } = await load(foId);
    expect(view!.fulfillmentOrder).toMatchObject({ status: "INCOMPLETE", requestStatus: "CLOSED" });
    expect(availability(view!, "request-fulfillment")).toMatchObject({ available: true });
    expect(availability(view!, "move")).toMatchObject({ available: true });
    const { status, result } = await act(foId, { intent: "request-fulfillment" });

    expect(status).toBe(200);
    expect(result).toMatchObject({ ok: true, intent: "request-fulfillment" });
    expect(simFo(foId)).toMatchObject({ status: "OPEN", requestStatus: "SUBMITTED" });
  });

  it("requests cancellation of an accepted request, and shows the pending age, then the service's answer", async () => {
    const { foId } = await placeOrder("thirdParty", [{ variant: "mug", quantity: 1 }]);
    await act(foId, { intent: "request-fulfillment" });
    h.sim.acceptFulfillmentRequest(foId);
    await deliver();

    const { status, result } = await act(foId, { intent: "request-cancellation", message: "Customer changed mind" });

    expect(status).toBe(200);
    expect(result).toMatchObject({ ok: true, intent: "request-cancellation" });
    expect(simFo(foId).requestStatus).toBe("CANCELLATION_REQUESTED");
    const pending = (await load(foId)).view!;
    expect(pending.cancellation).toEqual({ requestedAt: expect.any(String), answer: null });

    h.sim.rejectCancellationRequest(foId);
    await deliver();
    const answered = (await load(foId)).view!;
    expect(answered.cancellation?.answer?.status).toBe("CANCELLATION_REJECTED");
  });
});

describe("holds", () => {
  it("places two holds of ours, releases one, then the other, and never the other app's", async () => {
    const { foId } = await placeOrder("warehouse", [{ variant: "tee", quantity: 1 }]);
    h.sim.placeHoldAsOtherApp(foId, { reason: "HIGH_RISK_OF_FRAUD", appTitle: "Fraud Filter" });
    await deliver();

    const first = await act(foId, { intent: "hold", reason: "AWAITING_PAYMENT", reasonNotes: "Bank transfer" });
    const second = await act(foId, { intent: "hold", reason: "INCORRECT_ADDRESS" });

    expect(first.result).toMatchObject({ ok: true, intent: "hold" });
    expect(second.result).toMatchObject({ ok: true, intent: "hold" });
    let view = (await load(foId)).view!;
    const ours = view.holds.filter((hold) => hold.heldByUs);
    expect(ours.map((hold) => hold.reason).sort()).toEqual(["AWAITING_PAYMENT", "INCORRECT_ADDRESS"]);
    expect(simFo(foId).holds).toHaveLength(3);

    const releaseOne = await act(foId, { intent: "release-holds", "holdIds[0]": ours[0]!.id });
    expect(releaseOne.result).toMatchObject({ ok: true, intent: "release-holds" });
    view = (await load(foId)).view!;
    expect(view.holds.filter((hold) => hold.heldByUs).map((hold) => hold.id)).toEqual([ours[1]!.id]);

    const releaseRest = await act(foId, { intent: "release-holds" });
    expect(releaseRest.result).toMatchObject({ ok: true });
    expect(simFo(foId).holds.map((hold) => hold.heldByApp?.title)).toEqual(["Fraud Filter"]);
    expect(simFo(foId).status).toBe("ON_HOLD");
  });

  it("refuses to release another app's hold (422) and Shopify keeps it", async () => {
    const { foId } = await placeOrder("warehouse", [{ variant: "tee", quantity: 1 }]);
    await act(foId, { intent: "hold", reason: "OTHER" });
    h.sim.placeHoldAsOtherApp(foId, { reason: "HIGH_RISK_OF_FRAUD", appTitle: "Fraud Filter" });
    await deliver();
    const theirs = simFo(foId).holds.find((hold) => hold.heldByApp?.title === "Fraud Filter")!;

    const { status, result } = await act(foId, { intent: "release-holds", "holdIds[0]": theirs.id });

    expect(status).toBe(422);
    expect(result).toMatchObject({ ok: false, kind: "invalid", errors: [{ field: "holdIds.0" }] });
    expect(simFo(foId).holds).toHaveLength(2);
  });

  it("answers 422 when Shopify refuses a hold's quantities, and places none", async () => {
    const { foId } = await placeOrder("warehouse", [{ variant: "tee", quantity: 2 }]);
    const line = simFo(foId).lineItems[0]!;

    const { status, result } = await act(foId, {
      intent: "hold",
      reason: "OTHER",
      "lines[0].id": line.id,
      "lines[0].quantity": "9",
    });

    expect(status).toBe(422);
    expect(result).toMatchObject({ ok: false, kind: "user-errors" });
    expect(simFo(foId).holds).toHaveLength(0);
  });
});

describe("fulfil", () => {
  it("fulfils with tracking and the FO closes", async () => {
    const { foId, orderId } = await placeOrder("warehouse", [{ variant: "tee", quantity: 1 }]);

    const { status, result } = await act(foId, {
      intent: "fulfil",
      trackingCompany: "UPS",
      trackingNumber: "1Z999AA10123456784",
      trackingUrl: "https://www.ups.com/track?tracknum=1Z999AA10123456784",
      notifyCustomer: "false",
    });

    expect(status).toBe(200);
    expect(result).toMatchObject({ ok: true, intent: "fulfil" });
    expect(simFo(foId).status).toBe("CLOSED");
    expect(h.sim.orderStatus(orderId)).toMatchObject({ displayFulfillmentStatus: "FULFILLED" });
    const fulfillment = h.sim.snapshot(SHOP).fulfillments.find((f) => f.fulfillmentOrderIds.includes(foId));
    expect(fulfillment?.trackingInfo).toEqual([
      {
        company: "UPS",
        number: "1Z999AA10123456784",
        url: "https://www.ups.com/track?tracknum=1Z999AA10123456784",
      },
    ]);
    const { view } = await load(foId);
    expect(view!.fulfillmentOrder.status).toBe("CLOSED");
    expect(availability(view!, "fulfil")?.available).toBe(false);
  });

  it("answers 422 with the field for a bad tracking URL, and fulfils nothing", async () => {
    const { foId } = await placeOrder("warehouse", [{ variant: "tee", quantity: 1 }]);

    const { status, result } = await act(foId, { intent: "fulfil", trackingUrl: "not a url" });

    expect(status).toBe(422);
    expect(result).toMatchObject({ ok: false, kind: "invalid", errors: [{ field: "trackingUrl" }] });
    expect(simFo(foId).status).toBe("OPEN");
  });

  it.each([["javascript:alert(document.cookie)"], ["data:text/html,<script>alert(1)</script>"], ["ftp://x.example/t"]])(
    "refuses the tracking URL %s next to the field (422) and sends nothing to Shopify",
    async (trackingUrl) => {
      const { foId } = await placeOrder("warehouse", [{ variant: "tee", quantity: 1 }]);

      const { status, result } = await act(foId, { intent: "fulfil", trackingNumber: "1Z1", trackingUrl });

      expect(status).toBe(422);
      expect(result).toEqual({
        ok: false,
        kind: "invalid",
        errors: [{ field: "trackingUrl", message: "Enter a web address that starts with http:// or https://." }],
      });
      expect(simFo(foId).status).toBe("OPEN");
      expect(h.sim.snapshot(SHOP).fulfillments).toEqual([]);
    },
  );

  it("refuses a tracking URL without a tracking number, as Shopify's input asks, and fulfils nothing", async () => {
    const { foId } = await placeOrder("warehouse", [{ variant: "tee", quantity: 1 }]);

    const { status, result } = await act(foId, { intent: "fulfil", trackingUrl: "https://track.example/1" });

    expect(status).toBe(422);
    expect(result).toEqual({
      ok: false,
      kind: "invalid",
      errors: [{ field: "trackingNumber", message: "Enter the tracking number that goes with this tracking URL." }],
    });
    expect(simFo(foId).status).toBe("OPEN");
  });

  it("refuses 'Other carrier' with an empty name next to the carrier field, and fulfils nothing", async () => {
    const { foId } = await placeOrder("warehouse", [{ variant: "tee", quantity: 1 }]);

    const { status, result } = await act(foId, {
      intent: "fulfil",
      otherCarrier: "true",
      trackingCompany: "  ",
      trackingNumber: "ABC123",
    });

    expect(status).toBe(422);
    expect(result).toEqual({
      ok: false,
      kind: "invalid",
      errors: [{ field: "trackingCompany", message: "Enter the carrier's name, or choose No carrier." }],
    });
    expect(simFo(foId).status).toBe("OPEN");
  });

  it("fulfils with another carrier's name as typed", async () => {
    const { foId } = await placeOrder("warehouse", [{ variant: "tee", quantity: 1 }]);

    const { status } = await act(foId, {
      intent: "fulfil",
      otherCarrier: "true",
      trackingCompany: "Local Courier Co",
      trackingNumber: "LC-1",
    });

    expect(status).toBe(200);
    const fulfillment = h.sim.snapshot(SHOP).fulfillments.find((f) => f.fulfillmentOrderIds.includes(foId));
    expect(fulfillment?.trackingInfo).toEqual([{ company: "Local Courier Co", number: "LC-1", url: null }]);
  });

  it("answers 422 when Shopify refuses the quantities", async () => {
    const { foId } = await placeOrder("warehouse", [{ variant: "tee", quantity: 1 }]);
    const line = simFo(foId).lineItems[0]!;

    const { status, result } = await act(foId, { intent: "fulfil", "lines[0].id": line.id, "lines[0].quantity": "4" });

    expect(status).toBe(422);
    expect(result).toMatchObject({ ok: false, kind: "user-errors" });
    expect(simFo(foId).status).toBe("OPEN");
  });
});

describe("local pickup", () => {
  it("marks a pickup FO ready, then picked up", async () => {
    const { foId } = await placeOrder("pickup", [{ variant: "mug", quantity: 1 }]);

    const ready = await act(foId, { intent: "ready-for-pickup" });

    expect(ready.result).toMatchObject({ ok: true, intent: "ready-for-pickup" });
    expect(simFo(foId).preparedForPickup).toBe(true);
    let view = (await load(foId)).view!;
    expect(view.fulfillmentOrder.preparedForPickupAt).not.toBeNull();
    expect(availability(view, "ready-for-pickup")?.available).toBe(false);
    expect(availability(view, "picked-up")?.available).toBe(true);

    const picked = await act(foId, { intent: "picked-up" });

    expect(picked.result).toMatchObject({ ok: true, intent: "picked-up" });
    expect(simFo(foId).status).toBe("CLOSED");
    view = (await load(foId)).view!;
    expect(view.fulfillmentOrder.status).toBe("CLOSED");
  });

  it("answers 422 when Shopify refuses the picked-up quantities", async () => {
    const { foId } = await placeOrder("pickup", [{ variant: "mug", quantity: 1 }]);
    await act(foId, { intent: "ready-for-pickup" });
    const line = simFo(foId).lineItems[0]!;

    const { status, result } = await act(foId, {
      intent: "picked-up",
      "lines[0].id": line.id,
      "lines[0].quantity": "3",
    });

    expect(status).toBe(422);
    expect(result).toMatchObject({ ok: false, kind: "user-errors" });
    expect(simFo(foId).status).toBe("OPEN");
  });
});

describe("move", () => {
  it("moves the FO to an eligible location", async () => {
    const { foId, orderId } = await placeOrder("warehouse", [{ variant: "tee", quantity: 1 }]);

    const { status, result } = await act(foId, { intent: "move", locationId: s.pickup.id });

    expect(status).toBe(200);
    expect(result).toMatchObject({ ok: true, intent: "move" });
    const open = h.sim.fulfillmentOrdersOf(orderId).filter((fo) => fo.status === "OPEN");
    expect(open.map((fo) => fo.locationId)).toEqual([s.pickup.id]);
    const rows = await prisma.fulfillmentOrder.findMany({
      where: { shop: SHOP, orderShopifyId: orderId, status: "OPEN" },
    });
    expect(rows.map((r) => r.locationName)).toEqual(["Downtown store"]);
  });

  it("answers 422 next to the location when Shopify refuses it", async () => {
    const { foId } = await placeOrder("warehouse", [{ variant: "tee", quantity: 1 }]);
    h.sim.setLocationActive(s.pickup.id, false);

    const { status, result } = await act(foId, { intent: "move", locationId: s.pickup.id });

    expect(status).toBe(422);
    expect(result).toMatchObject({ ok: false, kind: "user-errors", errors: [{ field: "locationId" }] });
    expect(simFo(foId).locationId).toBe(s.warehouse.id);
  });
});

describe("a page opened before the FO changed", () => {
  const forms: [string, Record<string, string>, Kind][] = [
    ["request-fulfillment", { intent: "request-fulfillment" }, "thirdParty"],
    ["cancel-request", { intent: "cancel-request" }, "thirdParty"],
    ["request-cancellation", { intent: "request-cancellation" }, "thirdParty"],
    ["hold", { intent: "hold", reason: "OTHER" }, "warehouse"],
    ["release-holds", { intent: "release-holds" }, "warehouse"],
    ["ready-for-pickup", { intent: "ready-for-pickup" }, "pickup"],
    ["picked-up", { intent: "picked-up" }, "pickup"],
    ["fulfil", { intent: "fulfil" }, "warehouse"],
    ["move", { intent: "move", locationId: "gid://shopify/Location/1" }, "warehouse"],
  ];

  it.each(forms)("answers %s with 409 stale and changes nothing in Shopify", async (_intent, form, kind) => {
    const { foId, orderId } = await placeOrder(kind, [{ variant: "mug", quantity: 1 }]);
    const before = JSON.stringify(h.sim.fulfillmentOrdersOf(orderId));
    const { view } = await load(foId);
    const opened = new Date(Date.parse(view!.fulfillmentOrder.shopifyUpdatedAt) - 60_000).toISOString();

    const { status, result } = await act(foId, form, { expectedUpdatedAt: opened });

    expect(status).toBe(409);
    expect(result).toMatchObject({ ok: false, kind: "stale" });
    expect(JSON.stringify(h.sim.fulfillmentOrdersOf(orderId))).toBe(before);
  });

  it("answers stale when Shopify changed the FO before its webhook arrived, and the reload shows the change", async () => {
    const { foId } = await placeOrder("warehouse", [{ variant: "mug", quantity: 1 }]);
    const { view } = await load(foId);
    // Another app holds it; its webhooks haven't reached us yet.
    h.sim.placeHoldAsOtherApp(foId, { reason: "HIGH_RISK_OF_FRAUD", appTitle: "Fraud Filter" });

    const { status, result } = await act(
      foId,
      { intent: "fulfil" },
      { expectedUpdatedAt: view!.fulfillmentOrder.shopifyUpdatedAt },
    );

    expect(status).toBe(409);
    expect(result).toMatchObject({ ok: false, kind: "stale" });
    expect(simFo(foId).status).toBe("ON_HOLD");
    const reloaded = (await load(foId)).view!;
    expect(reloaded.fulfillmentOrder.status).toBe("ON_HOLD");
    expect(availability(reloaded, "fulfil")).toMatchObject({
      available: false,
      reason: expect.stringMatching(/hold/i),
    });
  });
});

describe("texts longer than their limit are refused, never cut", () => {
  it.each([
    ["a tracking number", "warehouse", { intent: "fulfil" }, "trackingNumber", 100],
    ["hold notes", "warehouse", { intent: "hold", reason: "OTHER" }, "reasonNotes", 255],
    ["a message to the 3PL", "thirdParty", { intent: "request-fulfillment" }, "message", 500],
  ] as const)(
    "refuses %s one character over (422, next to the field) and sends nothing",
    async (_what, kind, form, field, max) => {
      const { foId } = await placeOrder(kind, [{ variant: "tee", quantity: 1 }]);
      const before = structuredClone(simFo(foId));

      const { status, result } = await act(foId, { ...form, [field]: "x".repeat(max + 1) });

      expect(status).toBe(422);
      expect(result).toEqual({
        ok: false,
        kind: "invalid",
        errors: [{ field, message: `Keep this to ${max} characters or fewer.` }],
      });
      expect(simFo(foId)).toEqual(before);
    },
  );
});

describe("hostile input", () => {
  /** A clear message, and nothing of the server's insides: no stack frames, no absolute paths. */
  const expectCleanRefusal = (text: string) => {
    expect(text).not.toMatch(/\bat .+:\d+:\d+/);
    expect(text).not.toContain(process.cwd());
  };

  it("refuses a quantity of 1000000000000 next to the field (422), and fulfils nothing", async () => {
    const { foId } = await placeOrder("warehouse", [{ variant: "tee", quantity: 1 }]);
    const line = simFo(foId).lineItems[0]!;

    const { status, result } = await act(foId, {
      intent: "fulfil",
      "lines[0][id]": line.id,
      "lines[0][quantity]": "1000000000000",
    });

    expect(status).toBe(422);
    expect(result).toMatchObject({
      ok: false,
      kind: "invalid",
      errors: [{ field: "lines.0.quantity", message: expect.stringMatching(/at most/i) }],
    });
    expect(simFo(foId).status).toBe("OPEN");
  });

  it("refuses a JSON body instead of a form (415) with a clear message", async () => {
    const { foId } = await placeOrder("warehouse", [{ variant: "tee", quantity: 1 }]);
    const body = {
      contentType: "application/json",
      text: JSON.stringify({ intent: "fulfil", fulfillmentOrderId: foId }),
    };

    const response = await call(action, fetchRequest(path(foId), SHOP, { body }), foId);

    expect(response.status).toBe(415);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ ok: false, error: expect.stringMatching(/as a form/i) });
    expectCleanRefusal(text);
    expect(simFo(foId).status).toBe("OPEN");
  });

  it("refuses a form that says it is one but is not (a broken multipart body) with 400", async () => {
    const { foId } = await placeOrder("warehouse", [{ variant: "tee", quantity: 1 }]);
    const body = { contentType: "multipart/form-data; boundary=x", text: "not multipart at all" };

    const response = await call(action, fetchRequest(path(foId), SHOP, { body }), foId);

    expect(response.status).toBe(400);
    expectCleanRefusal(await response.text());
  });

  it.each([["__proto__[0][x]"], ["__proto__[]"], ["constructor[0]"], ["lines[0][__proto__]"]])(
    "refuses a field named %s (400) with the name, and does nothing",
    async (name) => {
      const { foId } = await placeOrder("warehouse", [{ variant: "tee", quantity: 1 }]);
      const { view } = await load(foId);
      const form = {
        intent: "fulfil",
        fulfillmentOrderId: foId,
        expectedUpdatedAt: view!.fulfillmentOrder.shopifyUpdatedAt,
        idempotencyKey: randomUUID(),
        [name]: "polluted",
      };

      const response = await call(action, fetchRequest(path(foId), SHOP, { form }), foId);

      expect(response.status).toBe(400);
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({ ok: false, error: `The field name "${name}" is not accepted.` });
      expectCleanRefusal(text);
      expect(simFo(foId).status).toBe("OPEN");
      expect(({} as Record<string, unknown>).x).toBeUndefined();
    },
  );
});

describe("an action that isn't available", () => {
  it("answers 409 with the reason and sends nothing to Shopify", async () => {
    const { foId } = await placeOrder("thirdParty", [{ variant: "mug", quantity: 1 }]);

    const { status, result } = await act(foId, { intent: "fulfil" });

    expect(status).toBe(409);
    expect(result).toMatchObject({
      ok: false,
      kind: "unavailable",
      message: expect.stringMatching(/fulfillment service/),
    });
    expect(simFo(foId).status).toBe("OPEN");
  });
});

describe("a request the 3PL rejected", () => {
  it("shows the 3PL's reason and message on the FO and in the queue's Rejected tab", async () => {
    // GIVEN a 3PL FO whose fulfillment request was sent
    const { foId } = await placeOrder("thirdParty", [{ variant: "mug", quantity: 1 }]);
    await act(foId, { intent: "request-fulfillment" });
    // WHEN the 3PL rejects it with a reason and a message, and the webhook is processed
    h.sim.rejectFulfillmentRequest(foId, { reason: "INVENTORY_OUT_OF_STOCK", message: "No mugs until March." });
    await deliver();
    // THEN the ledger keeps both, the FO page has them…
    expect(await prisma.fulfillmentOrder.findFirstOrThrow({ where: { shopifyId: foId } })).toMatchObject({
      requestStatus: "REJECTED",
      rejectionReason: "INVENTORY_OUT_OF_STOCK",
      rejectionMessage: "No mugs until March.",
    });
    const { view } = await load(foId);
    expect(view!.fulfillmentOrder.rejection).toEqual({
      reason: "INVENTORY_OUT_OF_STOCK",
      message: "No mugs until March.",
    });
    // …and so does its row in the Rejected tab
    const queue = (await (
      await callRoute(queueLoader, fetchRequest("/app?tab=rejected", SHOP))
    ).json()) as WorklistView;
    expect(queue.rows.map((r) => [r.id, r.rejection])).toEqual([
      [foId, { reason: "INVENTORY_OUT_OF_STOCK", message: "No mugs until March." }],
    ]);
    // WHEN it is requested again
    await act(foId, { intent: "request-fulfillment" });
    // THEN the old rejection no longer shows
    expect((await load(foId)).view!.fulfillmentOrder.rejection).toBeNull();
  });
});

describe("automation on the FO page", () => {
  /** A decision row as the runtime writes it (the runtime is built elsewhere: rows are inserted here). */
  const decide = (foId: string, over: Partial<Prisma.AutomationDecisionUncheckedCreateInput>, shop = SHOP) =>
    prisma.automationDecision.create({
      data: {
        shop,
        decisionKey: randomUUID(),
        fulfillmentOrderShopifyId: foId,
        orderShopifyId: "gid://shopify/Order/1",
        trigger: "created",
        outcome: "wait",
        status: "decided",
        reason: "Waiting",
        ...over,
      },
    });

  async function automationOf(foId: string) {
    const response = await call(loader, fetchRequest(path(foId), SHOP), foId);
    expect(response.status).toBe(200);
    return (await response.json()).automation as AutomationView;
  }

  it("says automation is off when the shop hasn't turned it on, and shows no decision", async () => {
    const { foId } = await placeOrder("thirdParty", [{ variant: "mug", quantity: 1 }]);
    expect(await automationOf(foId)).toEqual({ state: "off", latest: null, decisions: [] });
    await prisma.automationSettings.create({ data: { shop: SHOP, enabled: true, paused: true } });
    expect((await automationOf(foId)).state).toBe("paused");
  });

  it("shows the latest decision's reason and every decision of this FO for the timeline, Shopify's refusal included", async () => {
    const { foId } = await placeOrder("thirdParty", [{ variant: "mug", quantity: 1 }]);
    const { foId: otherFo } = await placeOrder("thirdParty", [{ variant: "tee", quantity: 1 }]);
    await prisma.automationSettings.create({ data: { shop: SHOP, enabled: true } });
    const at = (minutes: number) => new Date(Date.now() - minutes * 60_000);
    await decide(foId, {
      outcome: "wait",
      reason: "Waiting: post-purchase offer open (hold placed 4 min ago)",
      createdAt: at(10),
    });
    await decide(foId, {
      outcome: "request",
      status: "refused",
      ruleId: "r1",
      ruleName: "Ship everything",
      ruleVersion: 3,
      reason: "Rule “Ship everything” matched",
      response: { userErrors: [{ field: ["id"], message: "Cannot request fulfillment." }] },
      createdAt: at(2),
    });
    await decide(otherFo, { reason: "Another FO's", createdAt: at(1) });
    await decide(foId, { reason: "Another shop's", createdAt: at(1) }, OTHER_SHOP);

    const automation = await automationOf(foId);
    expect(automation.state).toBe("on");
    expect(automation.latest).toMatchObject({
      outcome: "request",
      status: "refused",
      ruleName: "Ship everything",
      ruleVersion: 3,
      refusal: "Cannot request fulfillment.",
    });
    expect(automation.decisions.map((d) => d.reason)).toEqual([
      "Rule “Ship everything” matched",
      "Waiting: post-purchase offer open (hold placed 4 min ago)",
    ]);
    expect(automation.decisions[1]!.refusal).toBeNull();
  });
});
