// The rejection inbox in a real browser against `npm run demo`'s server: the merchant requests
// two 3PL orders, the 3PL (the demo's simulator control) rejects both for the same line, the inbox
// shows them in one group with the line it named, and the merchant resubmits one from its row and
// the other by selecting it: each leaves the inbox and the simulated 3PL has the request again.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { seriousAccessibilityViolations } from "../support/axe";
import { browserApp } from "../support/browser-app";
import { shown } from "../support/page-checks";

interface SimFo {
  id: string;
  requestStatus: string;
  lineItems: { id: string }[];
}
interface Created {
  order: { id: string; name: string };
  fulfillmentOrders: SimFo[];
}

describe("the rejection inbox in a real browser", () => {
  const app = browserApp();
  const simulator = <T>(command: Record<string, unknown>) => app.simulator<T>(command);
  const requestStatusOf = async (orderId: string) =>
    (await simulator<{ fulfillmentOrders: SimFo[] }>({ command: "read-order", orderId })).fulfillmentOrders.map(
      (fo) => fo.requestStatus,
    );

  beforeAll(() => app.launch());

  /** Opens the FO's page (reloading until its webhooks reached the ledger) and sends the whole request. */
  async function requestFromDetailPage(page: Page, created: Created) {
    const fo = created.fulfillmentOrders[0]!;
    await page.goto(app.inApp(`/app/fulfillment-orders/${encodeURIComponent(fo.id)}`));
    const heading = page.getByRole("heading", { level: 1, name: new RegExp(`^${created.order.name} · `) });
    await expect
      .poll(
        async () => {
          if (await heading.isVisible()) return true;
          await page.waitForTimeout(500);
          await page.reload();
          return false;
        },
        { timeout: 60_000 },
      )
      .toBe(true);
    await page.waitForLoadState("networkidle");
    // The demo shop hasn't turned automation on: the FO page says so near the top.
    await shown(page.getByRole("region", { name: "Automation" }).getByText("Automation is off"));
    await app.screenshot(page, "rejection-inbox-fo-page");
    await page
      .getByRole("region", { name: "Request fulfillment" })
      .getByRole("button", { name: "Send request" })
      .click();
    await expect.poll(() => requestStatusOf(created.order.id), { timeout: 30_000 }).toEqual(["SUBMITTED"]);
  }

  it("groups what the 3PL rejected, and resubmits one from its row and one by selection", async () => {
    const page = await app.newPage();
    // GIVEN two 3PL orders the merchant requested
    const created: Created[] = [];
    for (const sku of ["MUG-SAND", "MUG-SAND"]) {
      created.push(
        await simulator<Created>({ command: "create-order", location: "3pl", lines: [{ sku, quantity: 1 }] }),
      );
    }
    for (const c of created) await requestFromDetailPage(page, c);

    // WHEN the 3PL rejects both: out of stock, naming the mug line
    for (const c of created) {
      const fo = c.fulfillmentOrders[0]!;
      await simulator({
        command: "reject-request",
        fulfillmentOrderId: fo.id,
        reason: "INVENTORY_OUT_OF_STOCK",
        message: `Nothing on the shelf for ${c.order.name}`,
        lineItems: [{ fulfillmentOrderLineItemId: fo.lineItems[0]!.id, message: "Sand mugs back in March" }],
      });
    }

    // THEN the inbox shows both in one group, with the line the 3PL named and its message
    const [first, second] = created.map((c) => c.order.name) as [string, string];
    const rowOf = (name: string) =>
      page.getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });
    await page.goto(app.inApp("/app/rejections"));
    await shown(page.getByRole("heading", { level: 1, name: "Returned by 3PL" }));
    await expect
      .poll(
        async () => {
          const present = (await rowOf(first).count()) + (await rowOf(second).count());
          if (present < 2) {
            await page.waitForTimeout(500);
            await page.reload();
            await page.waitForLoadState("networkidle");
          }
          return present;
        },
        { timeout: 60_000 },
      )
      .toBe(2);
    const group = page.getByRole("region", { name: "Inventory out of stock" });
    await shown(group.getByText("MUG-SAND: Sand mugs back in March"));
    await shown(group.getByText(`Nothing on the shelf for ${first}`));
    expect(await group.getByRole("link", { name: first, exact: true }).count()).toBe(1);
    expect(await group.getByRole("link", { name: second, exact: true }).count()).toBe(1);
    await shown(group.getByRole("link", { name: "Edit in Shopify" }).first());
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await app.screenshot(page, "rejection-inbox");

    // WHEN the merchant resubmits the first from its row
    await rowOf(first)
      .getByRole("button", { name: `Resubmit ${first}` })
      .click();
    // THEN the result shows, the simulated 3PL has the request again, and the row leaves the inbox
    await shown(page.locator('[data-bulk-result="done"]').filter({ hasText: first }), 30_000);
    await expect.poll(() => requestStatusOf(created[0]!.order.id), { timeout: 30_000 }).toEqual(["SUBMITTED"]);
    await expect.poll(() => rowOf(first).count(), { timeout: 30_000 }).toBe(0);

    // WHEN they select the second and use the bulk action
    await rowOf(second).getByRole("checkbox").check({ force: true });
    await shown(page.getByText("1 selected"));
    await page.getByRole("button", { name: "Resubmit 1" }).click();
    await shown(page.locator('[data-bulk-result="done"]').filter({ hasText: second }), 30_000);
    await expect.poll(() => requestStatusOf(created[1]!.order.id), { timeout: 30_000 }).toEqual(["SUBMITTED"]);
    await expect.poll(() => rowOf(second).count(), { timeout: 30_000 }).toBe(0);
    await app.screenshot(page, "rejection-inbox-resubmitted");
    await page.close();
  });
});
