import { redirect } from "@remix-run/node";
import { demoLaunchPath, requireDemoMode } from "~/demo/demo-auth.server";

// Opens the demo shop's embedded app the way Shopify admin would (404 outside demo mode).
export const loader = async () => {
  requireDemoMode();
  throw redirect(demoLaunchPath(), { headers: { "Cache-Control": "no-store" } });
};
