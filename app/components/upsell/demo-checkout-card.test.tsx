import { AppProvider } from "@shopify/polaris";
import translations from "@shopify/polaris/locales/en.json";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { DemoCheckoutAnswer, DemoCheckoutView } from "~/demo/demo-checkout-view";
import { DemoCheckoutOutcome } from "./demo-checkout-card";

const render = (answer: DemoCheckoutAnswer) =>
  renderToStaticMarkup(
    <AppProvider i18n={translations}>
      <DemoCheckoutOutcome answer={answer} />
    </AppProvider>,
  );

const checkout = (overrides: Partial<DemoCheckoutView> = {}): DemoCheckoutView => ({
  orderName: "#1033",
  offer: { productTitle: "Canvas Tote", discountedPrice: "19.20", currencyCode: "USD" },
  noOffer: null,
  answer: "accept",
  addedLine: { title: "Canvas Tote", quantity: 1, price: "19.20" },
  changesetErrors: [],
  holdReleased: true,
  ...overrides,
});

describe("DemoCheckoutOutcome", () => {
  it("an accepted offer: a success banner with the order, the offer and its price, the line added, the hold released", () => {
    const html = render({ ok: true, checkout: checkout() });
    expect(html).toContain("--p-color-bg-fill-success)");
    expect(html).toContain("Simulated checkout: order #1033");
    expect(html).toContain("Offer shown: Canvas Tote at $19.20.");
    expect(html).toContain("The buyer accepted.");
    expect(html).toContain("Added to the order: 1 × Canvas Tote at $19.20.");
    expect(html).toContain("The post-purchase hold is released");
  });

  it("an accepted offer Shopify refused to add: a warning with its errors", () => {
    const html = render({
      ok: true,
      checkout: checkout({ addedLine: null, changesetErrors: ["Not enough inventory"], holdReleased: false }),
    });
    expect(html).toContain("--p-color-bg-fill-warning)");
    expect(html).toContain("Nothing was added to the order: Not enough inventory");
    expect(html).toContain("The post-purchase hold is still on the order.");
  });

  it("no offer: says why, and that the buyer went on", () => {
    const html = render({
      ok: true,
      checkout: checkout({ offer: null, noOffer: "no-enabled-offer", answer: "no-offer", addedLine: null }),
    });
    expect(html).toContain("No offer: there is no enabled offer.");
    expect(html).toContain("The buyer went on to the thank-you page.");
    expect(html).not.toContain("Added to the order");
  });

  it("a checkout that could not run: a critical banner with the message", () => {
    const html = render({ ok: false, error: "The simulated checkout failed: boom" });
    expect(html).toContain("--p-color-bg-fill-critical)");
    expect(html).toContain(`role="alert"`);
    expect(html).toContain("The simulated checkout failed: boom");
  });
});
