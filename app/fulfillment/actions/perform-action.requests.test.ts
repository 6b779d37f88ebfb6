import { afterEach, describe, expect, it } from "vitest";
import { ledgerView, simulatorView } from "../../../tests/support/ledger-truth";
import { ShopifyActions } from "../../../tests/support/shopify-actions";
import { installShop } from "../../../tests/support/simulator";
import { unauthenticated } from "~/shopify.server";
import { UNAVAILABLE_REASONS } from "../available-actions";
import {
  ACTOR,
  actionRequests,
  eventsOf,
  ledgerRow,
  ledgerRowsOfOrder,
  startKit,
} from "../../../tests/support/action-kit";
import { performFulfillmentAction } from "./perform-action.server";

const kit = startKit();
afterEach(() => kit.get().h.close());

async function threePlOrder(shop: string, quantity = 3) {
  const k = await kit.start(shop);
  const placed = await k.placeOrder({
    lineItems: [
      { variantId: k.seed.tee.id, quantity },
      { variantId: k.seed.mug.id, quantity: 1 },
    ],
    locationId: k.seed.thirdParty.id,
  });
  const foId = placed.fulfillmentOrderIds[0]!;
  return {
    k,
    foId,
    orderId: placed.orderId,
    act: (raw: unknown) => performFulfillmentAction(k.graphql, { shop, actor: ACTOR }, raw),
  };
}

