// The three endpoints the post-purchase extension calls (offer, sign-changeset, decision): one
// request pipeline for all — preflight, body, token, replay — then each endpoint's work. Every
// answer is JSON any origin may read; a refusal is a 4xx with a message, never a 500 or a stack.
import type { UpsellPresentation } from "@prisma/client";
import { z } from "zod";
import { prisma } from "~/db.server";
import { env } from "~/env.server";
import { corsJson, corsPreflight } from "~/http/cors";
import { en } from "~/i18n/en";
import { getJobQueue } from "~/jobs/runtime.server";
import { readBodyWithin } from "~/webhooks/bounded-body";
import { signChangeset } from "./changeset.server";
import { recordDecision } from "./decision.server";
import { type CheckoutContext, verifyInputToken } from "./input-token.server";
import { offerFor } from "./offer.server";
import { PostPurchaseRefusal } from "./refusal";

const t = en.postPurchaseApi;

/** A token and three ids fit in far less; anything bigger is not the extension. */
const MAX_BODY_BYTES = 16 * 1024;

const base = { token: z.string().min(1).max(8192), referenceId: z.string().min(1).max(255) };
const offerId = z.string().min(1).max(64);

const BODIES = {
  offer: z.object(base),
  "sign-changeset": z.object({ ...base, offerId }),
  decision: z.object({ ...base, offerId, decision: z.enum(["accepted", "declined"]) }),
};

type PostPurchaseEndpoint = keyof typeof BODIES;

async function readBody<E extends PostPurchaseEndpoint>(request: Request, endpoint: E) {
  const read = await readBodyWithin(request, MAX_BODY_BYTES);
  if (read.kind === "too-large") throw new PostPurchaseRefusal(400, t.tooLarge);
  let json: unknown;
  try {
    json = JSON.parse(read.text);
  } catch {
    throw new PostPurchaseRefusal(400, t.unreadableJson);
  }
  const parsed = BODIES[endpoint].safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");
    throw new PostPurchaseRefusal(400, t.invalidBody(problems));
  }
  return parsed.data as z.infer<(typeof BODIES)[E]>;
}

/** The checkout the token speaks for, from a shop that has our app installed. */
async function authorize(token: string, referenceId: string): Promise<CheckoutContext> {
  const check = verifyInputToken(token, referenceId, env.SHOPIFY_API_SECRET);
  if (!check.ok) throw new PostPurchaseRefusal(401, check.message);
  const shop = await prisma.shop.findUnique({ where: { shop: check.checkout.shop }, select: { uninstalledAt: true } });
  if (!shop || shop.uninstalledAt !== null) throw new PostPurchaseRefusal(401, t.shopNotInstalled);
  return check.checkout;
}

/** What was shown for this checkout; a recorded decision spends the checkout's token. */
async function presentationOf(checkout: CheckoutContext): Promise<UpsellPresentation | null> {
  const shown = await prisma.upsellPresentation.findUnique({
    where: { shop_referenceId: { shop: checkout.shop, referenceId: checkout.referenceId } },
  });
  if (shown?.decision) throw new PostPurchaseRefusal(401, t.tokenSpent);
  return shown;
}

/** The presentation of the offer the client names, which must still be on (404 otherwise). */
async function shownOffer(checkout: CheckoutContext, offerId: string): Promise<UpsellPresentation> {
  const shown = await presentationOf(checkout);
  if (!shown || shown.offerId !== offerId) throw new PostPurchaseRefusal(404, t.noOfferShown);
  const offer = await prisma.upsellOffer.findUnique({ where: { id: offerId }, select: { enabled: true } });
  if (!offer?.enabled) throw new PostPurchaseRefusal(404, t.offerUnavailable);
  return shown;
}

async function answer(request: Request, endpoint: PostPurchaseEndpoint): Promise<unknown> {
  switch (endpoint) {
    case "offer": {
      const body = await readBody(request, "offer");
      const checkout = await authorize(body.token, body.referenceId);
      return { offer: await offerFor(checkout, await presentationOf(checkout)) };
    }
    case "sign-changeset": {
      const body = await readBody(request, "sign-changeset");
      const checkout = await authorize(body.token, body.referenceId);
      const shown = await shownOffer(checkout, body.offerId);
      if (shown.changesetJti) throw new PostPurchaseRefusal(401, t.alreadySigned);
      return { token: await signChangeset(shown, { apiKey: env.SHOPIFY_API_KEY, apiSecret: env.SHOPIFY_API_SECRET }) };
    }
    case "decision": {
      const body = await readBody(request, "decision");
      const checkout = await authorize(body.token, body.referenceId);
      // The offer may have been switched off since it was shown: the buyer's answer still counts.
      const shown = await presentationOf(checkout);
      if (!shown || shown.offerId !== body.offerId) throw new PostPurchaseRefusal(404, t.noOfferShown);
      await recordDecision(getJobQueue(), shown, body.decision);
      return { recorded: true };
    }
  }
}

/** The route's whole action: a Response for any request, never a throw. */
export async function handlePostPurchase(request: Request, endpoint: PostPurchaseEndpoint): Promise<Response> {
  if (request.method === "OPTIONS") return corsPreflight();
  if (request.method !== "POST") return corsJson({ error: t.methodNotAllowed }, 405);
  try {
    return corsJson(await answer(request, endpoint));
  } catch (error) {
    if (error instanceof PostPurchaseRefusal) return corsJson({ error: error.message }, error.status);
    // Ours or Shopify's failure, not the client's: logged whole, answered without detail.
    console.error(error);
    return corsJson({ error: t.unavailable }, 503);
  }
}
