// The rule simulator in a real browser against `npm run demo`'s server: the demo shop's history
// replayed with its saved rules, the window changed, the counts and the list shown.
import { describe, expect, it } from "vitest";
import { seriousAccessibilityViolations } from "../support/axe";
import { browserApp } from "../support/browser-app";
import { shown } from "../support/page-checks";

describe("the rule simulator in a real browser", () => {
  const app = browserApp();

  it("replays the demo shop's history and shows counts per outcome, per rule and each FO's decision", async () => {
    // GIVEN the merchant in the embedded app
    const page = await app.newPage();
    await app.launch();
    await page.goto(app.inApp("/app/automation/dry-run"));
    await shown(page.getByRole("heading", { name: "Rule simulator", level: 1 }));
    await page.waitForLoadState("networkidle");

    // WHEN they choose the last 90 days and run
    await page.getByLabel("Fulfillment orders opened in the last").selectOption("90");
    await page.getByRole("button", { name: "Run" }).click();

    // THEN the counts and the list show, each FO with its decision and why
    await shown(page.getByRole("heading", { name: "Outcomes" }));
    await shown(page.getByRole("heading", { name: "Per rule" }));
    await shown(page.getByRole("heading", { name: "Fulfillment orders" }));
    await shown(page.getByText(/fulfillment orders? replayed/));
    expect(page.url()).toContain("days=90");
    const orderLinks = page.getByRole("link", { name: /^#\d+$/ });
    expect(await orderLinks.count()).toBeGreaterThan(0);
    await shown(page.getByText("Local pickup is never automatic").first());

    await app.screenshot(page, "automation-dry-run");
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});
