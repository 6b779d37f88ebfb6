// The offers screen's "simulate a checkout" control (demo mode only): the route's action hands
// the submitted form here; a checkout is played in the demo shop against the app's own
// post-purchase endpoints and the answer is what the screen's banner shows.
import { z } from "zod";
import { en } from "~/i18n/en";
import type { SimulatedCheckout } from "./demo-checkout.server";
import type { DemoCheckoutAnswer, DemoCheckoutView } from "./demo-checkout-view";
import { isDemoMode } from "./demo-mode.server";
import { DEMO_SHOP_DOMAIN } from "./demo-shop";
import { simulateDemoShopCheckout } from "./demo-simulator.server";

const t = en.upsell.demoCheckout;

/** Only the demo shop, in demo mode, has a simulated store to check out in. */
export const demoCheckoutAvailable = (shop: string): boolean => isDemoMode() && shop === DEMO_SHOP_DOMAIN;

const Answer = z.enum(["accept", "decline"]);

function viewOf(run: SimulatedCheckout): DemoCheckoutView {
  return {
    orderName: run.order.name,
    offer: run.offerShown && {
      productTitle: run.offerShown.productTitle,
      discountedPrice: run.offerShown.discountedPrice,
      currencyCode: run.offerShown.currencyCode,
    },
    noOffer: run.noOffer,
    answer: run.answer === "timeout" ? "no-offer" : run.answer,
    addedLine: run.addedLine,
    changesetErrors: run.changeset?.errors.map((e) => e.message) ?? [],
    holdReleased: run.holdReleased,
  };
}

/** 404 outside the demo shop, 400 for an unknown answer, 409 when the checkout could not run. */
export async function simulateCheckoutFromScreen(
  shop: string,
  form: Record<string, unknown>,
): Promise<{ status: number; data: DemoCheckoutAnswer }> {
  if (!demoCheckoutAvailable(shop)) return { status: 404, data: { ok: false, error: t.unavailable } };
  const answer = Answer.safeParse(form.answer);
  if (!answer.success) return { status: 400, data: { ok: false, error: t.badAnswer } };
  try {
    return { status: 200, data: { ok: true, checkout: viewOf(await simulateDemoShopCheckout(answer.data)) } };
  } catch (error) {
    return {
      status: 409,
      data: { ok: false, error: t.failed(error instanceof Error ? error.message : String(error)) },
    };
  }
}
