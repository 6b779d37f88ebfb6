import { json } from "@remix-run/node";
import { mintDemoSessionToken, requireDemoMode } from "~/demo/demo-auth.server";

// What the App Bridge stand-in (public/demo/app-bridge.js) calls for shopify.idToken().
// In Shopify admin the parent frame hands out the token; here the demo server does.
export const loader = async () => {
  requireDemoMode();
  return json({ token: mintDemoSessionToken() }, { headers: { "Cache-Control": "no-store" } });
};
