// What the post-purchase endpoints answer the checkout extension (part of app/i18n/en.ts). The
// buyer never reads these: the extension shows its own text. They speak to whoever debugs it.
export const postPurchaseApi = {
  notJson: "Send a JSON object (Content-Type: application/json).",
  tooLarge: "The request body is too large.",
  unreadableJson: "The body is not valid JSON.",
  invalidBody: (problems: string) => `The body is not what this endpoint takes: ${problems}.`,
  methodNotAllowed: "Use POST.",
  tokenRefused: (why: string) => `The token was refused: ${why}.`,
  referenceMismatch: "The token was issued for another checkout.",
  shopNotInstalled: "The shop in the token has not installed this app.",
  tokenSpent: "The buyer's decision for this checkout is already recorded; its token is spent.",
  alreadySigned: "A changeset was already signed for this checkout.",
  noOfferShown: "No offer was shown for this checkout.",
  acceptedUnsigned:
    "No changeset was signed for this checkout, so the offer cannot have been accepted: sign the changeset first.",
  offerUnavailable: "That offer doesn't exist or is switched off.",
  unavailable: "The service is unavailable; try again later.",
  /** The discount's title in the changeset: Shopify shows it to the buyer on the order. */
  discountTitle: "Post-purchase offer",
} as const;
