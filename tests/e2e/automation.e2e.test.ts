// Automation end to end in a real browser against `npm run demo`'s server: the merchant creates a
// rule and turns automation on, the simulated store places an order at the 3PL, the app requests
// it without anyone clicking, and the decision shows on the FO's page, its timeline and the feed.
import { beforeAll, describe, expect, it } from "vitest";
import { seriousAccessibilityViolations } from "../support/axe";
import { browserApp } from "../support/browser-app";
import { shown } from "../support/page-checks";

interface SimFo {
  id: string;
  requestStatus: string;
}
interface Created {
  order: { id: string; name: string };
  fulfillmentOrders: SimFo[];
}

describe("automatic fulfillment requests in a real browser", () => {
  const app = browserApp();
  const simulator = <T>(command: Record<string, unknown>) => app.simulator<T>(command);

  beforeAll(() => app.launch());

  it("a rule the merchant creates requests a new 3PL order by itself, and says so", async () => {
    const page = await app.newPage();
    // GIVEN the merchant creates a rule for paid orders that ship, and turns automation on
    await page.goto(app.inApp("/app/automation"));
    await shown(page.getByRole("heading", { level: 1, name: "Automatic fulfillment requests" }));
    await page.waitForLoadState("networkidle");
    await page.getByRole("button", { name: "Add rule" }).click();
    await page.getByLabel("Rule name").fill("Ship paid orders");
    await page.getByRole("button", { name: "Add condition" }).click();
    await page.getByLabel("Shipping", { exact: true }).check();
    await page.getByRole("button", { name: "Save rules" }).click();
    await shown(page.getByRole("link", { name: "Version 1" }));
    await page.getByRole("button", { name: "Turn on" }).click();
    await shown(page.getByRole("button", { name: "Pause" }));
    await app.screenshot(page, "automation-rule-on");

    // WHEN a buyer orders from the store and Shopify routes the order to the 3PL
    const created = await simulator<Created>({
      command: "create-order",
      location: "3pl",
      lines: [{ sku: "MUG-SAND", quantity: 2 }],
      financialStatus: "PAID",
      tags: [],
      ageDays: 0,
    });

    // THEN the app requests it from the 3PL without anyone clicking
    const requestStatus = async () =>
      (
        await simulator<{ fulfillmentOrders: SimFo[] }>({ command: "read-order", orderId: created.order.id })
      ).fulfillmentOrders.map((fo) => fo.requestStatus);
    await expect.poll(requestStatus, { timeout: 60_000, interval: 500 }).toEqual(["SUBMITTED"]);

    // AND the FO's page says why, and its timeline has the decision
    const fo = created.fulfillmentOrders[0]!;
    await page.goto(app.inApp(`/app/fulfillment-orders/${encodeURIComponent(fo.id)}`));
    const automation = page.getByRole("region", { name: "Automation" });
    await shown(automation.getByText(/Ship paid orders/).first());
    await shown(page.getByText(/Submitted|Requested/).first());
    await page.waitForLoadState("networkidle");
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await app.screenshot(page, "automation-fo-page");

    // AND the activity feed lists it under the rule
    await page.goto(app.inApp("/app/automation/activity"));
    await shown(page.getByRole("heading", { level: 1, name: "Automation activity" }));
    // The server's HTML shows before Vite has served the route's modules. A screenshot then hides the
    // caret with an inline style on every input, and hydration reports it as a server/client mismatch.
    await page.waitForLoadState("networkidle");
    const row = page.getByRole("row").filter({ hasText: created.order.name });
    await shown(row.first());
    await shown(row.first().getByText("Ship paid orders (v1)"));
    await app.screenshot(page, "automation-activity");
  });
});
