import { AppProvider } from "@shopify/polaris";
import translations from "@shopify/polaris/locales/en.json";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { WORKLIST_TABS } from "~/fulfillment/worklist/tabs";
import { en } from "~/i18n/en";
import { detailPath, formatAge } from "./format";
import { bulkActionsFor, WorklistTable, type WorklistTableProps, StatusCell } from "./worklist-table";

const render = (element: ReactElement) =>
  renderToStaticMarkup(<AppProvider i18n={translations}>{element}</AppProvider>);

const noop = () => undefined;
const empty = (overrides: Partial<WorklistTableProps> = {}): WorklistTableProps => ({
  tab: "to-request",
  rows: [],
  now: "2026-11-22T12:00:00.000Z",
  filtered: false,
  loading: false,
  hasNext: false,
  hasPrevious: false,
  onNext: noop,
  onPrevious: noop,
  onClearFilters: noop,
  onBulkAction: noop,
  busy: false,
  ...overrides,
});

describe("WorklistTable", () => {
  it.each(WORKLIST_TABS)("says what to do next when %s is empty", (tab) => {
    const html = render(<WorklistTable {...empty({ tab })} />);
    expect(html).toContain(en.worklist.empty[tab].heading);
  });

  it("offers to clear the filters when nothing matches them", () => {
    const html = render(<WorklistTable {...empty({ filtered: true })} />);
    expect(html).toContain("No fulfillment orders match these filters");
    expect(html).toContain("Clear filters");
  });

  it.each([
    ["to-request", ["bulk-request-fulfillment", "bulk-hold"]],
    ["on-hold", ["bulk-release-holds"]],
    ["awaiting-3pl", []],
    ["done", []],
  ] as const)("offers in %s only the bulk actions that can apply", (tab, intents) => {
    expect(bulkActionsFor(tab)).toEqual(intents);
  });
});

describe("worklist formatting", () => {
  it.each([
    ["2026-11-22T11:30:00.000Z", "< 1 h"],
    ["2026-11-22T07:00:00.000Z", "5 h"],
    ["2026-11-19T11:00:00.000Z", "3 d"],
  ])("shows an FO opened at %s as %s old", (openedAt, age) => {
    expect(formatAge(openedAt, "2026-11-22T12:00:00.000Z")).toBe(age);
  });

  it("links to the FO's detail page with its GID encoded", () => {
    expect(detailPath("gid://shopify/FulfillmentOrder/42")).toBe(
      "/app/fulfillment-orders/gid%3A%2F%2Fshopify%2FFulfillmentOrder%2F42",
    );
  });

  it("shows the 3PL's rejection reason and message, and hold reasons with the labels the hold form uses", () => {
    const row = {
      id: "gid://shopify/FulfillmentOrder/1",
      orderName: "#1001",
      customerName: null,
      financialStatus: "PAID",
      tags: [],
      status: "OPEN",
      requestStatus: "REJECTED",
      deliveryMethod: "SHIPPING",
      locationName: "ShipBob",
      holdReasons: ["ONLINE_STORE_POST_PURCHASE_CROSS_SELL"],
      heldByUs: false,
      remainingQuantity: 1,
      rejection: { reason: "INVENTORY_OUT_OF_STOCK", message: "No mugs until March." },
      openedAt: "2026-11-20T12:00:00.000Z",
      shopifyUpdatedAt: "2026-11-20T12:00:00.000Z",
    };
    const html = render(<StatusCell row={row} />);
    expect(html).toContain("Inventory out of stock: No mugs until March.");
    expect(html).toContain(`On hold: ${en.actions.hold.reasons.ONLINE_STORE_POST_PURCHASE_CROSS_SELL}`);
  });
});
