// Shopify's own hold while the buyer sees a post-purchase offer
// (https://shopify.dev/docs/api/admin-graphql/latest/enums/FulfillmentHoldReason): placed by no app,
// released when the buyer accepts or declines the offer or reaches the thank-you page, or after 60
// minutes at the latest (https://shopify.dev/changelog/post-purchase-fulfillment-holds).
import type { SimFulfillmentHold } from "../types";

export const POST_PURCHASE_HOLD_REASON = "ONLINE_STORE_POST_PURCHASE_CROSS_SELL";
export const POST_PURCHASE_HOLD_MS = 60 * 60_000;

export const isPostPurchaseHold = (hold: SimFulfillmentHold): boolean =>
  hold.reason === POST_PURCHASE_HOLD_REASON && hold.heldByApp === null;
