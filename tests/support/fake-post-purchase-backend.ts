// A stand-in for the app's /post-purchase/* endpoints, implementing their HTTP contract (issue 11)
// with the one JWT module: until the real routes land, the buyer driver and the demo's control are
// tested against it. It offers one fixed variant to every checkout whose token verifies.
import { randomUUID } from "node:crypto";
import { signHs256, verifyHs256 } from "~/auth/jwt.server";
import type { AppResponse, OfferJson, PostToApp } from "../../simulator/post-purchase-buyer";

interface FakeBackend {
  post: PostToApp;
  /** Every decision recorded, in order. */
  decisions: { referenceId: string; offerId: string; decision: string }[];
}

export function fakePostPurchaseBackend(options: {
  apiKey: string;
  apiSecret: string;
  offer: OfferJson | null;
  now: () => Date;
}): FakeBackend {
  const shown = new Set<string>();
  const signed = new Set<string>();
  const decisions: FakeBackend["decisions"] = [];
  const answer = (status: number, json: unknown): AppResponse => ({ status, json });

  const post: PostToApp = async (path, body) => {
    const { token, referenceId, offerId } = body;
    if (typeof token !== "string" || typeof referenceId !== "string")
      return answer(400, { error: "token and referenceId are required" });
    const verdict = verifyHs256(token, options.apiSecret, {
      issuer: "shopify",
      subject: referenceId,
      now: options.now(),
    });
    if (!verdict.ok) return answer(401, { error: "The token is not valid" });
    const offer = options.offer;
    switch (path) {
      case "/post-purchase/offer":
        if (offer) shown.add(referenceId);
        return answer(200, { offer });
      case "/post-purchase/sign-changeset": {
        if (!offer || offerId !== offer.offerId || !shown.has(referenceId))
          return answer(404, { error: "No such offer for this checkout" });
        if (signed.has(referenceId)) return answer(409, { error: "A changeset was already signed for this checkout" });
        signed.add(referenceId);
        const changes = [
          { type: "add_variant", variantId: offer.variantId, quantity: offer.quantity, discount: offer.discount },
        ];
        const iat = Math.floor(options.now().getTime() / 1000);
        return answer(200, {
          token: signHs256(
            { iss: options.apiKey, jti: randomUUID(), iat, sub: referenceId, changes },
            options.apiSecret,
          ),
        });
      }
      case "/post-purchase/decision": {
        const { decision } = body;
        if (typeof offerId !== "string" || (decision !== "accepted" && decision !== "declined"))
          return answer(400, { error: "offerId and decision are required" });
        decisions.push({ referenceId, offerId, decision });
        return answer(200, { recorded: true });
      }
      default:
        return answer(404, { error: "Not found" });
    }
  };
  return { post, decisions };
}
