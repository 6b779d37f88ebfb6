// The post-purchase extension's input token (`inputData.token`), verified as Shopify's JWT
// specification describes a Shopify-issued token: HS256 over the app secret, `iss` always
// "shopify", `sub` the initial purchase's reference id, `iat` always present, and **no `exp`**
// ("Expiration time (EXP) — Shopify issued token: Not present").
// https://shopify.dev/docs/api/checkout-extensions/post-purchase/jwt-specification
// So a token's age is judged by `iat`: the post-purchase page lives at most as long as Shopify's
// post-purchase hold, 60 minutes (https://shopify.dev/changelog/post-purchase-fulfillment-holds);
// an older token is expired. An `exp`, if one is ever present, is checked as well. Why this is our
// JWT module and not authenticate.public.checkout: docs/decisions/0032-post-purchase-tokens.md.
import { z } from "zod";
import { verifyHs256 } from "~/auth/jwt.server";
import { en } from "~/i18n/en";
import type { InitialPurchase } from "./select-offer";

const t = en.postPurchaseApi;

const SHOPIFY_ISSUER = "shopify";
/** The longest a post-purchase page can be open: Shopify lifts its hold after 60 minutes. */
const TOKEN_LIFETIME_SECONDS = 60 * 60;
/** Clock skew allowed between Shopify and us on `iat` (a token from the future is refused). */
const CLOCK_SKEW_SECONDS = 60;

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
    requiredClaims: ["iat", "sub"],
    ...(now ? { now } : {}),
  });
  if (!verdict.ok) return { ok: false, message: t.tokenRefused(verdict.message) };
  const issuedAt = verdict.claims.iat;
  const nowSeconds = Math.floor((now ?? new Date()).getTime() / 1000);
  if (typeof issuedAt !== "number" || issuedAt > nowSeconds + CLOCK_SKEW_SECONDS) {
    return { ok: false, message: t.tokenRefused("iat is not a time in the past") };
  }
  if (nowSeconds - issuedAt > TOKEN_LIFETIME_SECONDS) {
    return { ok: false, message: t.tokenRefused("issued more than 60 minutes ago: the post-purchase page has closed") };
  }
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
