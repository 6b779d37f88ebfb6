// Demo mode's stand-in for what Shopify admin does around an embedded app: open it with a
// session token in the URL, and answer the bounce page with a fresh one. Everything after
// that — token validation, token exchange (against the simulator), session storage,
// afterAuth — is the real authenticate.admin.
import { env } from "~/env.server";
import { DEMO_SHOP_DOMAIN, DEMO_STAFF_USER_ID, demoHostParam } from "./demo-shop";
import { isDemoMode } from "./demo-mode.server";
import { mintSessionToken } from "./session-token.server";

/** Demo-only routes answer 404 outside demo mode, as if they did not exist. */
export function requireDemoMode(): void {
  if (!isDemoMode()) throw new Response("Not Found", { status: 404 });
}

export function mintDemoSessionToken(now: Date = new Date()): string {
  return mintSessionToken({
    shop: DEMO_SHOP_DOMAIN,
    apiKey: env.SHOPIFY_API_KEY,
    apiSecret: env.SHOPIFY_API_SECRET,
    userId: DEMO_STAFF_USER_ID,
    now,
  });
}

/**
 * The URL Shopify admin loads in its iframe when a merchant opens the app: the app URL with
 * embedded=1, shop, host and a session token as `id_token`
 * (https://shopify.dev/docs/apps/build/authentication-authorization/implement-token-exchange).
 */
export function demoLaunchPath(): string {
  const params = new URLSearchParams({
    embedded: "1",
    shop: DEMO_SHOP_DOMAIN,
    host: demoHostParam(),
    id_token: mintDemoSessionToken(),
  });
  return `/app?${params.toString()}`;
}

/** shopify-app-remix's bounce page path (`${authPathPrefix}/session-token`). */
export const BOUNCE_PAGE_PATH = "/auth/session-token";

/**
 * Whether a path, sent as a relative Location, stays on this origin. `//host/x` is a
 * scheme-relative URL to another host, and browsers read `/\host/x` the same way (the WHATWG
 * URL parser already turned a backslash into `/` in `target.pathname`); so the path must start
 * with exactly one slash and carry no backslash.
 */
const isSameOriginPath = (path: string): boolean => /^\/(?![/\\])/.test(path) && !path.includes("\\");

/**
 * On the bounce page Shopify's App Bridge fetches a fresh session token and reloads the
 * `shopify-reload` URL with it. App Bridge is not there offline, so the server does the
 * same: redirect to that URL, only if it points back into this app and the demo shop.
 * Returns null for any other request.
 */
export function demoBounceResponse(request: Request): Response | null {
  const url = new URL(request.url);
  if (url.pathname !== BOUNCE_PAGE_PATH) return null;
  const reload = url.searchParams.get("shopify-reload");
  if (!reload) return new Response("Missing shopify-reload", { status: 400 });
  let target: URL;
  try {
    target = new URL(reload);
  } catch {
    return new Response("Invalid shopify-reload", { status: 400 });
  }
  const appOrigin = new URL(env.SHOPIFY_APP_URL).origin;
  if (
    target.origin !== appOrigin ||
    !isSameOriginPath(target.pathname) ||
    target.searchParams.get("shop") !== DEMO_SHOP_DOMAIN
  ) {
    return new Response("shopify-reload must point into this app for the demo shop", { status: 400 });
  }
  target.searchParams.set("id_token", mintDemoSessionToken());
  // Relative, so the browser stays on whichever loopback name it used (localhost or 127.0.0.1).
  return new Response(null, { status: 302, headers: { Location: `${target.pathname}${target.search}` } });
}
