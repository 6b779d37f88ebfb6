// The automation settings screen in a real browser against `npm run demo`'s server: the empty
// state, a rule built in the editor, an invalid value refused next to its field, the save as a
// version, pause and resume, the read-only old version, and the activity feed's empty state.
import { beforeAll, describe, expect, it } from "vitest";
import { browserApp } from "../support/browser-app";
import { seriousAccessibilityViolations } from "../support/axe";
import { shown } from "../support/page-checks";

describe("the automation settings screen in a real browser", () => {
  const app = browserApp();

  beforeAll(() => app.launch());

  it("builds a rule, refuses a bad value on its field, saves it as a version and pauses automation", async () => {
    const page = await app.newPage();
    await page.goto(app.inApp("/app/automation"));
    await shown(page.getByRole("heading", { level: 1, name: "Automatic fulfillment requests" }));
    await page.waitForLoadState("networkidle");

    // GIVEN no rules: the screen says automation requests nothing
    await shown(page.getByText("No rules yet: automation requests nothing until you add one."));
    await shown(page.getByText("Local pickup is never automatic."));
    await app.screenshot(page, "automation-empty");

    // WHEN the merchant adds a rule for shipping orders to a mistyped country
    await page.getByRole("button", { name: "Add rule" }).click();
    await page.getByLabel("Rule name").fill("Ship to the US");
    await page.getByRole("button", { name: "Add condition" }).click();
    await page.getByLabel("Shipping", { exact: true }).check();
    await page.getByLabel("Condition", { exact: true }).selectOption("destination");
    await page.getByRole("button", { name: "Add condition" }).click();
    await page.getByLabel("Countries").fill("USA");
    await page.getByRole("button", { name: "Save rules" }).click();

    // THEN the country field says what is wrong, and nothing is saved
    await shown(page.getByText("Some rules have problems. Fix the highlighted fields and save again."));
    const countries = page.getByLabel("Countries");
    await expect.poll(() => countries.getAttribute("aria-invalid")).toBe("true");
    await app.screenshot(page, "automation-field-error");

    // WHEN they fix it and save
    await countries.fill("US");
    await page.getByRole("button", { name: "Save rules" }).click();

    // THEN the rules are version 1, listed in the history as live
    await shown(page.getByRole("link", { name: "Version 1" }));
    await shown(page.getByText("Live", { exact: true }).first());
    await expect.poll(() => page.getByText("You have unsaved changes to the rules.").count()).toBe(0);

    // WHEN automation is turned on and paused
    await page.getByRole("button", { name: "Turn on" }).click();
    await shown(page.getByRole("button", { name: "Pause" }));
    await page.getByRole("button", { name: "Pause" }).click();
    await shown(page.getByText(/Automation is paused/));
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await app.screenshot(page, "automation-saved-paused");

    // AND resumed
    await page.getByRole("button", { name: "Resume" }).click();
    await shown(page.getByRole("button", { name: "Pause" }));

    // WHEN they open version 1, it shows read-only
    await page.getByRole("link", { name: "Version 1" }).click();
    await shown(page.getByRole("heading", { level: 1, name: "Rules, version 1" }));
    await shown(page.getByText("Destination: US"));
    await app.screenshot(page, "automation-version");
  });

  it("shows the activity feed's empty state for a filter and refuses a forged filter with a message", async () => {
    const page = await app.newPage();
    // Turning automation on above decided the demo's waiting FOs; none was partly requested.
    await page.goto(app.inApp("/app/automation/activity?outcome=partial_request"));
    await shown(page.getByRole("heading", { level: 1, name: "Automation activity" }));
    await shown(page.getByText("No decisions match these filters."));
    await app.screenshot(page, "automation-activity-empty");

    app.allowPageError(/400/);
    await page.goto(app.inApp("/app/automation/activity?outcome=explode"));
    await shown(page.getByText("Choose an outcome from the list.").first());
  });
});
