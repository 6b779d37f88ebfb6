// The changeset the extension hands to applyChangeset: built here from the stored presentation
// (never from what the client sent) and signed with the app secret, once per checkout.
// Claims of a partner-issued token (jti a UUID, iss the API key, sub the reference id, iat):
// https://shopify.dev/docs/api/checkout-extensions/post-purchase/jwt-specification
// add_variant with variantId, quantity and discount:
// https://shopify.dev/docs/api/checkout-extensions/post-purchase/api#applychangeset
import { randomUUID } from "node:crypto";
import type { UpsellPresentation } from "@prisma/client";
import { signHs256 } from "~/auth/jwt.server";
import { prisma } from "~/db.server";
import { en } from "~/i18n/en";
import { legacyIdOf, storedDiscount } from "./offer.server";
import { PostPurchaseRefusal } from "./refusal";

const t = en.postPurchaseApi;

interface AppCredentials {
  apiKey: string;
  apiSecret: string;
}

/**
 * Claims the presentation's one signing, then signs. The claim is a conditional update, so of two
 * concurrent requests only one signs; a replay is refused with 401.
 */
export async function signChangeset(
  presentation: UpsellPresentation,
  app: AppCredentials,
  now: Date = new Date(),
): Promise<string> {
  const discount = storedDiscount(presentation);
  if (!discount) throw new PostPurchaseRefusal(404, t.offerUnavailable);
  const jti = randomUUID();
  const { count } = await prisma.upsellPresentation.updateMany({
    where: { id: presentation.id, changesetJti: null, decision: null },
    data: { changesetJti: jti, changesetSignedAt: now },
  });
  if (count === 0) throw new PostPurchaseRefusal(401, t.alreadySigned);
  return signHs256(
    {
      iss: app.apiKey,
      jti,
      // Seconds, as every JWT time claim (RFC 7519 NumericDate).
      iat: Math.floor(now.getTime() / 1000),
      sub: presentation.referenceId,
      changes: [
        {
          type: "add_variant",
          variantId: legacyIdOf(presentation.variantId),
          quantity: presentation.quantity,
          discount,
        },
      ],
    },
    app.apiSecret,
  );
}
