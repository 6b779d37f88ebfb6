// Stale-order stock release in a real browser against `npm run demo`'s server: seed stale and
// fresh unpaid orders through the demo's simulator controls, preview, cancel a selection, watch
// the run's progress reach 100% (the demo runs the job runner in-process), and check in the
// simulated Shopify that committed stock went back to available by exactly the selected units.
import { beforeAll, describe, expect, it } from "vitest";
import { browserApp } from "../support/browser-app";
import { seriousAccessibilityViolations } from "../support/axe";
import { shown } from "../support/page-checks";

const SKU = "KETTLE-01";

type Levels = Record<string, { available: number; committed: number }>;

describe("releasing stock from stale orders in a real browser", () => {
  const app = browserApp();

  const simulator = <T>(command: Record<string, unknown>) => app.simulator<T>(command);

  const createOrder = (quantity: number, financialStatus: string, ageDays: number) =>
    simulator<{ order: { id: string; name: string } }>({
      command: "create-order",
      location: "warehouse",
      lines: [{ sku: SKU, quantity }],
      financialStatus,
      ageDays,
    }).then((r) => r.order);

  const inventory = () => simulator<Levels>({ command: "inventory", sku: SKU });

  beforeAll(() => app.launch());

  it("previews, cancels the selected stale orders with restock and shows the run reach 100%", async () => {
    // GIVEN stale pending orders, a fresh pending order and a stale paid one
    const staleA = await createOrder(2, "PENDING", 10);
    const staleB = await createOrder(1, "PENDING", 8);
    const staleUnselected = await createOrder(3, "PENDING", 6);
    const fresh = await createOrder(1, "PENDING", 0);
    const paid = await createOrder(1, "PAID", 12);
    const before = await inventory();

    const page = await app.newPage();
    await page.goto(app.inApp("/app/stale-orders"));
    await shown(page.getByRole("heading", { level: 1, name: "Release stock from stale orders" }));
    await page.waitForLoadState("networkidle");

    // WHEN the merchant ticks "every day", enters an impossible age and previews
    const hours = page.getByLabel("Older than (hours)");
    await page.getByLabel("Run this policy every day").check();
    await hours.fill("0");
    await page.getByRole("button", { name: "Preview" }).click();
    // THEN the age field says what is wrong, in plain words
    await shown(page.getByText("Enter a whole number of hours from 1 to 8,760 (one year)."));

    // WHEN they save with the schedule ticked, a confirmation says the app will cancel every day
    await hours.fill("72");
    await page.getByRole("button", { name: "Save settings…" }).click();
    const saveDialog = page.getByRole("dialog");
    await shown(saveDialog.getByText(/The daily schedule will be on/));
    await shown(saveDialog.getByRole("button", { name: "Save and run every day" }));
    // AND going back saves nothing
    await saveDialog.getByRole("button", { name: "Back" }).click();
    await page.getByLabel("Run this policy every day").uncheck();

    // WHEN the merchant previews with the default policy (older than 72 hours)
    await page.getByRole("button", { name: "Preview" }).click();
    await shown(page.getByRole("heading", { name: "Orders to cancel" }));
    const rowOf = (name: string) => page.getByRole("row").filter({ has: page.getByText(name, { exact: true }) });
    for (const order of [staleA, staleB, staleUnselected]) await shown(rowOf(order.name));
    expect(await rowOf(fresh.name).count()).toBe(0);
    expect(await rowOf(paid.name).count()).toBe(0);

    // AND selects two of them and confirms in the modal
    await rowOf(staleA.name).getByRole("checkbox").check();
    await rowOf(staleB.name).getByRole("checkbox").check();
    await page.getByRole("button", { name: "Cancel 2 orders" }).click();
    const dialog = page.getByRole("dialog");
    await shown(dialog.getByText("2 orders will be cancelled with restock, releasing 3 units."));
    await app.screenshot(page, "stale-orders-confirm");
    await dialog.getByRole("button", { name: "Cancel orders and restock" }).click();

    // THEN the run shows at once, preparing (its job checks the 2 orders against Shopify) or already under way
    await shown(
      page
        .getByText(/^(Preparing: checking 2 selected orders against Shopify…|\d of 2 orders processed \(\d+%\))$/)
        .first(),
    );
    // AND the progress bar reaches 100% and each selected order is cancelled
    await shown(page.getByText("2 of 2 orders processed (100%)"), 60_000);
    await shown(page.getByText("2 cancelled · 0 skipped · 0 failed", { exact: true }));
    await shown(page.getByText("Run finished").first());

    // AND the simulated Shopify moved exactly 3 units from committed back to available
    const after = await inventory();
    const warehouse = Object.keys(before).find((name) => before[name]!.committed >= 6);
    expect(warehouse).toBeDefined();
    expect(after[warehouse!]).toEqual({
      available: before[warehouse!]!.available + 3,
      committed: before[warehouse!]!.committed - 3,
    });
    const unselected = await simulator<{ status: { cancelled: boolean } }>({
      command: "read-order",
      orderId: staleUnselected.id,
    });
    expect(unselected.status.cancelled).toBe(false);

    // AND the screen passes axe with no serious or critical violation
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await app.screenshot(page, "stale-orders");
  });
});
