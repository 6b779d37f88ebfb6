// The browser smoke test: `npm run demo`'s server, a real Chromium, the real embedded auth
// (session token → token exchange against the simulator) and the home screen with the
// seeded shop's orders. Nothing may leave localhost.
import type { Page, Request } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SCREENSHOTS, browserApp } from "../support/browser-app";
import { DEMO_FIRST_ORDER_NAME, DEMO_LOCATIONS } from "../../scripts/demo/seed-demo-shop";
import { shown, foreignHosts } from "../support/page-checks";

interface Recorded {
  requests: Request[];
}

function record(page: Page): Recorded {
  const recorded: Recorded = { requests: [] };
  page.on("request", (request) => recorded.requests.push(request));
  return recorded;
}

describe("demo mode in a real browser", () => {
  const app = browserApp();

  it("opens the demo shop's orders through the real embedded auth without leaving localhost", async () => {
    const page = await app.newPage();
    const recorded = record(page);

    // GIVEN the demo's front door, WHEN the browser follows it into the embedded app
    const document = await page.goto(`${app.server.url}/`);
    await page.waitForURL(/\/app\?.*embedded=1/);
    const launched = new URL(page.url());
    // Every HTML response may only be framed by the shop's admin
    // (https://shopify.dev/docs/apps/build/security/set-up-iframe-protection).
    expect(document?.headers()["content-security-policy"]).toMatch(
      /frame-ancestors https:\/\/demo-shop\.myshopify\.com https:\/\/admin\.shopify\.com/,
    );
    expect(launched.searchParams.get("shop")).toBe("demo-shop.myshopify.com");
    expect(launched.searchParams.get("id_token")).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);

    // THEN the home screen, the fulfillment queue, shows the seeded shop's fulfillment orders
    await shown(page.getByRole("heading", { name: "Orders waiting to ship" }));
    await shown(page.getByRole("tab", { name: /^To request/ }));
    await shown(page.getByText(DEMO_LOCATIONS.threePl.name).first());
    await shown(page.getByText("Demo shop — simulated Shopify admin"));
    await page.screenshot({ path: `${SCREENSHOTS}home.png` });

    // WHEN the merchant switches tab, Remix fetches loader data: App Bridge's stand-in adds the token
    await page.getByRole("tab", { name: /^All/ }).click();
    await shown(page.getByText(DEMO_FIRST_ORDER_NAME, { exact: true }));
    await shown(page.getByText(DEMO_LOCATIONS.warehouse.name).first());
    const dataRequests = recorded.requests.filter((r) => new URL(r.url()).searchParams.has("_data"));
    expect(dataRequests.length).toBeGreaterThan(0);
    for (const request of dataRequests) {
      expect(request.headers()["authorization"], request.url()).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    }

    // WHEN the merchant uses the app's nav menu, THEN `shopify:navigate` takes them home
    await page.getByRole("navigation", { name: "App navigation" }).getByRole("link", { name: "Home" }).click();
    await shown(page.getByRole("tab", { name: /^To request/, selected: true }));

    // AND App Bridge's toast renders as a polite live region
    await page.evaluate(() =>
      (window as unknown as { shopify: { toast: { show(m: string): void } } }).shopify.toast.show("Saved"),
    );
    await shown(page.getByRole("status").filter({ hasText: "Saved" }));

    expect(foreignHosts(recorded.requests), "requests to hosts other than localhost").toEqual([]);
    await page.close();
  });

  it("sends a stale session token through the bounce page and back with a fresh one", async () => {
    const page = await app.newPage();
    const recorded = record(page);
    await page.goto(`${app.server.url}/demo/launch`);
    await page.waitForURL(/\/app\?.*embedded=1/);
    const stale = new URL(page.url());
    stale.searchParams.set("id_token", "not.a.token");

    await page.goto(stale.href);

    await shown(page.getByRole("tab", { name: /^To request/ }));
    const visited = recorded.requests.filter((r) => r.isNavigationRequest()).map((r) => new URL(r.url()).pathname);
    expect(visited).toContain("/auth/session-token");
    expect(new URL(page.url()).searchParams.get("id_token")).not.toBe("not.a.token");
    expect(foreignHosts(recorded.requests)).toEqual([]);
    await page.close();
  });
});
