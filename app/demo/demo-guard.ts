// When demo mode may run at all: only inside `npm run demo` (scripts/demo.ts marks its own
// process), with the demo's own obviously fake credentials, and never in production. Checked
// when the environment is read (app/env.server.ts), so a server started any other way with
// DEMO_MODE=1 — `NODE_ENV=test DEMO_MODE=1 npm start` with a real app's credentials — refuses to
// start instead of handing out session tokens. Pure apart from the process-wide mark.
import { DEMO_API_KEY, DEMO_API_SECRET } from "./demo-shop";

declare global {
  var __fulfillmentDeskDemoServer: boolean | undefined;
}

/** scripts/demo.ts calls this before it loads the app: the one process demo mode may run in. */
export function markDemoServer(): void {
  globalThis.__fulfillmentDeskDemoServer = true;
}

const isDemoServerProcess = (): boolean => globalThis.__fulfillmentDeskDemoServer === true;

export class DemoModeRefusedError extends Error {
  constructor(why: string) {
    super(`DEMO_MODE=1 is refused: ${why} Demo mode mints session tokens for a fake shop; run it with npm run demo.`);
    this.name = "DemoModeRefusedError";
  }
}

interface DemoModeSettings {
  NODE_ENV: string;
  DEMO_MODE: string;
  SHOPIFY_API_KEY: string;
  SHOPIFY_API_SECRET: string;
}

/** Throws DemoModeRefusedError when DEMO_MODE=1 is set where demo mode must not run. */
export function assertDemoModeAllowed(settings: DemoModeSettings, inDemoServer = isDemoServerProcess()): void {
  if (settings.DEMO_MODE !== "1") return;
  if (settings.NODE_ENV === "production") throw new DemoModeRefusedError("NODE_ENV is production.");
  if (settings.SHOPIFY_API_KEY !== DEMO_API_KEY || settings.SHOPIFY_API_SECRET !== DEMO_API_SECRET) {
    throw new DemoModeRefusedError("the app's credentials are not the demo's.");
  }
  if (!inDemoServer) throw new DemoModeRefusedError("this process is not npm run demo.");
}
