// What the FO page shows of automation: the one line near the top and the decisions in the
// history, interleaved with the FO's events.
import { AppProvider } from "@shopify/polaris";
import translations from "@shopify/polaris/locales/en.json";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { AutomationDecisionView, AutomationView } from "~/automation/decision-view";
import { ShopFormatProvider } from "~/components/shop-format-context";
import type { FulfillmentOrderEventView } from "~/fulfillment/detail/types";
import { AutomationCard } from "./automation-card";
import { TimelineCard } from "./timeline-card";

const render = (element: ReactElement) =>
  renderToStaticMarkup(
    <AppProvider i18n={translations}>
      <ShopFormatProvider format={{ currencyCode: "USD", timeZone: "UTC" }}>{element}</ShopFormatProvider>
    </AppProvider>,
  );

const NOW = new Date("2026-12-01T12:00:00.000Z");

const decision = (over: Partial<AutomationDecisionView>): AutomationDecisionView => ({
  id: "d1",
  outcome: "wait",
  status: "decided",
  reason: "Waiting: post-purchase offer open (hold placed 4 min ago)",
  ruleName: null,
  ruleVersion: null,
  at: "2026-12-01T11:56:00.000Z",
  refusal: null,
  ...over,
});

const view = (over: Partial<AutomationView>): AutomationView => ({ state: "on", latest: null, decisions: [], ...over });

/** The page's text, tags dropped. */
const textOf = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("the FO page's automation line", () => {
  it("says why automation waits, by which rule, and since when", () => {
    const text = textOf(render(<AutomationCard automation={view({ latest: decision({}) })} now={NOW} />));
    expect(text).toContain("Automation: Waiting: post-purchase offer open (hold placed 4 min ago)");
    expect(text).toContain("Built-in defaults · Wait · Decided · decided 4 min ago");
  });

  it("shows Shopify's answer when it refused", () => {
    const latest = decision({
      outcome: "request",
      status: "refused",
      ruleName: "Ship all",
      ruleVersion: 2,
      refusal: "Cannot request.",
    });
    const text = textOf(render(<AutomationCard automation={view({ latest })} now={NOW} />));
    expect(text).toContain("Ship all v2 · Request · Refused by Shopify");
    expect(text).toContain("Shopify: Cannot request.");
  });

  it("says automation is off or paused, and shows nothing while it is on with no decision yet", () => {
    expect(textOf(render(<AutomationCard automation={view({ state: "off" })} now={NOW} />))).toContain(
      "Automation is off",
    );
    expect(textOf(render(<AutomationCard automation={view({ state: "paused" })} now={NOW} />))).toContain(
      "Automation is paused",
    );
    expect(textOf(render(<AutomationCard automation={view({})} now={NOW} />)).trim()).toBe("");
  });
});

describe("the FO's history with automation", () => {
  const event = (id: string, at: string): FulfillmentOrderEventView => ({
    id,
    kind: "request_status",
    fromValue: "UNSUBMITTED",
    toValue: "SUBMITTED",
    source: "automation",
    actor: null,
    at,
  });

  it("interleaves decisions with events, newest first, each decision with its rule, outcome and reason", () => {
    const html = render(
      <TimelineCard
        events={[event("e2", "2026-12-01T11:59:00.000Z"), event("e1", "2026-12-01T11:00:00.000Z")]}
        decisions={[
          decision({
            id: "d2",
            outcome: "request",
            status: "succeeded",
            ruleName: "Ship all",
            ruleVersion: 3,
            reason: "Rule matched",
            at: "2026-12-01T11:58:00.000Z",
          }),
          decision({ id: "d1", at: "2026-12-01T11:30:00.000Z" }),
        ]}
      />,
    );
    const text = textOf(html);
    // e2 (11:59), d2 (11:58), d1 (11:30), e1 (11:00)
    const positions = [
      text.indexOf("Unsubmitted → Submitted"),
      text.indexOf("Ship all v3 · Request (Done)"),
      text.indexOf("Built-in defaults · Wait (Decided)"),
      text.lastIndexOf("Unsubmitted → Submitted"),
    ];
    expect(positions[0]).toBeGreaterThanOrEqual(0);
    expect([...new Set(positions)].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toContain("Rule matched");
    expect(html.match(/data-timeline-source="automation"/g)).toHaveLength(2);
  });
});
