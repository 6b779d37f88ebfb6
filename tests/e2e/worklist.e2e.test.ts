// The fulfillment worklist (home screen) in a real browser against `npm run demo`'s server: tabs and
// counts from the ledger, a filter, and a bulk request of ten 3PL orders created at the simulated
// store, whose per-row results show on screen and whose requests the simulated 3PL receives.
import type { Page, Request } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SCREENSHOTS, browserApp } from "../support/browser-app";
import { seriousAccessibilityViolations } from "../support/axe";
import { shown, foreignHosts } from "../support/page-checks";

const SKUS = ["MUG-SAND", "TEE-BLK-M", "TOTE-NAT", "KETTLE-01", "BEANS-1KG"];

interface CreatedOrder {
  order: { id: string; name: string };
  fulfillmentOrders: { id: string; requestStatus: string }[];
}

const tab = (page: Page, name: string) => page.getByRole("tab", { name: new RegExp(`^${name}\\b`) });
/** The count badge of a tab, as the merchant reads it. */
const countOf = async (page: Page, name: string) => (await tab(page, name).innerText()).replace(name, "").trim();

describe("the fulfillment worklist in a real browser", () => {
  const app = browserApp();

  const simulator = <T>(command: Record<string, unknown>) => app.simulator<T>(command);

  it("shows tabs with counts, filters, and requests fulfillment for ten selected 3PL orders", async () => {
    const page = await app.newPage();
    const requests: Request[] = [];
    page.on("request", (request) => requests.push(request));

    // GIVEN the merchant in the embedded app, on the worklist
    await page.goto(`${app.server.url}/`);
    await page.waitForURL(/\/app\?.*embedded=1/);
    await shown(page.getByRole("heading", { name: "Orders waiting to ship" }));
    await page.waitForLoadState("networkidle");

    // THEN every tab shows with its count; the demo shop has three unsubmitted 3PL orders
    for (const name of [
      "To request",
      "Awaiting 3PL",
      "Ready to ship",
      "On hold",
      "Local pickup",
      "Returned by 3PL",
      "Done",
      "All",
    ]) {
      await shown(tab(page, name));
    }
    await expect(countOf(page, "To request")).resolves.toBe("3");
    await expect(page.getByRole("row").filter({ hasText: "ShipBob Fulfillment" }).count()).resolves.toBe(3);

    // WHEN they open Ready to ship and search for one customer
    await tab(page, "Ready to ship").click();
    await page.waitForURL(/tab=ready-to-ship/);
    await shown(page.getByRole("row").filter({ hasText: "Brooklyn Warehouse" }).first());
    const readyRows = await page.getByRole("row").filter({ hasText: "Brooklyn Warehouse" }).count();
    await page.getByRole("button", { name: /search and filter/i }).click();
    const search = page.getByPlaceholder("Search by order or customer");
    await shown(search);
    const firstCustomer = (await page.getByRole("row").nth(1).getByRole("cell").nth(2).innerText()).trim();
    await search.fill(firstCustomer);
    await page.waitForURL(/[?&]q=/);
    await page.waitForLoadState("networkidle");
    // THEN only that customer's FOs are listed (the list re-renders once the search has loaded)
    const listed = page.getByRole("row").filter({ hasText: "Brooklyn Warehouse" });
    await expect
      .poll(
        async () => {
          const texts = await listed.allInnerTexts();
          return texts.length > 0 && texts.length <= readyRows && texts.every((text) => text.includes(firstCustomer));
        },
        { timeout: 30_000 },
      )
      .toBe(true);

    // GIVEN ten new orders assigned to the 3PL, placed at the simulated store
    const created: CreatedOrder[] = [];
    for (let i = 0; i < 10; i += 1) {
      created.push(
        await simulator<CreatedOrder>({
          command: "create-order",
          location: "3pl",
          lines: [{ sku: SKUS[i % SKUS.length], quantity: 2 }],
        }),
      );
    }
    const names = created.map((c) => c.order.name);

    // WHEN the merchant opens the app again, the webhooks have brought them into To request
    const rowOf = (name: string) =>
      page.getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });
    for (let attempt = 0; ; attempt += 1) {
      await page.goto(`${app.server.url}/demo/launch`);
      await page.waitForURL(/\/app\?.*embedded=1/);
      await shown(page.getByRole("heading", { name: "Orders waiting to ship" }));
      const present = await Promise.all(names.map((name) => rowOf(name).count()));
      if (present.every((n) => n === 1)) break;
      if (attempt > 20) throw new Error(`Not in To request after ${attempt} loads: ${names.join(", ")}`);
      await page.waitForTimeout(1_000);
    }
    await expect(countOf(page, "To request")).resolves.toBe("13");

    // AND selects the ten and clicks Request fulfillment
    for (const name of names) await rowOf(name).getByRole("checkbox").check({ force: true });
    await shown(page.getByText("10 selected"));
    await page.getByRole("button", { name: "Request fulfillment" }).click();

    // THEN each row's result is on screen, and App Bridge toasts
    await shown(page.getByText("Done for 10 fulfillment orders"), 60_000);
    await expect(page.locator('[data-bulk-result="done"]').count()).resolves.toBe(10);
    for (const name of names) await shown(page.locator('[data-bulk-result="done"]').filter({ hasText: name }));
    await shown(page.getByRole("status").filter({ hasText: "10 fulfillment orders updated" }), 30_000);

    // AND the simulated 3PL has every request
    for (const c of created) {
      const read = await simulator<{ fulfillmentOrders: { requestStatus: string }[] }>({
        command: "read-order",
        orderId: c.order.id,
      });
      expect(read.fulfillmentOrders.map((fo) => fo.requestStatus)).toEqual(["SUBMITTED"]);
    }
    // AND the worklist has moved them out of To request
    await expect.poll(() => countOf(page, "To request"), { timeout: 30_000 }).toBe("3");

    // AND the page has no serious or critical accessibility violations
    const violations = await seriousAccessibilityViolations(page);
    expect(violations).toEqual([]);

    await app.screenshot(page, "worklist");

    expect(foreignHosts(requests), "requests to hosts other than localhost").toEqual([]);
    await page.close();
  });

  it("refuses a too-long search inline without reloading, and keeps applied filters visible and removable after Escape", async () => {
    const page = await app.newPage();
    // Every load of the worklist's data after the first render (Remix's client-side navigations).
    const loads: string[] = [];
    page.on("request", (request) => {
      if (/\/app\?.*_data=routes%2Fapp\._index/.test(request.url())) loads.push(request.url());
    });

    // GIVEN the merchant on the worklist with the search open
    await page.goto(`${app.server.url}/`);
    await page.waitForURL(/\/app\?.*embedded=1/);
    await shown(page.getByRole("heading", { name: "Orders waiting to ship" }));
    await page.waitForLoadState("networkidle");
    await page.getByRole("button", { name: /search and filter/i }).click();
    const search = page.getByPlaceholder("Search by order or customer");
    await shown(search);

    // WHEN they paste a 101-character search
    const before = loads.length;
    await search.fill("x".repeat(101));
    // THEN it is refused next to the search, and the worklist does not reload (it used to, twice a second)
    await shown(page.getByText("Search is limited to 100 characters"));
    await page.waitForTimeout(3_000);
    expect(loads.length - before).toBe(0);
    expect(page.url()).not.toMatch(/[?&]q=/);

    // WHEN they clear it and filter by delivery method, then press Escape
    await search.fill("");
    await page.getByRole("button", { name: "Delivery method" }).click();
    await page.getByLabel("Shipping").click({ force: true });
    await page.waitForURL(/delivery=SHIPPING/);
    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");
    await page.waitForTimeout(500);

    // THEN the applied filter is still on screen
    const pill = page.getByRole("button", { name: "Delivery method: Shipping" });
    await shown(pill);
    await page.screenshot({ path: `${SCREENSHOTS}worklist-filters.png` });

    // AND removing it removes the filter
    await pill.locator("xpath=..").locator("xpath=..").getByRole("button", { name: "Clear" }).click();
    await expect.poll(() => page.url(), { timeout: 30_000 }).not.toMatch(/delivery=/);
    await expect.poll(() => pill.count(), { timeout: 10_000 }).toBe(0);

    await page.close();
  });
});
