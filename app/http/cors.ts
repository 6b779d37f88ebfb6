// CORS for endpoints called from outside the admin: the post-purchase extension runs on
// Shopify's checkout origin, so every answer (errors included, or the browser hides them from
// the extension) allows any origin, and the preflight says what may be sent.
// https://developer.mozilla.org/en-US/docs/Web/HTTP/CORS#preflighted_requests
// Any origin is safe here: these endpoints take no cookies; the signed token is the credential.

const ALLOW_ORIGIN = { "Access-Control-Allow-Origin": "*" } as const;

const PREFLIGHT = {
  ...ALLOW_ORIGIN,
  "Access-Control-Allow-Methods": "POST, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type, Authorization",
  // A day, so the extension doesn't preflight every call of the checkout.
  "Access-Control-Max-Age": "86400",
} as const;

/** A JSON answer any origin may read. */
export function corsJson(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...ALLOW_ORIGIN, "Content-Type": "application/json; charset=utf-8" },
  });
}

/** The answer to a CORS preflight (OPTIONS): 204 with what may be sent. */
export function corsPreflight(): Response {
  return new Response(null, { status: 204, headers: PREFLIGHT });
}
