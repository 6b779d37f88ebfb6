// Demo mode only: the "simulate a checkout" control. A buyer checks out in the simulated store,
// the app's own /post-purchase/* endpoints are called as the extension calls them (over HTTP in
// the demo: scripts/demo.ts registers how to reach the app), and the answer tells what happened.
import { playPostPurchase, type BuyerAnswer, type PostToApp } from "../../simulator/post-purchase-buyer";
import { isPostPurchaseHold } from "../../simulator/domain/post-purchase-hold";
import type { StoreSimulator } from "../../simulator/store-simulator";
import { type NoOfferReason, upsellEligibleCart } from "./demo-checkout";
import { firstEnabledOfferConditions } from "./demo-offer.server";

declare global {
  var __fulfillmentDeskDemoAppPost: PostToApp | undefined;
}

/** How the demo's buyer reaches the app's endpoints (tests register a stand-in). */
export function registerDemoAppPost(post: PostToApp | undefined): void {
  globalThis.__fulfillmentDeskDemoAppPost = post;
}

export interface SimulatedCheckout {
  order: { id: string; name: string };
  offerShown: { offerId: string; productTitle: string; discountedPrice: string; currencyCode: string } | null;
  /** null when an offer was shown. */
  noOffer: NoOfferReason | null;
  answer: BuyerAnswer | "no-offer";
  /** The app's endpoints the extension called, with their HTTP status. */
  calls: { path: string; status: number }[];
  /** applyChangeset's answer, when the buyer accepted. */
  changeset: { status: string; errors: { code: string; message: string }[] } | null;
  addedLine: { title: string; quantity: number; price: string } | null;
  holdReleased: boolean;
}

export async function simulateDemoCheckout(
  sim: StoreSimulator,
  shop: string,
  input: { answer: Exclude<BuyerAnswer, "timeout"> },
): Promise<SimulatedCheckout> {
  const post = globalThis.__fulfillmentDeskDemoAppPost;
  if (!post) throw new Error("The demo cannot reach the app's post-purchase endpoints in this process");
  const snapshot = sim.snapshot(shop);
  // Shipped from the 3PL: only a fulfillment service's FOs are requested, so only there can the
  // accepted upsell go out in the order's one request (the offers screen's joint metric).
  const threePl = snapshot.locations.find((l) => l.kind === "fulfillment_service" && l.active);
  if (!threePl) throw new Error("The demo shop has no 3PL location");
  const conditions = await firstEnabledOfferConditions(shop);
  const line = upsellEligibleCart(snapshot.variants, conditions);
  if (!line) throw new Error("The demo shop has nothing to sell");
  const run = await playPostPurchase(
    { sim, shop, post },
    {
      cart: {
        lineItems: [line],
        locationId: threePl.id,
        customer: { firstName: "Demo", lastName: "Buyer", email: "demo.buyer@example.com" },
      },
      answer: input.answer,
    },
  );
  const order = sim.getOrder(run.order.id);
  const added = order.lineItems.length > 1 ? order.lineItems[order.lineItems.length - 1]! : null;
  return {
    order: run.order,
    offerShown: run.offer && {
      offerId: run.offer.offerId,
      productTitle: run.offer.productTitle,
      discountedPrice: run.offer.discountedPrice,
      currencyCode: run.offer.currencyCode,
    },
    noOffer: run.offer ? null : noOfferReason(conditions !== null, run.calls[0]?.status),
    answer: run.answer,
    calls: run.calls.map((c) => ({ path: c.path, status: c.status })),
    changeset: run.applied ? { status: run.applied.status, errors: run.applied.errors } : null,
    addedLine: added && { title: added.title, quantity: added.quantity, price: added.price },
    holdReleased: sim.fulfillmentOrdersOf(order.id).every((fo) => !fo.holds.some(isPostPurchaseHold)),
  };
}

function noOfferReason(hadEnabledOffer: boolean, offerCallStatus: number | undefined): NoOfferReason {
  if (!hadEnabledOffer) return "no-enabled-offer";
  return offerCallStatus === 200 ? "not-offered" : "offer-failed";
}
