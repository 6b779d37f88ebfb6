// The post-purchase extension's input token (`inputData.token`), verified as Shopify's JWT
// specification describes a Shopify-issued token: HS256 over the app secret, `iss` always
// "shopify", `sub` the initial purchase's reference id, `iat` always present.
// https://shopify.dev/docs/api/checkout-extensions/post-purchase/jwt-specification
// `exp` is required too (the stricter reading: a token that never expires could be replayed
// forever). Why this is our JWT module and not authenticate.public.checkout:
// docs/decisions/0032-post-purchase-tokens.md.
import { z } from "zod";
import { verifyHs256 } from "~/auth/jwt.server";
import { en } from "~/i18n/en";
import type { InitialPurchase } from "./select-offer";

const t = en.postPurchaseApi;

const SHOPIFY_ISSUER = "shopify";

const money = z.object({ amount: z.union([z.string(), z.number()]).transform(String), currencyCode: z.string() });

// Only what the backend reads; the rest of input_data (customerId, metafields, …) passes through.
const InputData = z.object({
  initialPurchase: z.object({
    referenceId: z.string().min(1),
    totalPriceSet: z.object({ shopMoney: money }),
    lineItems: z.array(
      z.object({ product: z.object({ id: z.number().int(), variant: z.object({ id: z.number().int() }) }) }),
    ),
  }),
  shop: z.object({ domain: z.string().regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/) }),
});

export interface CheckoutContext {
  shop: string;
  referenceId: string;
  purchase: InitialPurchase;
}

type InputTokenCheck = { ok: true; checkout: CheckoutContext } | { ok: false; message: string };

/** Verifies the token for the checkout `referenceId` names. Never throws. */
export function verifyInputToken(token: string, referenceId: string, secret: string, now?: Date): InputTokenCheck {
  const verdict = verifyHs256(token, secret, {
    issuer: SHOPIFY_ISSUER,
    requiredClaims: ["exp", "iat", "sub"],
    ...(now ? { now } : {}),
  });
  if (!verdict.ok) return { ok: false, message: t.tokenRefused(verdict.message) };
  const input = InputData.safeParse(verdict.claims.input_data);
  if (!input.success) return { ok: false, message: t.tokenRefused("input_data is not a post-purchase checkout") };
  const purchase = input.data.initialPurchase;
  if (verdict.claims.sub !== referenceId || purchase.referenceId !== referenceId) {
    return { ok: false, message: t.referenceMismatch };
  }
  return {
    ok: true,
    checkout: {
      shop: input.data.shop.domain,
      referenceId,
      purchase: {
        totalAmount: purchase.totalPriceSet.shopMoney.amount,
        currencyCode: purchase.totalPriceSet.shopMoney.currencyCode,
        lines: purchase.lineItems.map((li) => ({ productId: li.product.id, variantId: li.product.variant.id })),
      },
    },
  };
}
