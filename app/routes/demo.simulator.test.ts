import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { registerDemoAppPost } from "~/demo/demo-checkout.server";
import { registerDemoSimulator } from "~/demo/demo-simulator.server";
import { DEMO_SHOP_DOMAIN } from "~/demo/demo-shop";
import { env } from "~/env.server";
import { gidNumber } from "../../simulator/ids";
import { StoreSimulator } from "../../simulator/store-simulator";
import { fakePostPurchaseBackend } from "../../tests/support/fake-post-purchase-backend";
import { seedLocations } from "../../tests/support/seed";
import { TEST_ENV } from "../../tests/support/test-env";
import { createUpsellOffer } from "../../tests/support/upsell";
import { action } from "./demo.simulator";

const SHOP = DEMO_SHOP_DOMAIN;

function command(body: unknown) {
  const request = new Request(`${TEST_ENV.SHOPIFY_APP_URL}/demo/simulator`, {
    method: "POST",
    headers: { Origin: TEST_ENV.SHOPIFY_APP_URL, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return action({ request, params: {}, context: {} });
}

function demoStore() {
  const sim = new StoreSimulator({ apiKey: TEST_ENV.SHOPIFY_API_KEY, apiSecret: TEST_ENV.SHOPIFY_API_SECRET });
  sim.createShop({ domain: SHOP });
  const seed = seedLocations(sim, SHOP);
  const backend = fakePostPurchaseBackend({
    apiKey: TEST_ENV.SHOPIFY_API_KEY,
    apiSecret: TEST_ENV.SHOPIFY_API_SECRET,
    now: () => new Date(),
    offer: {
      offerId: "offer-tee",
      productTitle: "Tee",
      variantTitle: null,
      imageUrl: null,
      variantId: gidNumber(seed.tee.id)!,
      quantity: 1,
      originalPrice: "20.00",
      discountedPrice: "16.00",
      currencyCode: "USD",
      discount: { value: 20, valueType: "percentage", title: "Thanks" },
    },
  });
  registerDemoSimulator(sim);
  registerDemoAppPost(backend.post);
  return { sim, backend, ...seed };
}

describe("POST /demo/simulator simulate-checkout", () => {
  const demoMode = env.DEMO_MODE;
  beforeEach(() => {
    env.DEMO_MODE = "1";
  });
  afterEach(async () => {
    env.DEMO_MODE = demoMode;
    registerDemoAppPost(undefined);
    await prisma.upsellOffer.deleteMany();
  });

  it("runs one upsell flow end to end with an eligible cart: offer shown, accepted, the line added, the hold released", async () => {
    const { sim, backend, tee, mug } = demoStore();
    await createUpsellOffer(SHOP, tee, { name: "Tee after checkout", minOrderTotal: "30.00" });
    const response = await command({ command: "simulate-checkout" });
    expect(response.status).toBe(200);
    const { result } = (await response.json()) as { result: Record<string, unknown> & { order: { id: string } } };
    expect(result).toMatchObject({
      offerShown: { offerId: "offer-tee", productTitle: "Tee", discountedPrice: "16.00", currencyCode: "USD" },
      answer: "accept",
      calls: [
        { path: "/post-purchase/offer", status: 200 },
        { path: "/post-purchase/sign-changeset", status: 200 },
        { path: "/post-purchase/decision", status: 200 },
      ],
      changeset: { status: "processed", errors: [] },
      addedLine: { title: "Tee", quantity: 1, price: "16.00" },
      holdReleased: true,
    });
    // The cart leaves out the offered tee and reaches the offer's 30.00 minimum: three 12.50 mugs.
    const order = sim.getOrder(result.order.id);
    expect(order.lineItems.map((li) => [li.variantId, li.quantity])).toEqual([
      [mug.id, 3],
      [tee.id, 1],
    ]);
    expect(sim.fulfillmentOrdersOf(order.id).every((fo) => fo.holds.length === 0)).toBe(true);
    expect(backend.decisions).toEqual([
      { referenceId: order.checkoutToken, offerId: "offer-tee", decision: "accepted" },
    ]);
  });

  it("a declined offer adds nothing and releases the hold", async () => {
    const { sim, backend } = demoStore();
    const response = await command({ command: "simulate-checkout", answer: "decline" });
    const { result } = (await response.json()) as { result: Record<string, unknown> & { order: { id: string } } };
    expect(result).toMatchObject({ answer: "decline", changeset: null, addedLine: null, holdReleased: true });
    expect(sim.getOrder(result.order.id).lineItems).toHaveLength(1);
    expect(backend.decisions.map((d) => d.decision)).toEqual(["declined"]);
  });

  it("answers 400 to an unknown answer and 409 when the app's endpoints can't be reached", async () => {
    demoStore();
    expect((await command({ command: "simulate-checkout", answer: "maybe" })).status).toBe(400);
    registerDemoAppPost(undefined);
    const unreachable = await command({ command: "simulate-checkout" });
    expect(unreachable.status).toBe(409);
    expect(await unreachable.json()).toEqual({ error: expect.stringMatching(/cannot reach the app/) });
  });

  it("is not found outside demo mode", async () => {
    demoStore();
    env.DEMO_MODE = "0";
    const thrown = await command({ command: "simulate-checkout" }).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(404);
  });
});
