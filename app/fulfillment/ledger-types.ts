// The ledger's view of Shopify's state, as the gateway maps it. Pure types, shared by the
// sync, the reconciliation sweep and the screens.

export interface HoldSnapshot {
  id: string;
  reason: string;
  reasonNotes: string | null;
  handle: string | null;
  heldByAppId: string | null;
  heldByAppTitle: string | null;
  heldByRequestingApp: boolean;
}

export interface FulfillmentOrderLineSnapshot {
  id: string;
  lineItemId: string;
  sku: string | null;
  name: string;
  totalQuantity: number;
  remainingQuantity: number;
  /** LineItem.vendor: who made the variant. */
  vendor: string | null;
  /** The product's tags as Shopify spells them; [] when the product was deleted. */
  productTags: string[];
  /** LineItem.variant's GID; null when the variant was deleted, or for lines stored before it was read. */
  variantId?: string | null;
}

export interface SupportedActionSnapshot {
  action: string;
  externalUrl: string | null;
}

export interface FulfillmentOrderSnapshot {
  id: string;
  status: string;
  requestStatus: string;
  deliveryMethod: string | null;
  locationId: string | null;
  locationName: string | null;
  /** Where it ships: ISO country code and province (region) code; null for pickup or when unknown. */
  destinationCountryCode: string | null;
  destinationProvinceCode: string | null;
  /** Assigned to a fulfillment service (a 3PL) rather than a merchant-managed location. */
  thirdParty: boolean;
  supportedActions: SupportedActionSnapshot[];
  holds: HoldSnapshot[];
  lineItems: FulfillmentOrderLineSnapshot[];
  fulfillAt: string | null;
  /** The 3PL's FulfillmentOrderRejectionReason and message while the request is REJECTED. */
  rejectionReason: string | null;
  rejectionMessage: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface OrderSnapshot {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  cancelledAt: string | null;
  displayFinancialStatus: string | null;
  displayFulfillmentStatus: string | null;
  tags: string[];
  riskLevel: string | null;
  customerId: string | null;
  customerName: string | null;
  totalAmount: string | null;
  currencyCode: string | null;
  /**
   * Order.checkoutToken: the post-purchase extension's referenceId names the checkout by it.
   * Absent where a snapshot doesn't carry it (then the stored one stays).
   */
  checkoutToken?: string | null;
  fulfillmentOrders: FulfillmentOrderSnapshot[];
}

/** Where an FO came from, when Shopify told us (webhook payloads, mutation responses). */
export interface LineageHint {
  childId: string;
  parentId: string;
  reason: "split" | "moved" | "partial_request" | "partial_hold" | "merged" | "replacement" | "inferred";
}

export type ChangeSource = "webhook" | "reconcile" | "user" | "automation";

/** What a mutation's answer states of one FO it changed (its status fields, not its lines). */
export interface StatedFulfillmentOrder {
  id: string;
  status: string;
  requestStatus: string;
  updatedAt: string;
  supportedActions: { action: string; externalUrl: string | null }[];
  orderDisplayFulfillmentStatus: string | null;
}
