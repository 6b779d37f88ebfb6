// The one shop demo mode serves. Shared by the seed (scripts/demo/seed-demo-shop.ts), the
// token minting and the launch route so they can never disagree about who is signed in.
export const DEMO_SHOP_DOMAIN = "demo-shop.myshopify.com";
export const DEMO_SHOP_NAME = "Demo Shop";
const DEMO_SHOP_HANDLE = "demo-shop";

/**
 * The demo's app credentials. Obviously fake: they only have to agree between the app and the
 * in-process simulator, and demo mode refuses any other (app/demo/demo-guard.ts).
 */
export const DEMO_API_KEY = "demo-api-key-not-a-real-app";
export const DEMO_API_SECRET = "demo-api-secret-not-a-real-app-0123456789";

/** The staff member the minted session tokens speak for (the token's `sub`). */
export const DEMO_STAFF_USER_ID = "42";

/**
 * The `host` query parameter Shopify admin appends when it embeds an app: the base64 of the
 * admin URL without its scheme, on admin.shopify.com since 2022
 * (https://shopify.dev/changelog/updates-required-for-embedded-apps-to-work-on-the-new-shopify-admin-domain).
 * Same shape as @shopify/shopify-api/test-helpers' getHostValue.
 */
export function demoHostParam(): string {
  return btoa(`admin.shopify.com/store/${DEMO_SHOP_HANDLE}`);
}
