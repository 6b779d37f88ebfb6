import { AppProvider } from "@shopify/polaris";
import translations from "@shopify/polaris/locales/en.json";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ReconcileRunView } from "~/health/types";
import { ReconcileRunsTable } from "./reconcile-runs-table";
import { UnaccountedBanner } from "./reconciliation-banners";

const render = (element: ReactElement) =>
  renderToStaticMarkup(<AppProvider i18n={translations}>{element}</AppProvider>);

const run = (overrides: Partial<ReconcileRunView> = {}): ReconcileRunView => ({
  id: "run-1",
  trigger: "manual",
  status: "succeeded",
  startedAt: "2026-11-22T12:00:00.000Z",
  finishedAt: "2026-11-22T12:00:02.500Z",
  durationMs: 2_500,
  objectsSeen: 24,
  alreadyCorrect: 20,
  repaired: 4,
  deferred: 0,
  unaccounted: 0,
  apiCalls: 6,
  throttledRetries: 0,
  error: null,
  ...overrides,
});

const noop = () => undefined;

describe("ReconcileRunsTable", () => {
  it("shows each run's report with no critical badge when everything is accounted for", () => {
    const html = render(<ReconcileRunsTable runs={[run()]} onReconcileNow={noop} reconciling={false} />);

    expect(html).toContain("Manual");
    expect(html).toContain("2.5 s");
    expect(html).toContain("Succeeded");
    expect(html).not.toMatch(/Badge--toneCritical/);
  });

  it("marks a run with unaccounted changes with a critical badge", () => {
    const html = render(
      <ReconcileRunsTable runs={[run({ unaccounted: 3 })]} onReconcileNow={noop} reconciling={false} />,
    );

    // The badge's visible text is the count; Polaris adds "Critical" for screen readers.
    expect(html).toMatch(/Badge--toneCritical"><span[^>]*>Critical<\/span><span[^>]*>3<\/span>/);
  });

  it("says what to do when there has been no sync yet", () => {
    const html = render(<ReconcileRunsTable runs={[]} onReconcileNow={noop} reconciling={false} />);

    expect(html).toContain("No syncs yet");
    expect(html).toContain("Run sync now");
  });

  it("shows a failed run's error", () => {
    const html = render(
      <ReconcileRunsTable
        runs={[run({ status: "failed", error: "Shopify answered 502" })]}
        onReconcileNow={noop}
        reconciling={false}
      />,
    );

    expect(html).toContain("Failed");
    expect(html).toContain("Shopify answered 502");
  });
});

describe("UnaccountedBanner", () => {
  it("is a critical banner when a run did not add up, and absent otherwise", () => {
    expect(render(<UnaccountedBanner runsWithUnaccounted={1} />)).toContain("could not be accounted for");
    expect(render(<UnaccountedBanner runsWithUnaccounted={0} />)).not.toContain("could not be accounted for");
  });
});
