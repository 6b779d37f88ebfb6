// What automation's runtime says on its decisions (part of app/i18n/en.ts via the decision log).
export const automationRuntime = {
  requested: "Requested fulfillment from the fulfillment service",
  requestedPartly: "Requested the matching items; the rest stays unsubmitted",
  held: "Put on hold",
  holdReleased: "Released our hold (its time was up)",
  busy: "Another automatic submission for this order is in flight: deciding again in a moment",
  changedSinceLedger: "Shopify's state changed since the ledger saw it: deciding again on the fresh state",
  pausedBeforeSubmit: "Automation was paused before submitting: decided again on resume",
  recoveredSent: "No answer from Shopify, but Shopify shows the request went through",
  recoveredNotSent: "No answer from Shopify, and Shopify shows nothing was sent: deciding again",
  merged: (count: number) => `Merged ${count} fulfillment orders at this location into one, to request them together`,
  unavailable: (why: string) => `Shopify doesn't allow it now: ${why}`,
  refused: (message: string) => `Shopify refused: ${message}`,
} as const;
