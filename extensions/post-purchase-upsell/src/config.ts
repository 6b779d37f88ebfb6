// Where the app's backend answers the extension (the routes under /post-purchase/).
// Shopify documents no configuration mechanism for a post-purchase extension's backend URL: its tutorial
// keeps it in a constant in the extension source ("replace APP_URL with your tunnel URL",
// https://shopify.dev/docs/apps/build/checkout/product-offers/build-a-post-purchase-offer). So it lives
// here, in one place; the deploy rewrites this value to the app's public URL before `shopify app deploy`
// (see README.md).
export const BACKEND_URL = "https://fulfillment-desk.example.com";

// A slow backend must show nothing rather than hold the buyer on a spinner, so every call is time-boxed.
export const OFFER_TIMEOUT_MS = 2_500;
export const SIGN_TIMEOUT_MS = 5_000;
// The decision is best-effort: the buyer never waits longer than this for it.
export const DECISION_TIMEOUT_MS = 2_000;