describe("request fulfillment", () => {
  it("submits the whole FO to the 3PL and records the transition as the staff member's", async () => {
    // GIVEN a 3PL FO in the ledger
    const { k, foId, act } = await threePlOrder("request-whole.myshopify.com");
    // WHEN the merchant requests fulfillment
    const result = await act(await k.form(foId, { intent: "request-fulfillment", message: "Gift wrap please" }));
    // THEN Shopify has the request, the ledger agrees, and the history says who did it
    expect(result).toMatchObject({
      ok: true,
      intent: "request-fulfillment",
      fulfillmentOrderIds: [foId],
      replayed: false,
    });
    const simFo = k.h.sim.getFulfillmentOrder(foId);
    expect(simFo.requestStatus).toBe("SUBMITTED");
    expect(simFo.merchantRequests.map((r) => r.message)).toEqual(["Gift wrap please"]);
    expect(await ledgerView(k.shop)).toEqual(simulatorView(k.h.sim, k.shop));
    expect((await ledgerRow(k.shop, foId)).requestStatus).toBe("SUBMITTED");
    expect(await eventsOf(k.shop, foId)).toContainEqual({
      kind: "request_status",
      from: "UNSUBMITTED",
      to: "SUBMITTED",
      source: "user",
      actor: ACTOR,
    });
    expect(k.mutations()).toEqual(["mutation FulfillmentOrderSubmitFulfillmentRequest"]);
  });

  it("submits part of the FO: the ledger shows the submitted FO and the remainder, with lineage", async () => {
    const { k, foId, orderId, act } = await threePlOrder("request-partial.myshopify.com");
    const [tee, mug] = k.h.sim.getFulfillmentOrder(foId).lineItems;
    // WHEN 2 of 3 tees are requested (the mug line is left at 0)
    const result = await act(
      await k.form(foId, {
        intent: "request-fulfillment",
        lines: [
          { id: tee!.id, quantity: "2" },
          { id: mug!.id, quantity: "0" },
        ],
      }),
    );
    // THEN Shopify split the FO, and the ledger has both parts with the remainder's lineage
    expect(result.ok).toBe(true);
    const simFos = k.h.sim.fulfillmentOrdersOf(orderId);
    expect(simFos).toHaveLength(2);
    const remainder = simFos.find((fo) => fo.id !== foId)!;
    expect(result).toMatchObject({ fulfillmentOrderIds: [foId, remainder.id] });
    expect(await ledgerView(k.shop)).toEqual(simulatorView(k.h.sim, k.shop));
    const rows = await ledgerRowsOfOrder(k.shop, orderId);
    expect(rows.map((r) => [r.shopifyId, r.requestStatus, r.parentShopifyId, r.lineageReason])).toEqual([
      [foId, "SUBMITTED", null, null],
      [remainder.id, "UNSUBMITTED", foId, "partial_request"],
    ]);
    expect(await eventsOf(k.shop, remainder.id)).toEqual([
      { kind: "created", from: null, to: "OPEN", source: "user", actor: ACTOR },
    ]);
  });

  it("shows Shopify's refusal of a quantity above the remaining one next to that line", async () => {
    const { k, foId, act } = await threePlOrder("request-too-many.myshopify.com");
    const [tee, mug] = k.h.sim.getFulfillmentOrder(foId).lineItems;
    const before = simulatorView(k.h.sim, k.shop);
    const result = await act(
      await k.form(foId, {
        intent: "request-fulfillment",
        lines: [
          { id: mug!.id, quantity: "0" },
          { id: tee!.id, quantity: "7" },
        ],
      }),
    );
    // Shopify blames fulfillmentOrderLineItems.0 (the only line sent): that is the form's line 1.
    expect(result).toMatchObject({ ok: false, kind: "user-errors", errors: [{ field: "lines.1.quantity" }] });
    expect(simulatorView(k.h.sim, k.shop)).toEqual(before);
    // A refused action doesn't hold its key: the fixed form may be sent again.
    expect((await actionRequests(k.shop)).map((r) => r.status)).toEqual(["failed"]);
  });

  it("refuses a stale page and sends nothing to Shopify", async () => {
    // GIVEN the page was loaded, then the FO changed (another tab placed a hold and released it)
    const { k, foId, orderId, act } = await threePlOrder("request-stale.myshopify.com");
    const form = await k.form(foId, { intent: "request-fulfillment" });
    const actions = new ShopifyActions(k.h.sim, k.shop);
    await actions.hold(k.h.sim.getFulfillmentOrder(foId), "OTHER");
    k.clock.advance(1000);
    await actions.release(k.h.sim.getFulfillmentOrder(foId));
    await k.refresh(orderId);
    const before = simulatorView(k.h.sim, k.shop);
    // WHEN the old page submits
    const result = await act(form);
    // THEN it's stale, and Shopify saw no mutation
    expect(result).toMatchObject({
      ok: false,
      kind: "stale",
      currentUpdatedAt: (await ledgerRow(k.shop, foId)).shopifyUpdatedAt.toISOString(),
    });
    expect(simulatorView(k.h.sim, k.shop)).toEqual(before);
    expect(k.operations).toEqual([]);
  });

  it("catches a ledger that is behind Shopify with a fresh read, syncs it, and sends nothing", async () => {
    // GIVEN the FO changed in Shopify and the webhook hasn't been processed yet
    const { k, foId, act } = await threePlOrder("request-ledger-behind.myshopify.com");
    const form = await k.form(foId, { intent: "request-fulfillment" });
    await new ShopifyActions(k.h.sim, k.shop).hold(k.h.sim.getFulfillmentOrder(foId), "OTHER");
    const before = simulatorView(k.h.sim, k.shop);
    // WHEN the page (current as far as the ledger knows) submits
    const result = await act(form);
    // THEN it's stale, no mutation went out, and the ledger caught up
    expect(result).toMatchObject({
      ok: false,
      kind: "stale",
      currentUpdatedAt: k.h.sim.getFulfillmentOrder(foId).updatedAt.replace("Z", ".000Z"),
    });
    expect(k.mutations()).toEqual([]);
    expect(simulatorView(k.h.sim, k.shop)).toEqual(before);
    expect(await ledgerView(k.shop)).toEqual(before);
  });

  it("catches a change made within the same second as the ledger's version", async () => {
    // GIVEN a hold placed in Shopify in the very second the ledger's version is from
    const { k, foId, act } = await threePlOrder("request-same-second.myshopify.com");
    const form = await k.form(foId, { intent: "request-fulfillment" });
    k.clock.advance(-2000);
    await new ShopifyActions(k.h.sim, k.shop).hold(k.h.sim.getFulfillmentOrder(foId), "OTHER");
    expect(k.h.sim.getFulfillmentOrder(foId).updatedAt.replace("Z", ".000Z")).toBe(form.expectedUpdatedAt);
    // WHEN the page submits
    const result = await act(form);
    // THEN the gated fields give it away: stale, nothing sent, the ledger caught up
    expect(result).toMatchObject({ ok: false, kind: "stale" });
    expect(k.mutations()).toEqual([]);
    expect((await ledgerRow(k.shop, foId)).status).toBe("ON_HOLD");
  });

  it("answers a double submit once: the second gets the first result, replayed", async () => {
    const { k, foId, act } = await threePlOrder("request-twice.myshopify.com");
    const form = await k.form(foId, { intent: "request-fulfillment" });
    const first = await act(form);
    const second = await act(form);
    expect(first).toMatchObject({ ok: true, replayed: false });
    expect(second).toEqual({ ...first, replayed: true });
    expect(k.h.sim.getFulfillmentOrder(foId).merchantRequests).toHaveLength(1);
    expect(k.mutations()).toEqual(["mutation FulfillmentOrderSubmitFulfillmentRequest"]);
  });

  it("answers two concurrent submits with one mutation: the unique key decides, the loser replays", async () => {
    const { k, foId, act } = await threePlOrder("request-concurrent.myshopify.com");
    const form = await k.form(foId, { intent: "request-fulfillment" });
    const results = await Promise.all([act(form), act(form)]);
    expect(results.map((r) => r.ok && r.replayed).sort()).toEqual([false, true]);
    expect(k.h.sim.getFulfillmentOrder(foId).merchantRequests).toHaveLength(1);
    expect(k.mutations()).toEqual(["mutation FulfillmentOrderSubmitFulfillmentRequest"]);
    expect(await actionRequests(k.shop)).toMatchObject([{ status: "succeeded", actor: ACTOR }]);
  });

  it("answers two concurrent submits that Shopify refuses with one mutation and the same errors", async () => {
    const { k, foId, act } = await threePlOrder("request-concurrent-refused.myshopify.com");
    const [tee] = k.h.sim.getFulfillmentOrder(foId).lineItems;
    const form = await k.form(foId, { intent: "request-fulfillment", lines: [{ id: tee!.id, quantity: 9 }] });
    const [a, b] = await Promise.all([act(form), act(form)]);
    expect(a).toMatchObject({ ok: false, kind: "user-errors", errors: [{ field: "lines.0.quantity" }] });
    expect(b).toEqual(a);
    expect(k.mutations()).toEqual(["mutation FulfillmentOrderSubmitFulfillmentRequest"]);
  });

  it("refuses a key reused for another action", async () => {
    const { k, foId, act } = await threePlOrder("request-key-reused.myshopify.com");
    const form = await k.form(foId, { intent: "request-fulfillment" });
    expect((await act(form)).ok).toBe(true);
    const result = await act({ ...form, intent: "cancel-request" });
    expect(result).toMatchObject({ ok: false, kind: "invalid", errors: [{ field: "idempotencyKey" }] });
    expect(k.h.sim.getFulfillmentOrder(foId).requestStatus).toBe("SUBMITTED");
  });

  it("only acts on FOs of the acting shop", async () => {
    // GIVEN another shop in the same store simulator, acting on this shop's FO id
    const { k, foId } = await threePlOrder("request-scoped.myshopify.com");
    const other = "request-scoped-other.myshopify.com";
    await installShop(k.h.sim, other);
    const { admin } = await unauthenticated.admin(other);
    const result = await performFulfillmentAction(
      admin.graphql,
      { shop: other, actor: ACTOR },
      await k.form(foId, { intent: "request-fulfillment" }),
    );
    expect(result).toMatchObject({ ok: false, kind: "unavailable" });
    expect(k.h.sim.getFulfillmentOrder(foId).requestStatus).toBe("UNSUBMITTED");
  });

  it("refuses to fulfil a 3PL FO, explaining why, before anything reaches Shopify", async () => {
    const { k, foId, act } = await threePlOrder("fulfil-3pl.myshopify.com");
    const result = await act(await k.form(foId, { intent: "fulfil", trackingNumber: "1Z" }));
    expect(result).toEqual({ ok: false, kind: "unavailable", message: UNAVAILABLE_REASONS.fulfilThirdParty });
    expect(k.mutations()).toEqual([]);
  });

  it("answers invalid input with field paths and touches nothing", async () => {
    const { k, foId, act } = await threePlOrder("request-invalid.myshopify.com");
    const result = await act(
      await k.form(foId, {
        intent: "request-fulfillment",
        lines: [{ id: "gid://shopify/FulfillmentOrderLineItem/1", quantity: "-1" }],
      }),
    );
    expect(result).toMatchObject({ ok: false, kind: "invalid", errors: [{ field: "lines.0.quantity" }] });
    expect(k.operations).toEqual([]);
    expect(await actionRequests(k.shop)).toEqual([]);
  });
});

