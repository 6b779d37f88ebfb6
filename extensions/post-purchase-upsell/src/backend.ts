import { BACKEND_URL, DECISION_TIMEOUT_MS, OFFER_TIMEOUT_MS, SIGN_TIMEOUT_MS } from "./config";
import { type Offer, parseOffer } from "./offer";

// The extension's three calls to the app's backend (the HTTP contract of issue 11). Each one carries the
// input token Shopify gave the extension, which is how the backend knows the call is genuine; the body
// carries it, and so does the Authorization header, as Shopify's post-purchase tutorial sends it
// (https://shopify.dev/docs/apps/build/checkout/product-offers/build-a-post-purchase-offer).

export interface CheckoutRef {
  token: string;
  referenceId: string;
}

export type Decision = "accepted" | "declined";

async function postJson(path: string, token: string, body: object, timeoutMs: number): Promise<unknown> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(`${BACKEND_URL}${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
      signal: controller.signal,
    });
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    return await response.json();
  } finally {
    clearTimeout(timer);
  }
}

/** The offer for this checkout, or null when there is none, the backend fails, or it is too slow. */
export async function fetchOffer(ref: CheckoutRef): Promise<Offer | null> {
  try {
    const answer = await postJson("/post-purchase/offer", ref.token, ref, OFFER_TIMEOUT_MS);
    return typeof answer === "object" && answer !== null ? parseOffer((answer as { offer?: unknown }).offer) : null;
  } catch {
    return null;
  }
}

/** The changeset JWT the backend signed for this offer, or null when it refused or failed. */
export async function signChangeset(ref: CheckoutRef, offerId: string): Promise<string | null> {
  try {
    const answer = await postJson("/post-purchase/sign-changeset", ref.token, { ...ref, offerId }, SIGN_TIMEOUT_MS);
    const token = typeof answer === "object" && answer !== null ? (answer as { token?: unknown }).token : null;
    return typeof token === "string" && token !== "" ? token : null;
  } catch {
    return null;
  }
}

/** Tells the backend the buyer's decision. Best-effort: never throws, never waits past its time box. */
export async function recordDecision(ref: CheckoutRef, offerId: string, decision: Decision): Promise<void> {
  try {
    await postJson("/post-purchase/decision", ref.token, { ...ref, offerId, decision }, DECISION_TIMEOUT_MS);
  } catch {
    // The buyer's way to the thank-you page matters more than the statistic; the backend also learns the
    // outcome from Shopify's order edit or the hold's release.
  }
}
