import { AppProvider } from "@shopify/polaris";
import translations from "@shopify/polaris/locales/en.json";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DeadJobsTable } from "./dead-jobs-table";

const render = (element: ReactElement) =>
  renderToStaticMarkup(<AppProvider i18n={translations}>{element}</AppProvider>);

describe("DeadJobsTable", () => {
  it("says all background work is healthy when nothing is dead", () => {
    const html = render(<DeadJobsTable jobs={[]} onRetry={() => undefined} retryingId={null} />);

    expect(html).toContain("All background work is healthy");
  });

  it("lists a dead job in the merchant's words with its attempts, last error and a Retry button", () => {
    const html = render(
      <DeadJobsTable
        jobs={[
          {
            id: "job-1",
            type: "reconcile.shop",
            attempts: 5,
            maxAttempts: 5,
            lastError: "Shopify answered 502",
            at: "2026-11-22T12:00:00.000Z",
          },
        ]}
        onRetry={() => undefined}
        retryingId={null}
      />,
    );

    expect(html).toContain("Sync with Shopify");
    expect(html).toContain("5 of 5");
    expect(html).toContain("Shopify answered 502");
    expect(html).toContain("Nov 22, 2026");
    expect(html).toContain(">Retry<");
  });
});
