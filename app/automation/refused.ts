// An automatic request Shopify refused, as the rejection inbox shows it. Pure.
export interface RefusedRequest {
  fulfillmentOrderId: string;
  orderName: string;
  locationName: string | null;
  ruleName: string | null;
  /** Shopify's answer, as the decision recorded it. */
  reason: string;
  decidedAt: string;
}
