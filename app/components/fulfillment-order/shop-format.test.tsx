// What the FO page shows for money, dates and its history, in the shop's currency and time zone.
import { AppProvider } from "@shopify/polaris";
import translations from "@shopify/polaris/locales/en.json";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ShopFormatProvider } from "~/components/shop-format-context";
import type { FulfillmentOrderEventView, OrderSummaryView } from "~/fulfillment/detail/types";
import { OrderSummaryCard } from "./order-summary-card";
import { TimelineCard } from "./timeline-card";

const NEW_YORK = { currencyCode: "USD", timeZone: "America/New_York" };

const render = (element: ReactElement) =>
  renderToStaticMarkup(
    <AppProvider i18n={translations}>
      <ShopFormatProvider format={NEW_YORK}>{element}</ShopFormatProvider>
    </AppProvider>,
  );

const order: OrderSummaryView = {
  shopifyId: "gid://shopify/Order/1",
  name: "#1001",
  placedAt: "2026-11-20T12:00:00.000Z",
  customerName: "Ada Lovelace",
  displayFinancialStatus: "PAID",
  displayFulfillmentStatus: "UNFULFILLED",
  totalAmount: "195.0",
  currencyCode: "USD",
  tags: [],
  riskLevel: null,
  cancelledAt: null,
};

const event = (over: Partial<FulfillmentOrderEventView>): FulfillmentOrderEventView => ({
  id: over.kind ?? "e",
  kind: "status",
  fromValue: null,
  toValue: null,
  source: "webhook",
  actor: null,
  at: "2026-11-20T12:00:00.000Z",
  ...over,
});

describe("the FO page's formatting", () => {
  it("shows the order total in the shop's currency and when it was placed in the shop's time zone", () => {
    const html = render(<OrderSummaryCard order={order} />);
    expect(html).toContain("$195.00");
    expect(html).not.toContain("195.0 USD");
    expect(html).toContain("Nov 20, 2026, 7:00 AM EST");
  });

  it("shows readable history: no raw timestamps, hold reasons as the holds card names them", () => {
    const html = render(
      <TimelineCard
        events={[
          event({ kind: "prepared_for_pickup", toValue: "2026-11-21T15:30:00.000Z" }),
          event({ kind: "holds", fromValue: "", toValue: "ONLINE_STORE_POST_PURCHASE_CROSS_SELL, INCORRECT_ADDRESS" }),
          event({ kind: "status", fromValue: "OPEN", toValue: "IN_PROGRESS" }),
        ]}
      />,
    );
    expect(html).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(html).toContain("Nov 21, 2026, 10:30 AM EST");
    expect(html).toContain("Post-purchase upsell, Incorrect address");
    expect(html).toContain("Open → In progress");
    expect(html).toContain("Nov 20, 2026, 7:00 AM EST");
  });
});
