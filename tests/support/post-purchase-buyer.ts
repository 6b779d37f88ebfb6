// The buyer at checkout's post-purchase step, for tests: the driver (simulator/post-purchase-buyer.ts)
// bound to a simulator harness.
import {
  playPostPurchase,
  type BuyerAnswer,
  type PostPurchaseRun,
  type PostToApp,
} from "../../simulator/post-purchase-buyer";
import type { CheckoutInput } from "../../simulator/operations/post-purchase";
import type { SimulatorHarness } from "./simulator";

export type { PostToApp } from "../../simulator/post-purchase-buyer";

/** A buyer in `shop` whose extension calls the app through `post`; `advanceClock` moves the harness's clock. */
export function postPurchaseBuyer(
  harness: Pick<SimulatorHarness, "sim">,
  shop: string,
  post: PostToApp,
  advanceClock?: (ms: number) => void,
) {
  const context = { sim: harness.sim, shop, post, ...(advanceClock ? { advanceClock } : {}) };
  return {
    checkoutAnd: (answer: BuyerAnswer, cart: CheckoutInput): Promise<PostPurchaseRun> =>
      playPostPurchase(context, { cart, answer }),
  };
}