describe("cancel a request, request a cancellation", () => {
  it("withdraws a request the 3PL hasn't accepted: the replacement FO joins the ledger as its child", async () => {
    const { k, foId, orderId, act } = await threePlOrder("cancel-request.myshopify.com");
    expect((await act(await k.form(foId, { intent: "request-fulfillment" }))).ok).toBe(true);
    const result = await act(await k.form(foId, { intent: "cancel-request" }));
    const replacement = k.h.sim.fulfillmentOrdersOf(orderId).find((fo) => fo.id !== foId)!;
    expect(result).toMatchObject({ ok: true, fulfillmentOrderIds: [foId, replacement.id] });
    expect(k.h.sim.getFulfillmentOrder(foId).status).toBe("CANCELLED");
    expect(await ledgerView(k.shop)).toEqual(simulatorView(k.h.sim, k.shop));
    expect(await ledgerRow(k.shop, replacement.id)).toMatchObject({
      parentShopifyId: foId,
      lineageReason: "replacement",
    });
    expect(await eventsOf(k.shop, foId)).toContainEqual({
      kind: "status",
      from: "OPEN",
      to: "CANCELLED",
      source: "user",
      actor: ACTOR,
    });
  });

  it("asks the 3PL to cancel once it accepted", async () => {
    const { k, foId, orderId, act } = await threePlOrder("request-cancellation.myshopify.com");
    expect((await act(await k.form(foId, { intent: "request-fulfillment" }))).ok).toBe(true);
    k.h.sim.acceptFulfillmentRequest(foId);
    k.clock.advance(1000);
    await k.refresh(orderId);
    expect(await act(await k.form(foId, { intent: "cancel-request" }))).toMatchObject({
      kind: "unavailable",
      message: UNAVAILABLE_REASONS.notAccepted,
    });
    const result = await act(await k.form(foId, { intent: "request-cancellation", message: "Customer changed mind" }));
    expect(result).toMatchObject({ ok: true, fulfillmentOrderIds: [foId] });
    expect(k.h.sim.getFulfillmentOrder(foId).requestStatus).toBe("CANCELLATION_REQUESTED");
    expect(await eventsOf(k.shop, foId)).toContainEqual({
      kind: "request_status",
      from: "ACCEPTED",
      to: "CANCELLATION_REQUESTED",
      source: "user",
      actor: ACTOR,
    });
  });
});
