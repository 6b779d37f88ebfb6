// Test-only: requests shaped the way Shopify admin and App Bridge send them to an embedded app,
// with session tokens minted by the project's own minting code and the test env's credentials.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { mintSessionToken } from "~/demo/session-token.server";
import { TEST_ENV } from "./test-env";

const APP_URL = TEST_ENV.SHOPIFY_APP_URL;

export function sessionTokenFor(shop: string, apiSecret: string = TEST_ENV.SHOPIFY_API_SECRET): string {
  return mintSessionToken({ shop, apiKey: TEST_ENV.SHOPIFY_API_KEY, apiSecret, userId: "7" });
}

/** Shopify admin's `host` parameter: base64 of the admin URL of the store, without the scheme. */
const hostParamFor = (shop: string) => btoa(`admin.shopify.com/store/${shop.replace(/\.myshopify\.com$/, "")}`);

/** The first load of a page in the admin iframe: `?embedded=1&shop&host&id_token`. */
export function documentRequest(path: string, shop: string): Request {
  const params = new URLSearchParams({
    embedded: "1",
    shop,
    host: hostParamFor(shop),
    id_token: sessionTokenFor(shop),
  });
  return new Request(`${APP_URL}${path}?${params.toString()}`, { headers: { Accept: "text/html" } });
}

/** A Remix data fetch or form submission through App Bridge's fetch: `Authorization: Bearer <token>`. */
export function fetchRequest(
  path: string,
  shop: string,
  options: { form?: Record<string, string>; token?: string; body?: { contentType: string; text: string } } = {},
): Request {
  const headers = new Headers({ Authorization: `Bearer ${options.token ?? sessionTokenFor(shop)}` });
  if (options.body) {
    // Whatever a hostile client may post, as it is.
    headers.set("Content-Type", options.body.contentType);
    return new Request(`${APP_URL}${path}`, { method: "POST", headers, body: options.body.text });
  }
  if (!options.form) return new Request(`${APP_URL}${path}`, { headers });
  headers.set("Content-Type", "application/x-www-form-urlencoded");
  return new Request(`${APP_URL}${path}`, {
    method: "POST",
    headers,
    body: new URLSearchParams(options.form).toString(),
  });
}

/** Runs a loader or action as Remix would; a thrown Response (re-auth, 401) becomes the answer. */
export async function callRoute(
  // ActionFunctionArgs has the same shape.
  handler: (args: LoaderFunctionArgs) => Promise<Response>,
  request: Request,
): Promise<Response> {
  try {
    return await handler({ request, params: {}, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}
