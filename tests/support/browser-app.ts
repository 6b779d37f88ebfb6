// The one browser fixture: `npm run demo`'s server and a real Chromium for a test file, pages
// that record what went wrong in them, and the embedded app's launch parameters. Every test
// fails on an uncaught page error, a console.error in the page, or a 5xx answer, unless it
// said it expects one (allowPageError).
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { launchChromium, type LaunchedChromium } from "./chromium";
import { type DemoServer, simulatorCommand, startDemoServer } from "./demo-server";
import { shown } from "./page-checks";

/** Where browser tests save the screenshots a person looks at. */
export const SCREENSHOTS = fileURLToPath(new URL("../e2e/screenshots/", import.meta.url));

interface BrowserApp {
  readonly server: DemoServer;
  readonly chromium: LaunchedChromium;
  /** A new page whose errors fail the test (Remix's dev-server HMR chatter is not the app's). */
  newPage(): Promise<Page>;
  /** Follows the demo's front door into the embedded app once; later calls reuse its parameters. */
  launch(): Promise<URLSearchParams>;
  /** An app path with the embedded launch parameters (call launch() first). */
  inApp(path: string): string;
  /** A command to the demo's store simulator. */
  simulator<T>(command: Record<string, unknown>): Promise<T>;
  /** The current test expects a page problem matching `pattern`. */
  allowPageError(pattern: RegExp): void;
  /** A full-page screenshot under tests/e2e/screenshots/, as seen scrolled to the bottom. */
  screenshot(page: Page, name: string): Promise<void>;
}

export function browserApp(): BrowserApp {
  let server: DemoServer | undefined;
  let chromium: LaunchedChromium | undefined;
  let embeddedParams: URLSearchParams | undefined;
  let problems: string[] = [];
  let allowed: RegExp[] = [];

  beforeAll(async () => {
    [server, chromium] = await Promise.all([startDemoServer(), launchChromium()]);
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
  });

  afterEach(() => {
    const unexpected = problems.filter((problem) => !allowed.some((pattern) => pattern.test(problem)));
    problems = [];
    allowed = [];
    expect(unexpected, "page errors, console errors or 5xx answers the test did not expect").toEqual([]);
  });

  const app: BrowserApp = {
    get server() {
      if (!server) throw new Error("the demo server is not started: call browserApp() at describe level");
      return server;
    },
    get chromium() {
      if (!chromium) throw new Error("Chromium is not launched: call browserApp() at describe level");
      return chromium;
    },
    async newPage() {
      const page = await app.chromium.context.newPage();
      page.on("pageerror", (error) => {
        if (!error.message.startsWith("[remix:hmr]")) problems.push(`pageerror: ${error.message}`);
      });
      page.on("console", (message) => {
        // A failed resource load is reported again, with its URL and status, by "response" below.
        if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
          problems.push(`console.error: ${message.text()}`);
        }
      });
      page.on("response", (response) => {
        if (response.status() >= 500) problems.push(`${response.status()} ${response.url()}`);
      });
      return page;
    },
    async launch() {
      if (embeddedParams) return embeddedParams;
      const page = await app.newPage();
      await page.goto(`${app.server.url}/`);
      await page.waitForURL(/\/app\?.*embedded=1/);
      embeddedParams = new URL(page.url()).searchParams;
      await shown(page.getByRole("heading", { name: "Orders waiting to ship" }));
      await page.waitForLoadState("networkidle");
      await page.close();
      return embeddedParams;
    },
    inApp(path) {
      if (!embeddedParams) throw new Error("call launch() before inApp()");
      const separator = path.includes("?") ? "&" : "?";
      return `${app.server.url}${path}${separator}${embeddedParams.toString()}`;
    },
    simulator: (command) => simulatorCommand(app.server, command),
    allowPageError(pattern) {
      allowed.push(pattern);
    },
    async screenshot(page, name) {
      // The viewport stretched to the page's height first: sticky and fixed parts (a table's
      // pagination, a toast) then sit where a person scrolled to the bottom sees them, instead of
      // floating mid-page where the viewport ended.
      const viewport = page.viewportSize();
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      const stretch = viewport !== null && height > viewport.height;
      if (stretch) await page.setViewportSize({ width: viewport.width, height });
      try {
        // caret "initial": Playwright otherwise hides the text cursor with an inline style on every
        // input, and a page that hasn't hydrated yet would then warn of a server/client mismatch.
        await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true, caret: "initial" });
      } finally {
        if (stretch) await page.setViewportSize(viewport);
      }
    },
  };
  return app;
}
