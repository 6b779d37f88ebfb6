import { afterEach, describe, expect, it } from "vitest";
import { ledgerView, simulatorView } from "../../../tests/support/ledger-truth";
import { UNAVAILABLE_REASONS } from "../available-actions";
import { ACTOR, eventsOf, ledgerRow, ledgerRowsOfOrder, startKit } from "../../../tests/support/action-kit";
import { OUR_HOLD_HANDLE_PREFIX } from "./contract";
import { performFulfillmentAction } from "./perform-action.server";

const kit = startKit();
afterEach(() => kit.get().h.close());

async function warehouseOrder(shop: string) {
  const k = await kit.start(shop);
  const placed = await k.placeOrder({
    lineItems: [
      { variantId: k.seed.tee.id, quantity: 3 },
      { variantId: k.seed.mug.id, quantity: 1 },
    ],
    locationId: k.seed.warehouse.id,
  });
  const foId = placed.fulfillmentOrderIds[0]!;
  const act = (raw: unknown) => performFulfillmentAction(k.graphql, { shop, actor: ACTOR }, raw);
  return { k, foId, orderId: placed.orderId, act };
}

describe("holds", () => {
  it("places two holds with our handle, then releases one and then the other", async () => {
    const { k, foId, act } = await warehouseOrder("holds-two.myshopify.com");
    // WHEN two holds are placed with a reason
    const first = await act(
      await k.form(foId, { intent: "hold", reason: "INCORRECT_ADDRESS", reasonNotes: "Check street" }),
    );
    const second = await act(
      await k.form(foId, { intent: "hold", reason: "HIGH_RISK_OF_FRAUD", notifyMerchant: true }),
    );
    // THEN Shopify has both, each with our own handle, and the ledger agrees
    expect([first.ok, second.ok]).toEqual([true, true]);
    const holds = k.h.sim.getFulfillmentOrder(foId).holds;
    expect(holds.map((h) => h.reason)).toEqual(["INCORRECT_ADDRESS", "HIGH_RISK_OF_FRAUD"]);
    expect(holds.map((h) => h.handle)).toEqual([
      expect.stringMatching(new RegExp(`^${OUR_HOLD_HANDLE_PREFIX}-[0-9a-f]{10}$`)),
      expect.stringMatching(new RegExp(`^${OUR_HOLD_HANDLE_PREFIX}-[0-9a-f]{10}$`)),
    ]);
    expect(holds[0]!.handle).not.toBe(holds[1]!.handle);
    expect(await ledgerView(k.shop)).toEqual(simulatorView(k.h.sim, k.shop));
    expect(await eventsOf(k.shop, foId)).toContainEqual({
      kind: "status",
      from: "OPEN",
      to: "ON_HOLD",
      source: "user",
      actor: ACTOR,
    });

    // WHEN the first is released
    const release1 = await act(await k.form(foId, { intent: "release-holds", holdIds: [holds[0]!.id] }));
    expect(release1).toMatchObject({ ok: true, message: "Hold released" });
    expect(k.h.sim.getFulfillmentOrder(foId)).toMatchObject({ status: "ON_HOLD", holds: [{ id: holds[1]!.id }] });
    // AND then the other
    const release2 = await act(await k.form(foId, { intent: "release-holds", holdIds: [holds[1]!.id] }));
    expect(release2.ok).toBe(true);
    expect(k.h.sim.getFulfillmentOrder(foId)).toMatchObject({ status: "OPEN", holds: [] });
    expect(await ledgerView(k.shop)).toEqual(simulatorView(k.h.sim, k.shop));
    const events = await eventsOf(k.shop, foId);
    expect(events.filter((e) => e.kind === "holds").map((e) => [e.from, e.to, e.source, e.actor])).toEqual([
      [null, "INCORRECT_ADDRESS", "user", ACTOR],
      ["INCORRECT_ADDRESS", "INCORRECT_ADDRESS, HIGH_RISK_OF_FRAUD", "user", ACTOR],
      ["INCORRECT_ADDRESS, HIGH_RISK_OF_FRAUD", "HIGH_RISK_OF_FRAUD", "user", ACTOR],
      ["HIGH_RISK_OF_FRAUD", null, "user", ACTOR],
    ]);
    expect(events).toContainEqual({ kind: "status", from: "ON_HOLD", to: "OPEN", source: "user", actor: ACTOR });
  });

  it("releases only our hold and keeps the other app's hold", async () => {
    // GIVEN our hold and a fraud app's hold on the FO
    const { k, foId, orderId, act } = await warehouseOrder("holds-other-app.myshopify.com");
    expect((await act(await k.form(foId, { intent: "hold", reason: "OTHER" }))).ok).toBe(true);
    k.clock.advance(1000);
    const theirs = k.h.sim.placeHoldAsOtherApp(foId, { reason: "HIGH_RISK_OF_FRAUD", appTitle: "FraudGuard" });
    k.clock.advance(1000);
    await k.refresh(orderId);
    // WHEN the merchant asks to release "all" holds, or names the other app's hold
    const named = await act(await k.form(foId, { intent: "release-holds", holdIds: [theirs.id] }));
    expect(named).toEqual({
      ok: false,
      kind: "invalid",
      errors: [{ field: "holdIds.0", message: "Held by FraudGuard: only that app can release its hold" }],
    });
    expect(k.mutations()).toEqual([]);
    const all = await act(await k.form(foId, { intent: "release-holds" }));
    // THEN only ours went, the FO stays on hold with theirs
    expect(all).toMatchObject({ ok: true });
    expect(k.h.sim.getFulfillmentOrder(foId)).toMatchObject({ status: "ON_HOLD", holds: [{ id: theirs.id }] });
    // AND with only their hold left, releasing isn't offered
    expect(await act(await k.form(foId, { intent: "release-holds" }))).toEqual({
      ok: false,
      kind: "unavailable",
      message: UNAVAILABLE_REASONS.heldByOtherApp("FraudGuard"),
    });
    expect(k.mutations()).toEqual(["mutation FulfillmentOrderReleaseHold"]);
  });

  it("shows Shopify's refusal to release an unknown hold on the holdIds field", async () => {
    const { k, foId, act } = await warehouseOrder("holds-unknown.myshopify.com");
    expect((await act(await k.form(foId, { intent: "hold", reason: "OTHER" }))).ok).toBe(true);
    const before = simulatorView(k.h.sim, k.shop);
    const result = await act(
      await k.form(foId, { intent: "release-holds", holdIds: ["gid://shopify/FulfillmentHold/999999"] }),
    );
    expect(result).toMatchObject({ ok: false, kind: "user-errors", errors: [{ field: "holdIds" }] });
    expect(simulatorView(k.h.sim, k.shop)).toEqual(before);
  });

  it("holds some quantities: the remaining FO joins the ledger with its lineage", async () => {
    const { k, foId, orderId, act } = await warehouseOrder("holds-partial.myshopify.com");
    const [tee] = k.h.sim.getFulfillmentOrder(foId).lineItems;
    const result = await act(
      await k.form(foId, { intent: "hold", reason: "INVENTORY_OUT_OF_STOCK", lines: [{ id: tee!.id, quantity: 2 }] }),
    );
    const remaining = k.h.sim.fulfillmentOrdersOf(orderId).find((fo) => fo.id !== foId)!;
    expect(result).toMatchObject({ ok: true, fulfillmentOrderIds: [foId, remaining.id] });
    expect(await ledgerView(k.shop)).toEqual(simulatorView(k.h.sim, k.shop));
    const rows = await ledgerRowsOfOrder(k.shop, orderId);
    expect(rows.map((r) => [r.shopifyId, r.status, r.parentShopifyId, r.lineageReason])).toEqual([
      [foId, "ON_HOLD", null, null],
      [remaining.id, "OPEN", foId, "partial_hold"],
    ]);
  });

  it("answers a double hold submit once (Shopify would also refuse the repeated handle)", async () => {
    const { k, foId, act } = await warehouseOrder("holds-twice.myshopify.com");
    const form = await k.form(foId, { intent: "hold", reason: "OTHER" });
    const [a, b] = await Promise.all([act(form), act(form)]);
    expect([a.ok && a.replayed, b.ok && b.replayed].sort()).toEqual([false, true]);
    expect(k.h.sim.getFulfillmentOrder(foId).holds).toHaveLength(1);
    expect(k.mutations()).toEqual(["mutation FulfillmentOrderHold"]);
    expect((await ledgerRow(k.shop, foId)).status).toBe("ON_HOLD");
  });
});
