// A headless Chromium for the browser tests, with a throw-away profile and every
// background feature that would phone home switched off (the machine has no network).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

// shopify-app-remix answers 410 Gone to bots (isbot), and "HeadlessChrome" in the default
// user agent is one; the smoke test is a merchant's browser, so it says Chrome.
const DESKTOP_CHROME_USER_AGENT =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";

export interface LaunchedChromium {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<LaunchedChromium> {
  const userDataDir = mkdtempSync(join(tmpdir(), "fd-chromium-"));
  // launchPersistentContext because Playwright owns --user-data-dir: this is how to hand it a fresh one.
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    userAgent: DESKTOP_CHROME_USER_AGENT,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
