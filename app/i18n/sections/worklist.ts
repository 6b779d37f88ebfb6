// UI strings for the worklist screens (part of app/i18n/en.ts).
import type { WorklistTab } from "~/fulfillment/worklist/tabs";

const plural = (count: number, one: string, many: string) =>
  `${count.toLocaleString("en")} ${count === 1 ? one : many}`;

export const worklist = {
  // The home screen keeps the title the app shell and other screens' browser tests look for.
  title: "Orders waiting to ship",
  /** The iframe document's title (the admin shows its own; screen readers read this one). */
  documentTitle: "Fulfillment queue · Fulfillment Desk",
  subtitle: "Every fulfillment order that needs you, by what it needs next.",
  tabs: {
    "to-request": "To request",
    "awaiting-3pl": "Awaiting 3PL",
    "ready-to-ship": "Ready to ship",
    "on-hold": "On hold",
    "local-pickup": "Local pickup",
    rejected: "Returned by 3PL",
    done: "Done",
    all: "All",
  } satisfies Record<WorklistTab, string>,
  /** A tab's badge when its count passed the limit the loader counts to: "1,000+". */
  countOver: (limit: number) => `${limit.toLocaleString("en")}+`,
  empty: {
    "to-request": {
      heading: "Nothing to send to your 3PL",
      body: "New orders assigned to a fulfillment service appear here. Request fulfillment to hand them over.",
    },
    "awaiting-3pl": {
      heading: "No requests waiting on a 3PL",
      body: "Requests you send appear here until the fulfillment service ships them. Start from To request.",
    },
    "ready-to-ship": {
      heading: "Nothing ready to ship",
      body: "Orders fulfilled from your own locations appear here. Check On hold for anything waiting.",
    },
    "on-hold": {
      heading: "Nothing on hold",
      body: "Fulfillment orders you or other apps hold appear here until the hold is released.",
    },
    "local-pickup": {
      heading: "No pickups waiting",
      body: "Local pickup orders appear here. Mark them ready when the items are packed.",
    },
    rejected: {
      heading: "Nothing returned by a 3PL",
      body: "If a 3PL turns a request down or can't complete it, it appears here so you can request again or move it.",
    },
    done: { heading: "Nothing done yet", body: "Fulfilled and cancelled fulfillment orders appear here." },
    all: { heading: "No fulfillment orders yet", body: "Orders appear here as soon as customers place them." },
  } satisfies Record<WorklistTab, { heading: string; body: string }>,
  emptyFiltered: {
    heading: "No fulfillment orders match these filters",
    body: "Change or clear the filters to see more.",
    clear: "Clear filters",
  },
  searchPlaceholder: "Search by order or customer",
  resourceName: { singular: "fulfillment order", plural: "fulfillment orders" },
  columns: {
    order: "Order",
    customer: "Customer",
    location: "Location",
    delivery: "Delivery",
    status: "Status",
    payment: "Payment",
    tags: "Tags",
    age: "Age",
  },
  noCustomer: "No customer",
  noLocation: "No location",
  onHold: (reasons: string) => `On hold: ${reasons}`,
  age: (days: number, hours: number) => (days >= 1 ? `${days} d` : hours >= 1 ? `${hours} h` : "< 1 h"),
  filters: {
    location: "Location",
    deliveryMethod: "Delivery method",
    age: "Age",
    olderThan: (days: number) => (days === 1 ? "Older than 1 day" : `Older than ${days} days`),
    tag: "Tag",
    tagHelp: "One tag, exactly as on the order",
    financialStatus: "Payment status",
    problems: {
      query: {
        "too-long": "Search is limited to 100 characters, so this search was not applied. Shorten it.",
        comma: "This search was not applied.",
      },
      tag: {
        "too-long": "A tag has at most 255 characters, so this filter was not applied.",
        comma: "Enter one tag, without commas. This filter was not applied.",
      },
    },
  },
  sort: { label: "Age", oldest: "Oldest first", newest: "Newest first" },
  bulk: {
    request: "Request fulfillment",
    hold: "Hold",
    release: "Release our holds",
    runningTitle: (action: string, count: number) =>
      `${action}: ${plural(count, "fulfillment order", "fulfillment orders")}…`,
    resultsTitle: (done: number, skipped: number) =>
      skipped === 0
        ? `Done for ${plural(done, "fulfillment order", "fulfillment orders")}`
        : `Done for ${done.toLocaleString("en")}, skipped ${skipped.toLocaleString("en")}`,
    done: "Done",
    skipped: "Skipped",
    toast: (done: number, skipped: number) =>
      skipped === 0
        ? `${plural(done, "fulfillment order", "fulfillment orders")} updated`
        : `${done} done, ${skipped} skipped`,
    invalid: "That action isn't available. Reload the page and try again.",
    dismiss: "Dismiss",
  },
  holdModal: {
    title: (count: number) => `Hold ${plural(count, "fulfillment order", "fulfillment orders")}`,
    reason: "Reason",
    notes: "Notes for your team (optional)",
    submit: "Place hold",
    cancel: "Cancel",
  },
} as const;
