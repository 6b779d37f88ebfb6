// UI strings for the rejection inbox (part of app/i18n/en.ts).
const fos = (count: number) =>
  `${count.toLocaleString("en")} ${count === 1 ? "fulfillment order" : "fulfillment orders"}`;

export const rejections = {
  nav: "Rejections",
  title: "Returned by 3PL",
  documentTitle: "Returned by 3PL · Fulfillment Desk",
  subtitle:
    "Requests your fulfillment services rejected, and fulfillment orders they closed unfinished. Fix the cause, then resubmit.",
  loading: "Loading the rejection inbox…",
  empty: {
    heading: "No rejected requests",
    body: "When a fulfillment service rejects a request or hands a fulfillment order back unfinished, it shows here, grouped by reason.",
  },
  group: {
    noReason: "Rejected, no reason given",
    incomplete: "Closed unfinished by the fulfillment service",
    count: fos,
    warningsHeading: "Lines the fulfillment service named",
  },
  columns: {
    order: "Order",
    location: "Location",
    returned: "Returned",
    message: "Fulfillment service's message",
    actions: "Actions",
  },
  resourceName: { singular: "fulfillment order", plural: "fulfillment orders" },
  noLocation: "No location",
  noMessage: "No message",
  returnedAgo: (age: string) => `${age} ago`,
  resubmit: "Resubmit",
  resubmitting: "Resubmitting…",
  resubmitSelected: (count: number) => `Resubmit ${count.toLocaleString("en")}`,
  automationSelected: (count: number) => `Let automation decide ${count.toLocaleString("en")} again`,
  fix: "Hold or move",
  editInShopify: "Edit in Shopify",
  done: "Resubmitted",
  truncated: (shown: number) => `Showing the ${shown} that waited longest. Resubmit or fix these to see the rest.`,
  warningsUnavailable:
    "Shopify didn't answer in time, so the lines the fulfillment service named aren't shown. Reload to try again.",
  notInInbox:
    "Not resubmitted: this fulfillment order is no longer returned by its fulfillment service (already resubmitted, or changed in Shopify). Reload the page.",
  invalid: "That resubmission isn't valid. Reload the page and try again.",
  refused: {
    title: "Automatic requests Shopify refused",
    body: "Automation never sends these again on its own. Fix the cause on the order, then let automation decide again.",
    retry: "Let automation try again",
    retryAll: (count: number) => `Let automation try all ${count} again`,
    queued: (count: number) =>
      count === 1 ? "Automation will decide it again" : `Automation will decide ${count} again`,
    rule: (name: string | null) => (name ? `Rule: ${name}` : "Automation's defaults"),
  },
} as const;
