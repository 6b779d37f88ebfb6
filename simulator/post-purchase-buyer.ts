// A buyer at checkout's post-purchase step, playing our extension against the app's backend: the
// simulator is Shopify (checkout, applyChangeset, the hold), `post` reaches the app's
// /post-purchase/* endpoints (the HTTP contract of issue 11). For tests and the demo's
// "simulate a checkout" control.
import { z } from "zod";
import type { CalculateChangesetResult, ApplyChangesetResult, CheckoutInput } from "./operations/post-purchase";
import type { StoreSimulator } from "./store-simulator";

export interface AppResponse {
  status: number;
  json: unknown;
}

/** POSTs a JSON body to one of the app's endpoints, as the extension does. */
export type PostToApp = (path: string, body: Record<string, unknown>) => Promise<AppResponse>;

/** `post` over HTTP to the app at `baseUrl`, with the given fetch. */
export function postOverHttp(fetchFn: typeof fetch, baseUrl: string): PostToApp {
  return async (path, body) => {
    const response = await fetchFn(new URL(path, baseUrl), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = { unreadable: text.slice(0, 200) };
    }
    return { status: response.status, json };
  };
}

const Discount = z.object({
  value: z.number(),
  valueType: z.enum(["percentage", "fixed_amount"]),
  title: z.string(),
});

/** The offer endpoint's `offer`, as the contract has it. */
export const OfferJson = z.object({
  offerId: z.string(),
  productTitle: z.string(),
  variantTitle: z.string().nullable(),
  imageUrl: z.string().nullable(),
  variantId: z.number().int().positive(),
  quantity: z.number().int().positive(),
  originalPrice: z.string(),
  discountedPrice: z.string(),
  currencyCode: z.string(),
  discount: Discount,
});
export type OfferJson = z.infer<typeof OfferJson>;

const OfferAnswer = z.object({ offer: OfferJson.nullable() });
const SignedAnswer = z.object({ token: z.string().min(1) });

export type BuyerAnswer = "accept" | "decline" | "timeout";

export interface PostPurchaseRun {
  order: { id: string; name: string };
  referenceId: string;
  /** The offer the app made, or null (none, or the backend failed: the extension then shows nothing). */
  offer: OfferJson | null;
  /** What the buyer did; `no-offer` when nothing was shown (they went on to the thank-you page). */
  answer: BuyerAnswer | "no-offer";
  /** Every call to the app, in order. */
  calls: { path: string; status: number; json: unknown }[];
  calculated?: CalculateChangesetResult;
  applied?: ApplyChangesetResult;
}

interface BuyerContext {
  sim: StoreSimulator;
  shop: string;
  post: PostToApp;
  /** Moves the simulator's clock; needed only for the `timeout` answer. */
  advanceClock?: (ms: number) => void;
}

const POST_PURCHASE_TIMEOUT_MS = 60 * 60_000;

/**
 * checkout → offer → (accept) sign-changeset → calculateChangeset → applyChangeset → decision
 * accepted → thank-you; (decline) decision declined → hold released; (timeout) no call, the clock
 * moves 60 minutes and Shopify lifts the hold at its next Admin request.
 */
export async function playPostPurchase(
  ctx: BuyerContext,
  input: { cart: CheckoutInput; answer: BuyerAnswer },
): Promise<PostPurchaseRun> {
  const { sim, shop } = ctx;
  const { order, referenceId, inputToken: token } = sim.checkout(shop, input.cart);
  const run: PostPurchaseRun = {
    order: { id: order.id, name: order.name },
    referenceId,
    offer: null,
    answer: "no-offer",
    calls: [],
  };
  const post = async (path: string, body: Record<string, unknown>) => {
    const response = await ctx.post(path, body);
    run.calls.push({ path, ...response });
    return response;
  };
  const offered = await post("/post-purchase/offer", { token, referenceId });
  const offer = offered.status === 200 ? OfferAnswer.safeParse(offered.json) : null;
  if (!offer?.success || offer.data.offer === null) {
    sim.reachThankYou(referenceId);
    return run;
  }
  run.offer = offer.data.offer;
  run.answer = input.answer;
  const offerId = run.offer.offerId;
  if (input.answer === "timeout") {
    if (!ctx.advanceClock) throw new Error("The timeout answer needs advanceClock");
    ctx.advanceClock(POST_PURCHASE_TIMEOUT_MS);
    // Shopify lifts the hold by itself; the simulator checks it on each Admin request.
    await sim.graphql(shop, "{ shop { id } }");
    return run;
  }
  if (input.answer === "decline") {
    await post("/post-purchase/decision", { token, referenceId, offerId, decision: "declined" });
    sim.declinePostPurchase(referenceId);
    return run;
  }
  const signed = await post("/post-purchase/sign-changeset", { token, referenceId, offerId });
  const changeset = signed.status === 200 ? SignedAnswer.safeParse(signed.json) : null;
  if (changeset?.success) {
    run.calculated = sim.calculateChangeset(referenceId, [
      {
        type: "add_variant",
        variantId: run.offer.variantId,
        quantity: run.offer.quantity,
        discount: run.offer.discount,
      },
    ]);
    run.applied = sim.applyChangeset(referenceId, changeset.data.token);
    // The buyer's decision is recorded only for an offer that was really added.
    if (run.applied.status === "processed")
      await post("/post-purchase/decision", { token, referenceId, offerId, decision: "accepted" });
  }
  // done(): on to the thank-you page (a no-op once the accepted changeset released the hold).
  sim.reachThankYou(referenceId);
  return run;
}
