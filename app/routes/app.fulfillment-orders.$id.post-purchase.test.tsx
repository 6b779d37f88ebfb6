// The FO page's post-purchase line through the real loader: the simulator places and lifts
// Shopify's post-purchase hold, the buyer's answer is recorded as the decision endpoint records it,
// and each test checks the text the page shows.
import { AppProvider } from "@shopify/polaris";
import translations from "@shopify/polaris/locales/en.json";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it } from "vitest";
import { recordUpsellDecision } from "~/automation/runtime/upsell-decision.server";
import { PostPurchaseCard } from "~/components/fulfillment-order/post-purchase-card";
import { prisma } from "~/db.server";
import { getJobQueue } from "~/jobs/runtime.server";
import type { PostPurchaseView } from "~/post-purchase/fo-post-purchase";
import { callRoute, fetchRequest } from "../../tests/support/embedded-request";
import { routeHarness } from "../../tests/support/route-harness";
import type { seedLocations } from "../../tests/support/seed";
import { loader } from "./app.fulfillment-orders.$id";

const SHOP = "detail-post-purchase.myshopify.com";

const harness = routeHarness({ shops: [SHOP] });
let s: ReturnType<typeof seedLocations>;
beforeEach(() => {
  s = harness.seed();
});

/** An order whose buyer is shown the post-purchase offer: Shopify holds its FO meanwhile. */
async function orderWithOffer() {
  const order = harness.h.sim.createOrder(SHOP, {
    lineItems: [{ variantId: s.mug.id, quantity: 1 }],
    locationId: s.warehouse.id,
    postPurchaseOffer: true,
  });
  await harness.deliver();
  const [fo] = harness.h.sim.fulfillmentOrdersOf(order.id);
  return { orderId: order.id, foId: fo!.id };
}

/** The offer shown for the order, as the offer endpoint records it (linked to the order). */
async function shownTee(orderId: string) {
  const offer = await prisma.upsellOffer.create({
    data: {
      shop: SHOP,
      name: "Tee with every mug",
      productId: "gid://shopify/Product/1",
      variantId: s.tee.id,
      productTitle: "Tee",
      discountPercent: "20",
    },
  });
  await prisma.upsellPresentation.create({
    data: {
      shop: SHOP,
      offerId: offer.id,
      referenceId: "checkout-1",
      orderId,
      variantId: s.tee.id,
      quantity: 1,
      originalPrice: "20.00",
      discountedPrice: "16.00",
      currencyCode: "USD",
    },
  });
}

/** The post-purchase card's text as the FO page renders it from its loader's data. */
async function lineOf(foId: string): Promise<string> {
  const path = `/app/fulfillment-orders/${encodeURIComponent(foId)}`;
  const response = await callRoute((args) => loader({ ...args, params: { id: foId } }), fetchRequest(path, SHOP));
  expect(response.status).toBe(200);
  const { postPurchase, now } = (await response.json()) as { postPurchase: PostPurchaseView | null; now: string };
  const html = renderToStaticMarkup(
    <AppProvider i18n={translations}>
      <PostPurchaseCard postPurchase={postPurchase} now={new Date(now)} />
    </AppProvider>,
  );
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/\s+/g, " ")
    .trim();
}

const answer = async (orderId: string, decision: "accepted" | "declined") => {
  await recordUpsellDecision(getJobQueue(), SHOP, orderId, decision);
};

describe("the FO page's post-purchase line", () => {
  it("says the offer is open, and since when, while Shopify's post-purchase hold is on", async () => {
    const { foId } = await orderWithOffer();

    expect(await lineOf(foId)).toBe("Post-purchase offer open (hold placed < 1 min ago)");
  });

  it("shows the buyer's acceptance and what was added, then that the order is settled (automation off)", async () => {
    const { orderId, foId } = await orderWithOffer();
    await shownTee(orderId);
    await answer(orderId, "accepted");
    harness.h.sim.completePostPurchase(orderId, { addLineItems: [{ variantId: s.tee.id, quantity: 1 }] });
    await harness.deliver();

    expect(await lineOf(foId)).toBe(
      "Buyer accepted the post-purchase offer: +1 × Tee Post-purchase offer settled: ready to request",
    );
  });

  it("shows the buyer's decline even while Shopify has not lifted the hold yet", async () => {
    const { orderId, foId } = await orderWithOffer();
    await shownTee(orderId);
    await answer(orderId, "declined");

    expect(await lineOf(foId)).toBe("Buyer declined the post-purchase offer");
  });

  it("says the order is settled once the hold is gone without an answer, when automation is off", async () => {
    const { orderId, foId } = await orderWithOffer();
    harness.h.sim.completePostPurchase(orderId);
    await harness.deliver();

    expect(await lineOf(foId)).toBe("Post-purchase offer settled: ready to request");
  });

  it("leaves settling to automation when it is on, and says nothing for an order without an offer", async () => {
    await prisma.automationSettings.create({ data: { shop: SHOP, enabled: true } });
    const { orderId, foId } = await orderWithOffer();
    harness.h.sim.completePostPurchase(orderId);
    await harness.deliver();
    expect(await lineOf(foId)).toBe("");

    const plain = harness.h.sim.createOrder(SHOP, { lineItems: [{ variantId: s.mug.id, quantity: 1 }] });
    await harness.deliver();
    const [fo] = harness.h.sim.fulfillmentOrdersOf(plain.id);
    expect(await lineOf(fo!.id)).toBe("");
  });
});
