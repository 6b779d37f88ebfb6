import { describe, expect, it } from "vitest";
import { matchesTab, parseTab, WORKLIST_TABS, type TabFacts, tabOf } from "./tabs";

/** At a fulfillment service (a 3PL), or at a merchant-managed location. */
const THIRD_PARTY = true;
const MERCHANT = false;

const fo = (status: string, requestStatus: string, deliveryMethod: string | null, thirdParty: boolean): TabFacts => ({
  status,
  requestStatus,
  deliveryMethod,
  thirdParty,
});

describe("the worklist's tabs", () => {
  it.each([
    // A 3PL FO nobody asked the 3PL about yet
    { fo: fo("OPEN", "UNSUBMITTED", "SHIPPING", THIRD_PARTY), tab: "to-request" },
    // …and one the 3PL turned down: its own tab, even though Shopify offers a new request
    { fo: fo("OPEN", "REJECTED", "SHIPPING", THIRD_PARTY), tab: "rejected" },
    // The 3PL has it, or has to answer a cancellation
    {
      fo: fo("OPEN", "SUBMITTED", "SHIPPING", THIRD_PARTY),
      tab: "awaiting-3pl",
    },
    { fo: fo("IN_PROGRESS", "ACCEPTED", "SHIPPING", THIRD_PARTY), tab: "awaiting-3pl" },
    { fo: fo("IN_PROGRESS", "CANCELLATION_REQUESTED", "SHIPPING", THIRD_PARTY), tab: "awaiting-3pl" },
    { fo: fo("IN_PROGRESS", "CANCELLATION_REJECTED", "SHIPPING", THIRD_PARTY), tab: "awaiting-3pl" },
    // Merchant-managed: the merchant ships it, whole or the rest of it
    { fo: fo("OPEN", "UNSUBMITTED", "SHIPPING", MERCHANT), tab: "ready-to-ship" },
    { fo: fo("IN_PROGRESS", "UNSUBMITTED", "SHIPPING", MERCHANT), tab: "ready-to-ship" },
    { fo: fo("OPEN", "UNSUBMITTED", "LOCAL", MERCHANT), tab: "ready-to-ship" },
    { fo: fo("OPEN", "UNSUBMITTED", null, MERCHANT), tab: "ready-to-ship" },
    // Local pickup, before and after "ready for pickup"
    { fo: fo("OPEN", "UNSUBMITTED", "PICK_UP", MERCHANT), tab: "local-pickup" },
    { fo: fo("IN_PROGRESS", "UNSUBMITTED", "PICK_UP", MERCHANT), tab: "local-pickup" },
    // A hold wins, whoever's FO it is
    { fo: fo("ON_HOLD", "UNSUBMITTED", "SHIPPING", THIRD_PARTY), tab: "on-hold" },
    { fo: fo("ON_HOLD", "UNSUBMITTED", "PICK_UP", MERCHANT), tab: "on-hold" },
    { fo: fo("ON_HOLD", "REJECTED", "SHIPPING", THIRD_PARTY), tab: "on-hold" },
    // Nothing left to do
    { fo: fo("CLOSED", "ACCEPTED", "SHIPPING", THIRD_PARTY), tab: "done" },
    { fo: fo("CLOSED", "UNSUBMITTED", "PICK_UP", MERCHANT), tab: "done" },
    { fo: fo("CANCELLED", "CANCELLATION_ACCEPTED", "SHIPPING", THIRD_PARTY), tab: "done" },
    { fo: fo("CANCELLED", "UNSUBMITTED", "SHIPPING", MERCHANT), tab: "done" },
    // Not in a working tab: scheduled for later, or a 3PL that failed to complete (shown under All)
    { fo: fo("SCHEDULED", "UNSUBMITTED", "SHIPPING", MERCHANT), tab: null },
    { fo: fo("INCOMPLETE", "ACCEPTED", "SHIPPING", THIRD_PARTY), tab: null },
  ])("puts $fo.status / $fo.requestStatus / $fo.deliveryMethod under $tab", ({ fo: facts, tab }) => {
    expect(tabOf(facts)).toBe(tab);
    expect(matchesTab("all", facts)).toBe(true);
  });

  const STATUSES = ["OPEN", "IN_PROGRESS", "SCHEDULED", "ON_HOLD", "INCOMPLETE", "CLOSED", "CANCELLED"];
  const REQUEST_STATUSES = [
    "UNSUBMITTED",
    "SUBMITTED",
    "ACCEPTED",
    "REJECTED",
    "CANCELLATION_REQUESTED",
    "CANCELLATION_ACCEPTED",
    "CANCELLATION_REJECTED",
    "CLOSED",
  ];
  const combinations = STATUSES.flatMap((status) =>
    REQUEST_STATUSES.flatMap((request) =>
      ["SHIPPING", "PICK_UP", null].flatMap((method) =>
        [THIRD_PARTY, MERCHANT].map((thirdParty) => fo(status, request, method, thirdParty)),
      ),
    ),
  );

  it("never puts one FO under two working tabs, over every status combination", () => {
    for (const facts of combinations) {
      const tabs = WORKLIST_TABS.filter((tab) => tab !== "all" && matchesTab(tab, facts));
      expect(tabs.length, JSON.stringify(facts)).toBeLessThanOrEqual(1);
    }
  });

  it("leaves only scheduled, incomplete and impossible combinations out of every working tab", () => {
    const untabbed = combinations.filter((facts) => tabOf(facts) === null);
    const statuses = new Set(untabbed.map((facts) => facts.status));
    // OPEN / IN_PROGRESS without a tab are pairs Shopify never produces: a closed request on a
    // working FO, or a 3PL FO in progress that was never submitted.
    const impossible = (f: TabFacts) =>
      ["CANCELLATION_ACCEPTED", "CLOSED"].includes(f.requestStatus) ||
      (f.status === "IN_PROGRESS" && f.requestStatus === "UNSUBMITTED" && f.thirdParty);
    for (const facts of untabbed.filter((f) => f.status === "OPEN" || f.status === "IN_PROGRESS")) {
      expect(impossible(facts), JSON.stringify(facts)).toBe(true);
    }
    expect([...statuses].sort()).toEqual(["INCOMPLETE", "IN_PROGRESS", "OPEN", "SCHEDULED"]);
  });

  it.each([
    ["on-hold", "on-hold"],
    ["done", "done"],
    ["nonsense", "to-request"],
    [null, "to-request"],
  ])("reads the tab param %s as %s", (value, tab) => {
    expect(parseTab(value)).toBe(tab);
  });
});
