// The rule simulator screen (/app/automation/dry-run). Part of app/i18n/en.ts.
import type { DecisionKind } from "~/automation/rules/decision";

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

export const automationDryRun = {
  title: "Rule simulator",
  subtitle: "What your rules would have done to the fulfillment orders of the last days. Nothing is sent to Shopify.",
  windowLabel: "Fulfillment orders opened in the last",
  windowOption: (days: number) => `${days} days`,
  run: "Run",
  running: "Replaying the ledger's history…",
  progress: (replayed: number, total: number) =>
    `Replayed ${replayed.toLocaleString("en")} of ${total.toLocaleString("en")} fulfillment orders…`,
  source: {
    saved: (version: number) =>
      version === 0 ? "Rules: none saved yet (the defaults only)" : `Rules: saved version ${version}`,
    version: (version: number) => `Rules: version ${version} (an earlier version)`,
    draft: "Rules: your unsaved draft",
  },
  totals: (replayed: number, folded: number) =>
    `${plural(replayed, "fulfillment order", "fulfillment orders")} replayed` +
    (folded > 0
      ? `; ${plural(folded, "split-off part was", "split-off parts were")} replayed with the order it came from`
      : ""),
  outcomesHeading: "Outcomes",
  rulesHeading: "Per rule",
  defaultsRule: "Built-in defaults (pickup, fraud hold, no rule matched)",
  listHeading: "Fulfillment orders",
  columns: {
    order: "Order",
    fulfillmentOrder: "Fulfillment order",
    location: "Location",
    opened: "Opened",
    decision: "Decision",
    rule: "Rule",
    reason: "Why",
    count: "Count",
    outcome: "Outcome",
    total: "Total",
  },
  outcome: {
    request: "Request",
    partial_request: "Request some lines",
    delay: "Delay",
    hold: "Hold",
    release_hold: "Release hold",
    wait: "Wait",
    skip: "Skip",
  } satisfies Record<DecisionKind, string>,
  movedSince: "Moved since: replayed at its current location",
  partialLines: (n: number) => plural(n, "line", "lines"),
  defaultsOnly: "Defaults",
  emptyHeading: "No fulfillment orders in this window",
  emptyBody: "Nothing was opened in these days. Choose a longer window.",
  assumptions:
    "Each fulfillment order is replayed as it was when Shopify routed it. The order's tags, payment and risk are as they are today: the app keeps no history of them.",
  previous: "Previous",
  next: "Next",
  errors: {
    badWindow: "Choose a window of 7, 30 or 90 days.",
    badVersion: "That rule set version does not exist.",
    badCursor: "That page of results is no longer valid: run the simulator again.",
    badDraft: "The draft could not be read: it must be the rule set as JSON.",
    draftTooLarge: (limitKiB: number) => `The draft is larger than ${limitKiB} KiB.`,
    invalidDraft: "The draft has errors: fix them and run again.",
    bodyTooLarge: "The request is too large.",
    badRunId: "That run id is not one this screen makes.",
  },
} as const;
