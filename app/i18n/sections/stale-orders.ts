// UI strings for the stale-order stock release screen (part of app/i18n/en.ts).
import { describeActor } from "~/shopify/staff-actor";
import type { ExclusionReason } from "~/stale-orders/policy";

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

export const staleOrders = {
  nav: "Stale orders",
  title: "Release stock from stale orders",
  subtitle: "Cancel unpaid orders that have waited too long, and put the stock they hold back on sale.",
  policy: {
    heading: "Policy",
    olderThanHours: "Older than (hours)",
    olderThanHelp: "Orders placed longer ago than this are stale.",
    statuses: "Payment statuses to release",
    includePending: "Pending (bank deposit, cash on delivery, manual payment)",
    includeExpired: "Expired authorizations",
    includePartiallyPaid: "Partially paid",
    gateways: "Only these payment gateways",
    gatewaysHelp: "Comma-separated, e.g. manual, Bank Deposit, Cash on Delivery (COD). Empty: any gateway.",
    excludedTags: "Never touch orders tagged",
    excludedTagsHelp: "Comma-separated tags.",
    cancelReason: "Cancellation reason",
    notifyCustomer: "Email the customer about the cancellation",
    staffNote: "Staff note",
    schedule: "Run this policy every day",
    scheduleHelp: "Off by default. Scheduled runs are recorded in the activity feed like manual ones.",
    alwaysExcluded:
      "Always left alone: paid and partially paid orders (unless chosen above), fulfilled or partially fulfilled orders, orders on payment terms, live authorizations, open returns and orders at a deactivated location.",
    preview: "Preview",
    previewHelp: "Preview changes nothing and saves nothing.",
    save: "Save settings…",
    saved: "Settings saved",
    saveConfirm: {
      title: "Save these settings?",
      scheduleOn:
        "The daily schedule will be on: every day, the app cancels every order that matches this policy, with restock, without asking again.",
      scheduleOff: "The daily schedule will be off: orders are only cancelled when you confirm a run.",
      confirmScheduleOn: "Save and run every day",
      confirm: "Save settings",
      back: "Back",
    },
    errors: {
      olderThanHours: "Enter a whole number of hours from 1 to 8,760 (one year).",
      gateways: {
        items: "List at most 20 payment gateways.",
        length: "Each gateway name can be at most 100 characters.",
      },
      excludedTags: {
        items: "List at most 50 tags.",
        length: "Each tag can be at most 255 characters.",
      },
      cancelReason: "Choose a cancellation reason from the list.",
      staffNote: "The staff note can be at most 255 characters.",
      confirmCount: "Type the number of orders to confirm.",
      idempotencyKey: "This form is out of date. Reload the page and try again.",
      form: "Check the highlighted fields.",
    },
  },
  reasons: {
    DECLINED: "Payment declined",
    CUSTOMER: "Customer changed or cancelled the order",
    INVENTORY: "Items unavailable",
    FRAUD: "Fraudulent order",
    STAFF: "Staff error",
    OTHER: "Other",
  } as Record<string, string>,
  preview: {
    heading: "Orders to cancel",
    empty: "No order matches the policy. Nothing holds stock that could be released.",
    notPreviewed: "Preview to see which orders the policy would cancel. Nothing is cancelled until you confirm.",
    resourceName: { singular: "order", plural: "orders" },
    columns: {
      order: "Order",
      age: "Age",
      payment: "Payment",
      gateway: "Gateway",
      customer: "Customer",
      reserved: "Reserved stock",
      units: "Units",
    },
    noCustomer: "No customer",
    ageDays: (hours: number) =>
      hours >= 48 ? plural(Math.floor(hours / 24), "day", "days") : plural(hours, "hour", "hours"),
    line: (quantity: number, sku: string, location: string) => `${quantity} × ${sku || "no SKU"} at ${location}`,
    cancelSelected: (n: number) => `Cancel ${plural(n, "order", "orders")}`,
    totalsHeading: "Units released per SKU and location",
    totalsColumns: ["SKU", "Location", "Units"],
    selectedTotals: (orders: number, units: number) =>
      `${plural(orders, "order", "orders")} selected, ${plural(units, "unit", "units")} released`,
    excludedHeading: (n: number) => `Left alone (${n.toLocaleString("en")})`,
    excludedEmpty: "No order was left out.",
  },
  exclusion: {
    cancelled: "Already cancelled or archived",
    paid: "Paid",
    "partially-paid": "Partially paid",
    "pending-authorization": "Authorization still valid (can be captured)",
    "not-unpaid": "Payment status not in the policy",
    "payment-terms": "On payment terms (B2B)",
    fulfilled: "Fulfilled",
    "partially-fulfilled": "Partially fulfilled",
    "fulfillment-in-progress": "Fulfillment in progress or on hold",
    "active-return": "Return in progress",
    "deactivated-location": "Assigned to a deactivated location (Shopify would not restock)",
    "too-recent": "Not old enough",
    gateway: "Payment gateway not in the policy",
    "excluded-tag": "Carries an excluded tag",
    "nothing-reserved": "Holds no stock",
    truncated: "Too many lines to preview exactly",
  } satisfies Record<ExclusionReason, string>,
  skipped: {
    "order-not-found": "Order no longer exists",
    "run-failed": "Not cancelled: the run could not be prepared",
  } as Record<string, string>,
  /** Why an order Shopify accepted to cancel is still not cancelled (its own message, when it gave one). */
  notCancelled: {
    "job-failed": "Shopify finished the cancellation job but did not cancel the order; no stock was released",
    "job-lost": "Shopify no longer knows the cancellation job and the order is not cancelled",
  } as Record<string, string>,
  confirm: {
    title: (n: number) => `Cancel ${plural(n, "order", "orders")}?`,
    body: (orders: number, units: number) =>
      `${plural(orders, "order", "orders")} will be cancelled with restock, releasing ${plural(units, "unit", "units")}. Each order is checked again right before it is cancelled; orders paid in the meantime are skipped.`,
    notify: (on: boolean) => (on ? "Customers will be emailed." : "Customers will not be emailed."),
    typeNumber: (n: number) => `Type ${n} to confirm`,
    typeMismatch: "The number does not match the selection.",
    confirm: "Cancel orders and restock",
    back: "Back",
  },
  run: {
    heading: "Latest run",
    none: "No run yet.",
    progress: (done: number, total: number) =>
      `${done.toLocaleString("en")} of ${plural(total, "order", "orders")} processed`,
    counts: (c: { cancelled: number; skipped: number; failed: number }) =>
      `${c.cancelled} cancelled · ${c.skipped} skipped · ${c.failed} failed`,
    status: {
      preparing: "Preparing",
      queued: "Queued",
      running: "Running",
      finished: "Finished",
      failed: "Failed",
    } as Record<string, string>,
    preparing: (selected: number) =>
      selected > 0
        ? `Preparing: checking ${plural(selected, "selected order", "selected orders")} against Shopify…`
        : "Preparing: checking every eligible order against Shopify…",
    preparingHelp: "Each order is read again before anything is cancelled. You can leave this page.",
    failedTitle: "This run could not be prepared",
    failureReasons: {
      "not-installed": "The app is no longer installed on this shop.",
      "app-uninstalled": "The app was uninstalled before the run was prepared.",
    } as Record<string, string>,
    failedHelp: "No order was cancelled by this run unless it is listed as cancelled below. Preview again to retry.",
    leftOut: (c: { alreadyHandled: number; noLongerEligible: number }) =>
      [
        c.alreadyHandled > 0
          ? `${plural(c.alreadyHandled, "order was", "orders were")} already cancelled or in another run`
          : null,
        c.noLongerEligible > 0
          ? `${plural(c.noLongerEligible, "order", "orders")} no longer matched the policy and ${c.noLongerEligible === 1 ? "was" : "were"} left out`
          : null,
      ]
        .filter(Boolean)
        .join(" · "),
    itemStatus: {
      pending: "Waiting",
      cancelling: "Cancelling",
      cancelled: "Cancelled",
      skipped: "Skipped",
      failed: "Failed",
    } as Record<string, string>,
    download: "Download report (CSV)",
    columns: { order: "Order", result: "Result", detail: "Detail" },
    confirmed: (selected: number) =>
      selected > 0
        ? `Run confirmed: checking ${plural(selected, "order", "orders")} against Shopify`
        : "Run confirmed: checking the eligible orders against Shopify",
    nothingNew: "Every selected order was already cancelled or is being cancelled by another run.",
    invalid: "That request could not be understood.",
  },
  activity: {
    heading: "Activity",
    empty: "Nothing has happened yet.",
    byActor: (actor: string | null) => (actor ? `by ${describeActor(actor)}` : "by the daily schedule"),
    actions: {
      "stale-orders.policy-saved": "Policy changed",
      "stale-orders.run-started": "Run started",
      "stale-orders.run-finished": "Run finished",
      "stale-orders.run-failed": "Run failed",
      "stale-orders.order-cancelled": "Order cancelled",
      "stale-orders.order-skipped": "Order skipped",
      "stale-orders.order-failed": "Cancellation failed",
    } as Record<string, string>,
  },
};
