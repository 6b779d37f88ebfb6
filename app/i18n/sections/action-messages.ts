// What the fulfillment actions answer, as the screens show it (part of app/i18n/en.ts).
export const actionMessages = {
  requested: "Fulfillment requested from the fulfillment service",
  requestedPartly: "Fulfillment requested for the chosen items; the rest stays in its own fulfillment order",
  requestCancelled: "Fulfillment request cancelled; the items are back in a new open fulfillment order",
  cancellationRequested: "Cancellation requested; the fulfillment service will answer",
  held: "Fulfillment order put on hold",
  heldPartly: "The chosen items are on hold; the rest stays in its own fulfillment order",
  released: (count: number) => (count === 1 ? "Hold released" : `${count} holds released`),
  readyForPickup: "Marked ready for pickup",
  pickedUp: "Marked picked up",
  fulfilled: "Fulfilled",
  moved: (location: string) => `Moved to ${location}`,
  movedPartly: (moved: number, to: string, stayed: number, at: string) =>
    `Moved ${moved} ${moved === 1 ? "item" : "items"} to ${to}; ${stayed} ${stayed === 1 ? "item isn't" : "items aren't"} stocked there and stayed at ${at}`,
  newLocation: "the new location",
  oldLocation: "its location",
  stale: "This fulfillment order changed since the page was loaded. Reload to see the latest and try again.",
  notFound: "This fulfillment order isn't in the app's records for this shop.",
  stillRunning:
    "This form was already submitted and is still being processed (or was interrupted). Reload the page to see where it stands.",
  keyReused: "This submission key was already used for another action. Reload the page and try again.",
  wholeForPickup: "Shopify marks whole fulfillment orders ready for pickup: leave every quantity as it is.",
  noLines: "Choose at least one item.",
  notOurHold: (app: string) => `Held by ${app}: only that app can release its hold`,
} as const;
