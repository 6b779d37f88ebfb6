// Sync health and Background jobs in a real browser against `npm run demo`'s server: the demo
// runs the job runner in-process, so "Run sync now" really enqueues a reconcile job that sweeps
// the simulated shop, and the page polls until the finished run appears.
import type { Page, Request } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserApp } from "../support/browser-app";
import { seriousAccessibilityViolations } from "../support/axe";
import { shown, foreignHosts } from "../support/page-checks";

/** The columns of the runs table, in order (en.reconciliation.columns). */
const UNACCOUNTED_COLUMN = 6;

const appNav = (page: Page) => page.getByRole("navigation", { name: "App navigation" });

describe("the sync health and background jobs screens in a real browser", () => {
  const app = browserApp();

  it("runs a sync from the page, toasts, and shows the finished run with nothing unaccounted", async () => {
    const page = await app.newPage();
    const requests: Request[] = [];
    page.on("request", (request) => requests.push(request));
    // (The fixture fails the test on console errors: React reports hydration mismatches there.)
    // What each loader fetch of Sync health answered: shows the page polled while the sync was active.
    const reconcileLoads: { activeReconciles: unknown[] }[] = [];
    page.on("response", (response) => {
      const url = new URL(response.url());
      if (url.pathname !== "/app/reconciliation" || url.searchParams.get("_data") !== "routes/app.reconciliation")
        return;
      if (response.request().method() !== "GET" || !response.ok()) return;
      response
        .json()
        .then((body: { activeReconciles: unknown[] }) => reconcileLoads.push(body))
        .catch(() => undefined);
    });

    // GIVEN the merchant in the embedded app (the demo's first launch installs the shop)
    await page.goto(`${app.server.url}/`);
    await page.waitForURL(/\/app\?.*embedded=1/);
    await shown(page.getByRole("heading", { name: "Orders waiting to ship" }));
    // The first load makes Vite transform and pre-bundle; a late reload would detach the nav links.
    await page.waitForLoadState("networkidle");

    // WHEN they open Sync health from the app's nav menu
    await appNav(page).getByRole("link", { name: "Sync health" }).click();
    await shown(page.getByRole("heading", { name: "Sync health", level: 1 }));
    await shown(page.getByText("Webhook inbox, last 24 hours"));

    // AND click Run sync now
    await page.getByRole("button", { name: "Run sync now" }).first().click();

    // THEN App Bridge toasts that it was queued
    await shown(page.getByRole("status").filter({ hasText: "Sync queued" }), 30_000);

    // AND once the in-process runner has swept the shop, the page (polling) shows a finished
    // manual run whose unaccounted count is 0, and the watermark
    const manualRun = page.getByRole("row").filter({ hasText: "Manual" }).filter({ hasText: "Succeeded" });
    await shown(manualRun.first(), 90_000);
    await expect(manualRun.first().getByRole("cell").nth(UNACCOUNTED_COLUMN).innerText()).resolves.toBe("0");
    await shown(page.getByText(/^Shopify changes checked up to /));
    await expect(page.getByText("Some changes in Shopify could not be accounted for").count()).resolves.toBe(0);
    // The "queued/running" banner goes once the job itself has finished (the next poll after the run).
    await page.getByText("This page updates by itself when it finishes.").waitFor({ state: "hidden", timeout: 30_000 });

    // Remix reloaded the page's data after the action (the demo's sweep takes milliseconds, so
    // the queued/running state is usually over before that first reload), and it ended idle.
    expect(reconcileLoads.length).toBeGreaterThan(0);
    expect(reconcileLoads.at(-1)?.activeReconciles).toEqual([]);

    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await app.screenshot(page, "sync");

    // Every data request and the action went through App Bridge's fetch with a session token.
    const appDataRequests = requests.filter(
      (r) => new URL(r.url()).pathname === "/app/reconciliation" && r.resourceType() === "fetch",
    );
    expect(appDataRequests.some((r) => r.method() === "POST")).toBe(true);
    for (const request of appDataRequests) {
      expect(request.headers()["authorization"], request.url()).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    }

    // WHEN they open Background jobs
    await appNav(page).getByRole("link", { name: "Background jobs" }).click();

    // THEN they see the counts per status and that nothing is dead
    await shown(page.getByRole("heading", { name: "Background jobs", level: 1 }));
    await shown(page.getByText("Jobs by status"));
    await shown(page.getByText("All background work is healthy"));
    await shown(page.getByText("No webhook delivery has failed."));
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await app.screenshot(page, "jobs");

    expect(foreignHosts(requests), "requests to hosts other than localhost").toEqual([]);
    await page.close();
  });
});
