// The offers screen's "simulate a checkout" control through the real authenticate.admin: in
// demo mode a checkout in the simulated demo shop is played against the app's real
// /post-purchase/* route modules and the screen's statistics count it; outside demo mode (or
// for another shop) the intent is a 404 and nothing is recorded.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { registerDemoAppPost } from "~/demo/demo-checkout.server";
import type { DemoCheckoutAnswer } from "~/demo/demo-checkout-view";
import { registerDemoSimulator } from "~/demo/demo-simulator.server";
import { DEMO_SHOP_DOMAIN } from "~/demo/demo-shop";
import { env } from "~/env.server";
import type { OffersScreenView } from "~/post-purchase/offer-views";
import { turnOnAutomation } from "../../tests/support/automation";
import { callRoute, fetchRequest } from "../../tests/support/embedded-request";
import { postToRoutes as post } from "../../tests/support/post-purchase-routes";
import { routeHarness } from "../../tests/support/route-harness";
import { action, loader } from "./app.upsell._index";

const SHOP = DEMO_SHOP_DOMAIN;
const OTHER = "upsell-demo-other.myshopify.com";
const harness = routeHarness({ shops: [SHOP, OTHER] });

async function screen(shop = SHOP): Promise<OffersScreenView> {
  return (await (await callRoute(loader, fetchRequest("/app/upsell", shop))).json()) as OffersScreenView;
}

async function simulate(answer: string, shop = SHOP) {
  const response = await callRoute(
    action,
    fetchRequest("/app/upsell", shop, { form: { intent: "simulate-checkout", answer } }),
  );
  return { status: response.status, body: (await response.json()) as DemoCheckoutAnswer };
}

async function teeOffer(shop = SHOP) {
  const tee = harness.seed(shop).tee;
  return prisma.upsellOffer.create({
    data: {
      shop,
      name: "Tee after checkout",
      productId: tee.productId,
      variantId: tee.id,
      productTitle: "Tee",
      discountPercent: "20",
    },
  });
}

describe("the offers screen's simulate-a-checkout control", () => {
  const demoMode = env.DEMO_MODE;
  beforeEach(() => {
    env.DEMO_MODE = "1";
    registerDemoSimulator(harness.h.sim);
    registerDemoAppPost(post);
  });
  afterEach(() => {
    env.DEMO_MODE = demoMode;
    registerDemoAppPost(undefined);
  });

  it("in demo mode runs the flow, answers what happened, and the statistics count it: 1 shown, 1 accepted", async () => {
    const offer = await teeOffer();
    expect((await screen()).demoCheckout).toBe(true);

    const { status, body } = await simulate("accept");

    expect(status).toBe(200);
    expect(body).toEqual({
      ok: true,
      checkout: {
        orderName: expect.stringMatching(/^#\d+$/),
        offer: { productTitle: "Tee", discountedPrice: expect.any(String), currencyCode: "USD" },
        noOffer: null,
        answer: "accept",
        addedLine: { title: "Tee", quantity: 1, price: expect.any(String) },
        changesetErrors: [],
        holdReleased: true,
      },
    });
    const checkout = (body as Extract<DemoCheckoutAnswer, { ok: true }>).checkout;
    expect(checkout.addedLine!.price).toBe(checkout.offer!.discountedPrice);
    const view = await screen();
    expect(view.total).toMatchObject({ shown: 1, accepted: 1, declined: 0, conversion: 1 });
    expect(view.offers).toEqual([expect.objectContaining({ id: offer.id, shown: 1, accepted: 1 })]);
    expect(await prisma.upsellPresentation.findMany({ select: { offerId: true, decision: true } })).toEqual([
      { offerId: offer.id, decision: "accepted" },
    ]);
  });

  it("with automation on, the accepted upsell goes out in the order's one request: the joint metric counts it together", async () => {
    await turnOnAutomation(SHOP, undefined, { quietPeriodMinutes: 10 });
    await teeOffer();

    expect((await simulate("accept")).status).toBe(200);
    await harness.deliver();

    expect((await screen()).sameRequest).toMatchObject({ together: 1, split: 0, pending: 0, share: 1 });
  });

  it("a declined checkout is counted as shown and declined; nothing is added", async () => {
    await teeOffer();
    const { status, body } = await simulate("decline");
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, checkout: { answer: "decline", addedLine: null, holdReleased: true } });
    expect((await screen()).total).toMatchObject({ shown: 1, accepted: 0, declined: 1, conversion: 0 });
  });

  it("with no enabled offer says why no offer was shown", async () => {
    const { status, body } = await simulate("accept");
    expect(status).toBe(200);
    expect(body).toMatchObject({
      ok: true,
      checkout: { offer: null, noOffer: "no-enabled-offer", answer: "no-offer", addedLine: null },
    });
    expect(await prisma.upsellPresentation.count()).toBe(0);
  });

  it("answers 400 to an unknown answer and 409 with a clear message when the app's endpoints can't be reached", async () => {
    await teeOffer();
    expect(await simulate("maybe")).toEqual({
      status: 400,
      body: { ok: false, error: "Choose whether the buyer accepts or declines." },
    });
    registerDemoAppPost(undefined);
    const unreachable = await simulate("accept");
    expect(unreachable.status).toBe(409);
    expect(unreachable.body).toEqual({
      ok: false,
      error: expect.stringMatching(/^The simulated checkout failed: .*cannot reach the app/),
    });
    expect(await prisma.upsellPresentation.count()).toBe(0);
  });

  it("outside demo mode the control is not offered, the intent is a 404, and nothing is recorded", async () => {
    await teeOffer();
    env.DEMO_MODE = "0";
    expect((await screen()).demoCheckout).toBe(false);
    expect(await simulate("accept")).toEqual({
      status: 404,
      body: { ok: false, error: "Simulated checkouts exist only in the demo store." },
    });
    expect(await prisma.upsellPresentation.count()).toBe(0);
    expect(harness.h.sim.snapshot(SHOP).orders).toHaveLength(0);
  });

  it("in demo mode another shop is neither offered the control nor allowed the intent", async () => {
    await teeOffer(OTHER);
    expect((await screen(OTHER)).demoCheckout).toBe(false);
    expect((await simulate("accept", OTHER)).status).toBe(404);
    expect(await prisma.upsellPresentation.count()).toBe(0);
  });
});
