import { describe, expect, it } from "vitest";
import { gidNumber } from "../../simulator/ids";
import { fakePostPurchaseBackend } from "./fake-post-purchase-backend";
import { postPurchaseBuyer, type PostToApp } from "./post-purchase-buyer";
import { API_KEY, API_SECRET, SHOP, setupStore } from "./simulator-fixture";

function store(options: { offer?: boolean; post?: PostToApp; offerQuantity?: number } = {}) {
  const ctx = setupStore();
  const offer = {
    offerId: "offer-tee",
    productTitle: "Tee",
    variantTitle: null,
    imageUrl: null,
    variantId: gidNumber(ctx.tee.id)!,
    quantity: options.offerQuantity ?? 1,
    originalPrice: "20.00",
    discountedPrice: "16.00",
    currencyCode: "USD",
    discount: { value: 20, valueType: "percentage" as const, title: "Thanks for your order" },
  };
  const backend = fakePostPurchaseBackend({
    apiKey: API_KEY,
    apiSecret: API_SECRET,
    offer: options.offer === false ? null : offer,
    now: ctx.clock.now,
  });
  const buyer = postPurchaseBuyer(ctx, SHOP, options.post ?? backend.post, ctx.clock.advance);
  const cart = { lineItems: [{ variantId: ctx.mug.id, quantity: 1 }] };
  const heldCount = (orderId: string) =>
    ctx.sim.fulfillmentOrdersOf(orderId).filter((fo) => fo.holds.some((h) => h.heldByApp === null)).length;
  return { ...ctx, backend, buyer, cart, heldCount };
}

describe("the post-purchase buyer driver", () => {
  it("accepts: offer → sign-changeset → applyChangeset → decision; the discounted line is added and the hold released", async () => {
    const { sim, buyer, cart, backend, heldCount, tee } = store();
    const run = await buyer.checkoutAnd("accept", cart);
    expect(run.calls.map((c) => [c.path, c.status])).toEqual([
      ["/post-purchase/offer", 200],
      ["/post-purchase/sign-changeset", 200],
      ["/post-purchase/decision", 200],
    ]);
    expect(run.offer?.offerId).toBe("offer-tee");
    expect(run.applied?.status).toBe("processed");
    expect(run.calculated).toMatchObject({
      status: "processed",
      calculatedPurchase: { totalOutstandingSet: { shopMoney: { amount: "16.00" } } },
    });
    expect(sim.getOrder(run.order.id).lineItems.map((li) => [li.variantId, li.price])).toEqual([
      [cart.lineItems[0]!.variantId, "12.50"],
      [tee.id, "16.00"],
    ]);
    expect(heldCount(run.order.id)).toBe(0);
    expect(backend.decisions).toEqual([{ referenceId: run.referenceId, offerId: "offer-tee", decision: "accepted" }]);
  });

  it("a changeset Shopify refuses (out of stock) records no decision, and the buyer still finishes checkout", async () => {
    const { sim, buyer, cart, backend, heldCount } = store({ offerQuantity: 50 });
    const run = await buyer.checkoutAnd("accept", cart);
    expect(run.applied).toMatchObject({ status: "unprocessed", errors: [{ code: "insufficient_inventory" }] });
    expect(run.calls.map((c) => c.path)).toEqual(["/post-purchase/offer", "/post-purchase/sign-changeset"]);
    expect(backend.decisions).toEqual([]);
    expect(sim.getOrder(run.order.id).lineItems).toHaveLength(1);
    expect(heldCount(run.order.id)).toBe(0);
  });

  it("declines: the decision is recorded and the hold released with nothing added", async () => {
    const { sim, buyer, cart, backend, heldCount } = store();
    const run = await buyer.checkoutAnd("decline", cart);
    expect(run.calls.map((c) => c.path)).toEqual(["/post-purchase/offer", "/post-purchase/decision"]);
    expect(backend.decisions).toEqual([{ referenceId: run.referenceId, offerId: "offer-tee", decision: "declined" }]);
    expect(sim.getOrder(run.order.id).lineItems).toHaveLength(1);
    expect(heldCount(run.order.id)).toBe(0);
  });

  it("times out: no call after the offer, and 60 minutes later the hold is gone", async () => {
    const { sim, buyer, cart, backend, heldCount } = store();
    const run = await buyer.checkoutAnd("timeout", cart);
    expect(run.calls.map((c) => c.path)).toEqual(["/post-purchase/offer"]);
    expect(backend.decisions).toEqual([]);
    expect(sim.getOrder(run.order.id).lineItems).toHaveLength(1);
    expect(heldCount(run.order.id)).toBe(0);
  });

  it("with no offer the buyer goes on to the thank-you page: the hold is released", async () => {
    const { buyer, cart, heldCount } = store({ offer: false });
    const run = await buyer.checkoutAnd("accept", cart);
    expect(run).toMatchObject({ offer: null, answer: "no-offer" });
    expect(run.calls.map((c) => c.path)).toEqual(["/post-purchase/offer"]);
    expect(heldCount(run.order.id)).toBe(0);
  });

  it("a failing backend shows nothing: no offer, and the buyer finishes checkout", async () => {
    const { buyer, cart, heldCount } = store({ post: async () => ({ status: 500, json: { error: "boom" } }) });
    const run = await buyer.checkoutAnd("accept", cart);
    expect(run).toMatchObject({ offer: null, answer: "no-offer" });
    expect(heldCount(run.order.id)).toBe(0);
  });

  it("the fake backend refuses a token another app signed (401) and a second signature for one checkout (409)", async () => {
    const { sim, backend, cart } = store();
    const { referenceId, inputToken } = sim.checkout(SHOP, cart);
    const forged = await backend.post("/post-purchase/offer", { token: `${inputToken}x`, referenceId });
    expect(forged.status).toBe(401);
    await backend.post("/post-purchase/offer", { token: inputToken, referenceId });
    const body = { token: inputToken, referenceId, offerId: "offer-tee" };
    expect((await backend.post("/post-purchase/sign-changeset", body)).status).toBe(200);
    expect(await backend.post("/post-purchase/sign-changeset", body)).toMatchObject({ status: 409 });
  });
});
