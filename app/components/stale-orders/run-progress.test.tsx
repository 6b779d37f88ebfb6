import { AppProvider } from "@shopify/polaris";
import translations from "@shopify/polaris/locales/en.json";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { en } from "~/i18n/en";
import type { RunItemView, RunView } from "~/stale-orders/views";
import { RunProgress } from "./run-progress";

const render = (element: ReactElement) =>
  renderToStaticMarkup(<AppProvider i18n={translations}>{element}</AppProvider>);

const run = (overrides: Partial<RunView> = {}): RunView => ({
  id: "run-1",
  trigger: "manual",
  actor: "staff:7",
  status: "running",
  createdAt: "2026-11-22T12:00:00.000Z",
  finishedAt: null,
  total: 2,
  cancelled: 1,
  skipped: 0,
  failed: 0,
  selected: 3,
  alreadyHandled: 0,
  noLongerEligible: 0,
  failureReason: null,
  previewedUnits: [],
  ...overrides,
});

const item = (overrides: Partial<RunItemView> = {}): RunItemView => ({
  orderId: "gid://shopify/Order/1",
  orderName: "#1001",
  status: "cancelled",
  outcome: null,
  lines: [],
  ...overrides,
});

const noop = () => undefined;

describe("RunProgress", () => {
  it("shows a preparing run as checking the selected orders, with a spinner and no progress bar", () => {
    const html = render(
      <RunProgress run={run({ status: "preparing", total: 0, cancelled: 0 })} items={[]} onDownload={noop} />,
    );
    expect(html).toContain("Preparing: checking 3 selected orders against Shopify…");
    expect(html).toContain("Polaris-Spinner");
    expect(html).not.toContain("Polaris-ProgressBar");
    expect(html).not.toContain("Download report (CSV)");
  });

  it("says the schedule's run checks every eligible order", () => {
    const html = render(
      <RunProgress run={run({ status: "preparing", selected: 0, actor: null })} items={[]} onDownload={noop} />,
    );
    expect(html).toContain("Preparing: checking every eligible order against Shopify…");
  });

  it("shows progress and what the preparation left out once the items exist", () => {
    const html = render(
      <RunProgress run={run({ alreadyHandled: 1, noLongerEligible: 0 })} items={[item()]} onDownload={noop} />,
    );
    expect(html).toContain("1 of 2 orders processed (50%)");
    expect(html).toContain("1 order was already cancelled or in another run");
  });

  it("shows a failed run with its reason in a critical banner", () => {
    const html = render(
      <RunProgress
        run={run({ status: "failed", total: 0, cancelled: 0, failureReason: "not-installed" })}
        items={[]}
        onDownload={noop}
      />,
    );
    expect(html).toContain("This run could not be prepared");
    expect(html).toContain("The app is no longer installed on this shop.");
    expect(html).toMatch(/Badge--toneCritical/);
  });

  it("says why an order Shopify accepted but did not cancel is failed", () => {
    const html = render(
      <RunProgress
        run={run({ status: "finished", cancelled: 1, failed: 1 })}
        items={[
          item(),
          item({ orderId: "gid://shopify/Order/2", orderName: "#1002", status: "failed", outcome: "job-failed" }),
        ]}
        onDownload={noop}
      />,
    );
    expect(html).toContain("1 cancelled · 0 skipped · 1 failed");
    expect(html).toContain(en.staleOrders.notCancelled["job-failed"]);
  });
});
