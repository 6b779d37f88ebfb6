// The environment demo mode runs with. Credentials are obviously fake (app/demo/demo-shop.ts):
// they only have to agree between the app and the in-process simulator, and must never be
// mistaken for a real Partner app's.
import { DEMO_API_KEY, DEMO_API_SECRET } from "../../app/demo/demo-shop";

export { DEMO_API_KEY, DEMO_API_SECRET };
export const DEMO_DEFAULT_PORT = 3000;
export const DEMO_DEFAULT_DATABASE_URL = "file:./prisma/demo.sqlite";
/** Same path as DEMO_APP_BRIDGE_URL in app/demo/demo-mode.server.ts (not imported: it reads env at import). */
export const DEMO_APP_BRIDGE_PATH = "/demo/app-bridge.js";

export class DemoRefusedInProductionError extends Error {
  constructor() {
    super(
      "npm run demo refuses to start with NODE_ENV=production: demo mode mints session tokens for a fake shop. " +
        "Unset NODE_ENV (or set it to development) to run the demo.",
    );
    this.name = "DemoRefusedInProductionError";
  }
}

export interface DemoEnv {
  port: number;
  appUrl: string;
  databaseUrl: string;
}

/**
 * Fills in demo defaults and forces DEMO_MODE=1, in place, before any app module reads
 * process.env (app/env.server.ts validates it at import time). Explicit PORT and
 * DATABASE_URL win, so tests can run several demos side by side.
 */
export function applyDemoEnv(source: NodeJS.ProcessEnv = process.env): DemoEnv {
  if (source.NODE_ENV === "production") throw new DemoRefusedInProductionError();
  const port = Number(source.PORT || DEMO_DEFAULT_PORT);
  if (!Number.isInteger(port) || port <= 0) throw new Error(`PORT must be a port number, got ${source.PORT}`);
  const appUrl = `http://localhost:${port}`;
  const databaseUrl = source.DATABASE_URL || DEMO_DEFAULT_DATABASE_URL;
  Object.assign(source, {
    NODE_ENV: source.NODE_ENV || "development",
    DEMO_MODE: "1",
    PORT: String(port),
    SHOPIFY_API_KEY: DEMO_API_KEY,
    SHOPIFY_API_SECRET: DEMO_API_SECRET,
    SHOPIFY_APP_URL: appUrl,
    DATABASE_URL: databaseUrl,
    // shopify-app-remix's node adapter reads this for the pages it renders itself (bounce, exit-iframe).
    APP_BRIDGE_URL: DEMO_APP_BRIDGE_PATH,
  });
  delete source.SHOP_CUSTOM_DOMAIN;
  return { port, appUrl, databaseUrl };
}
