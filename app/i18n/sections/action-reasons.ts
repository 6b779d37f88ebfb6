// Why a fulfillment action is unavailable right now (part of app/i18n/en.ts).
export const actionReasons = {
  closed: "This fulfillment order is closed: there is nothing left to do on it.",
  nothingRemaining: "Nothing left to fulfil",
  scheduled: "Scheduled: it opens on its fulfil-at date (or mark it open in Shopify first).",
  onHold: "On hold: release the holds first",
  heldByOtherApp: (app: string) => `Held by ${app}: only that app can release its hold`,
  notOnHold: "Not on hold",
  fulfilThirdParty:
    "This fulfillment order belongs to a fulfillment service you don't control: since API 2024-10 only that service can mark it fulfilled. Request fulfillment instead.",
  requestNotThirdParty:
    "Only fulfillment orders assigned to a fulfillment service (3PL) can be requested. Fulfil it instead.",
  alreadySubmitted: "Already submitted to the 3PL — wait for its answer or cancel the request",
  acceptedByThirdParty: "Accepted by the 3PL: request a cancellation instead",
  cancellationRequested: "Cancellation already requested — wait for the 3PL's answer",
  notSubmitted: "Not submitted to a 3PL: there is no request to cancel",
  notAccepted: "The 3PL hasn't accepted it: cancel the request instead",
  inProgress: "Fulfilment has started: it can't be held any more",
  submittedCannotChange: "Submitted to the 3PL: cancel the request first",
  notPickup: "Not a local pickup order",
  pickupUsesPickupFlow: "Local pickup order: mark it ready for pickup, then picked up",
  alreadyPrepared: "Already marked ready for pickup",
  notPrepared: "Mark it ready for pickup first",
  holdLimit: "This app already has 10 holds on this fulfillment order, Shopify's limit",
  notSupported: "Shopify doesn't allow this action on this fulfillment order right now",
} as const;
