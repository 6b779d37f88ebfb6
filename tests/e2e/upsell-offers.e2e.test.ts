// The post-purchase offers screens in a real browser against `npm run demo`'s server: an offer
// created with the demo's product picker, listed, then its statistics once it was shown and
// accepted. The presentations are written to the demo's database directly for now (the simulated
// checkout will make them).
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { seriousAccessibilityViolations } from "../support/axe";
import { browserApp } from "../support/browser-app";
import { shown } from "../support/page-checks";

describe("the post-purchase offers screens in a real browser", () => {
  const app = browserApp();

  /** A shown and an accepted presentation of the offer, as the offer and decision endpoints record them. */
  function seedPresentations(offerName: string) {
    const db = new Database(app.server.databaseFile);
    try {
      db.pragma("busy_timeout = 5000");
      const offer = db
        .prepare(`SELECT "id", "shop", "variantId", "createdAt" FROM "UpsellOffer" WHERE "name" = ?`)
        .get(offerName) as { id: string; shop: string; variantId: string; createdAt: string | number };
      const insert = db.prepare(
        `INSERT INTO "UpsellPresentation" ("id", "shop", "offerId", "referenceId", "variantId", "quantity",
           "originalPrice", "discountedPrice", "currencyCode", "shownAt", "decision")
         VALUES (?, ?, ?, ?, ?, 1, '24.00', '19.20', 'USD', ?, ?)`,
      );
      // The same stored format as the app's own dates.
      insert.run("e2e-shown", offer.shop, offer.id, "e2e-checkout-1", offer.variantId, offer.createdAt, null);
      insert.run("e2e-accepted", offer.shop, offer.id, "e2e-checkout-2", offer.variantId, offer.createdAt, "accepted");
    } finally {
      db.close();
    }
  }

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

    // WHEN it was shown twice and accepted once
    seedPresentations("Tote with every order");
    await page.goto(app.inApp("/app/upsell"));
    await shown(page.getByRole("heading", { name: "All offers" }));

    // THEN the row and the totals count it: 2 shown, 1 accepted, 50%, $19.20 added
    const counted = page.getByRole("row", { name: /Tote with every order/ });
    await shown(counted.getByText("50%"));
    await shown(counted.getByText("$19.20"));
    expect(await counted.getByRole("cell").allInnerTexts()).toEqual(
      expect.arrayContaining(["2", "1", "0", "50%", "$19.20"]),
    );
    await shown(page.getByText("1 not requested yet", { exact: false }));
    await app.screenshot(page, "upsell-offers-statistics");
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});
