// What the offers screen's "simulate a checkout" control answers (demo mode only): the route's
// action sends it, the screen's banner shows it. Pure types, shared with the UI.
import type { NoOfferReason } from "./demo-checkout";

export const SIMULATE_CHECKOUT_INTENT = "simulate-checkout";

export interface DemoCheckoutView {
  orderName: string;
  offer: { productTitle: string; discountedPrice: string; currencyCode: string } | null;
  noOffer: NoOfferReason | null;
  answer: "accept" | "decline" | "no-offer";
  /** The line the accepted offer added, at its (discounted) unit price. */
  addedLine: { title: string; quantity: number; price: string } | null;
  /** applyChangeset's errors, when the buyer accepted and nothing was added. */
  changesetErrors: string[];
  holdReleased: boolean;
}

export type DemoCheckoutAnswer = { ok: true; checkout: DemoCheckoutView } | { ok: false; error: string };
