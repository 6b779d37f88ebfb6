// The post-purchase offers screens in a real browser against `npm run demo`'s server: an offer
// created with the demo's product picker, listed, then its statistics once the demo's "simulate a
// checkout" control played a buyer accepting it, and another declining it, through the app's own
// post-purchase endpoints.
import { describe, expect, it } from "vitest";
import { seriousAccessibilityViolations } from "../support/axe";
import { browserApp } from "../support/browser-app";
import { shown } from "../support/page-checks";

describe("the post-purchase offers screens in a real browser", () => {
  const app = browserApp();

  it("creates an offer with the demo picker, lists it, and shows its statistics", async () => {
    // GIVEN the merchant on the offers screen, with no offer yet
    const page = await app.newPage();
    await app.launch();
    await page.goto(app.inApp("/app/upsell"));
    await shown(page.getByRole("heading", { name: "Post-purchase offers", level: 1 }));
    await shown(page.getByText("No post-purchase offers yet"));
    await page.waitForLoadState("networkidle");
    await app.screenshot(page, "upsell-offers-empty");

    // WHEN they create one, picking the tote from the demo catalogue
    await page.getByRole("button", { name: "Create offer" }).click();
    await shown(page.getByRole("heading", { name: "New post-purchase offer", level: 1 }));
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Name").fill("Tote with every order");
    await page.getByRole("button", { name: "Choose product" }).click();
    await shown(page.getByRole("dialog", { name: "Choose a product" }));
    await page.getByLabel("Search products").fill("tote");
    await page.getByRole("button", { name: "Select Canvas Tote — Canvas Tote" }).click();
    await shown(page.getByText("Canvas Tote", { exact: true }));
    await page.getByLabel("Discount (% off)").fill("20");
    await app.screenshot(page, "upsell-offer-form");
    await page.getByRole("button", { name: "Save" }).click();

    // THEN it is listed, on, never shown yet
    await shown(page.getByRole("button", { name: "Tote with every order", exact: true }));
    await shown(page.getByRole("button", { name: "Offer Tote with every order on", pressed: true }));
    const row = page.getByRole("row", { name: /Tote with every order/ });
    await shown(row.getByText("20% off"));
    await shown(row.getByText("—"));

    // WHEN a simulated buyer checks out and accepts it
    await page.getByRole("button", { name: "Simulate a checkout: buyer accepts" }).click();

    // THEN the banner tells what happened: the order, the offer at its price, the line added, the hold released
    const accepted = page.getByRole("status").filter({ hasText: /Simulated checkout: order #\d+/ });
    await shown(accepted);
    await shown(accepted.getByText("Offer shown: Canvas Tote at $19.20."));
    await shown(accepted.getByText("The buyer accepted."));
    await shown(accepted.getByText("Added to the order: 1 × Canvas Tote at $19.20."));
    await shown(accepted.getByText(/The post-purchase hold is released/));

    // AND the row and the totals count it: 1 shown, 1 accepted, 100%, $19.20 added, and the joint metric
    const counted = page.getByRole("row", { name: /Tote with every order/ });
    await shown(counted.getByText("100%"));
    expect(await counted.getByRole("cell").allInnerTexts()).toEqual(
      expect.arrayContaining(["1", "1", "0", "100%", "$19.20"]),
    );
    const total = (label: string) => page.getByRole("heading", { name: label, exact: true }).locator("xpath=..");
    await shown(total("Offers shown").getByText("1", { exact: true }));
    await shown(total("Revenue added").getByText("$19.20", { exact: true }));
    await shown(
      page.getByText(
        /1 together, 0 in a separate request, 0 not requested yet|0 together, 0 in a separate request, 1 not requested yet/,
      ),
    );
    await app.screenshot(page, "upsell-offers-accepted");

    // WHEN another buyer declines it
    await page.getByRole("button", { name: "Simulate a checkout: buyer declines" }).click();

    // THEN 2 shown, 1 declined, 50%, the revenue unchanged
    await shown(page.getByText("The buyer declined."));
    await shown(counted.getByText("50%"));
    expect(await counted.getByRole("cell").allInnerTexts()).toEqual(
      expect.arrayContaining(["2", "1", "1", "50%", "$19.20"]),
    );
    await shown(total("Offers shown").getByText("2", { exact: true }));
    await shown(total("Conversion").getByText("50%", { exact: true }));
    await app.screenshot(page, "upsell-offers-statistics");
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});
