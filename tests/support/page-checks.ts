// What every browser test asks of a page: wait until something is shown (and say what the page
// showed instead when it isn't), and list any request that left this machine.
import type { Locator, Request } from "playwright-core";

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Waits for the locator; the first page load makes Vite transform the app and pre-bundle
 * Polaris, so allow for it. On failure, say what the page showed instead (often a loader error).
 */
export async function shown(locator: Locator, timeout = 60_000): Promise<void> {
  try {
    await locator.waitFor({ state: "visible", timeout });
  } catch (error) {
    const body = await locator
      .page()
      .innerText("body")
      .catch(() => "(no body)");
    throw new Error(`${String(error)}\n--- the page showed instead ---\n${body.slice(0, 2_000)}`);
  }
}

/** Requests (http, https, ws, wss) to any host but this machine. */
export const foreignHosts = (requests: Request[]): string[] =>
  requests
    .map((r) => new URL(r.url()))
    .filter((url) => /^(https?|wss?):$/.test(url.protocol) && !LOOPBACK.has(url.hostname))
    .map((url) => url.href);
