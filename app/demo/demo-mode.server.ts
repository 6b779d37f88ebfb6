import { env } from "~/env.server";

export class DemoModeInProductionError extends Error {
  constructor() {
    super("Demo mode is refused when NODE_ENV=production: it mints session tokens for a fake shop.");
    this.name = "DemoModeInProductionError";
  }
}

/**
 * Demo mode serves the app against the store simulator with locally minted session
 * tokens (docs/decisions/0003-demo-auth.md). It needs the explicit DEMO_MODE=1 flag and
 * refuses to run in production, whatever the flag says.
 */
export function isDemoMode(source: { NODE_ENV: string; DEMO_MODE: string } = env): boolean {
  if (source.DEMO_MODE !== "1") return false;
  if (source.NODE_ENV === "production") throw new DemoModeInProductionError();
  return true;
}

/** Where the App Bridge script comes from: Shopify's CDN normally, the local stand-in in demo mode. */
const DEMO_APP_BRIDGE_URL = "/demo/app-bridge.js";
export function appBridgeScriptUrl(): string | null {
  return isDemoMode() ? DEMO_APP_BRIDGE_URL : null;
}
