// Shared shapes of the store simulator: the webhook sink the app's tests plug in,
// plan/bucket settings, and the plain records that make up a simulated shop.

// One definition shared with the webhook side (simulator/webhooks/types.ts).
export type { WebhookEvent, WebhookSink } from "./webhooks/types";

export type PlanName = "basic" | "standard" | "advanced" | "plus";
export interface BucketSpec {
  bucketSize: number;
  restoreRate: number;
}
export type PlanInput = PlanName | BucketSpec;

export type LocationKind = "merchant" | "fulfillment_service" | "pickup";
export type DeliveryMethodType = "SHIPPING" | "PICK_UP" | "LOCAL" | "NONE";
export type FinancialStatus = "PAID" | "PENDING" | "AUTHORIZED" | "PARTIALLY_PAID" | "EXPIRED" | "REFUNDED" | "VOIDED";
export type RiskLevel = "LOW" | "MEDIUM" | "HIGH";

export type FulfillmentOrderStatus =
  "OPEN" | "IN_PROGRESS" | "ON_HOLD" | "SCHEDULED" | "INCOMPLETE" | "CLOSED" | "CANCELLED";

export type FulfillmentOrderRequestStatus =
  | "UNSUBMITTED"
  | "SUBMITTED"
  | "ACCEPTED"
  | "REJECTED"
  | "CANCELLATION_REQUESTED"
  | "CANCELLATION_ACCEPTED"
  | "CANCELLATION_REJECTED"
  | "CLOSED";

export interface AppRef {
  id: string;
  title: string;
  apiKey: string;
}

export interface SimLocation {
  id: string;
  name: string;
  kind: LocationKind;
  active: boolean;
  createdAt: string;
  updatedAt: string;
  /** Title of the 3PL fulfillment service owning the location (kind "fulfillment_service"). */
  fulfillmentServiceName: string | null;
}

export interface SimVariant {
  id: string;
  title: string;
  sku: string;
  price: string;
  productId: string;
}

/** The product a variant belongs to: what LineItem.product and LineItem.vendor read. */
export interface SimProduct {
  id: string;
  title: string;
  vendor: string | null;
  tags: string[];
  /** Deleted products stay here so old line items still know their vendor; LineItem.product is null. */
  deleted: boolean;
}

/** An order's shipping address, as far as the simulator models it (MailingAddress). */
export interface SimAddress {
  firstName: string | null;
  lastName: string | null;
  address1: string | null;
  city: string | null;
  zip: string | null;
  /** ISO 3166-1 alpha-2, e.g. "CA". */
  countryCode: string;
  /** The region's name, e.g. "Ontario"; null when the country has no regions. */
  province: string | null;
  /** The region's code, e.g. "ON". */
  provinceCode: string | null;
}

export interface InventoryLevel {
  available: number;
  committed: number;
}

export interface SimCustomer {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
}

export interface SimLineItem {
  id: string;
  variantId: string;
  sku: string;
  title: string;
  price: string;
  quantity: number;
  /** LineItem.vendor: the product's vendor when the order was placed. */
  vendor: string | null;
}

export interface SimOrder {
  id: string;
  shop: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  processedAt: string;
  cancelledAt: string | null;
  cancelReason: string | null;
  /** orderCancel's staffNote: Order.cancellation.staffNote, not the order's `note`. */
  cancelStaffNote: string | null;
  closedAt: string | null;
  financialStatus: FinancialStatus;
  gateway: string;
  tags: string[];
  note: string | null;
  customer: SimCustomer | null;
  currency: string;
  riskLevel: RiskLevel;
  paymentTermsDueAt: string | null;
  deliveryMethod: DeliveryMethodType;
  /** Order.shippingAddress; null for orders that don't ship (pickup). */
  shippingAddress: SimAddress | null;
  lineItems: SimLineItem[];
  /**
   * Order.checkoutToken. The post-purchase extension's `initialPurchase.referenceId` is this token
   * in the simulator: the docs don't say how a reference id relates to the Admin API order, and
   * the app links the two by it (issue 11).
   */
  checkoutToken: string;
  /** Money given back (so far only by orderCancel's refundMethod). */
  refunds: SimRefund[];
}

/** A refund as far as the simulator models it: the whole paid amount, to the original methods. */
export interface SimRefund {
  id: string;
  createdAt: string;
  amount: string;
  note: string | null;
}

export interface SimFulfillmentOrderLineItem {
  id: string;
  lineItemId: string;
  totalQuantity: number;
  remainingQuantity: number;
  /** FulfillmentOrderLineItem.warnings: what a fulfillment service said about this line when it rejected a request. */
  warnings?: SimLineItemWarning[];
}

export interface SimLineItemWarning {
  title: string | null;
  description: string | null;
}

export interface SimFulfillmentHold {
  id: string;
  reason: string;
  reasonNotes: string | null;
  handle: string | null;
  externalId: string | null;
  /** null when Shopify itself placed the hold (e.g. post-purchase cross-sell). */
  heldByApp: AppRef | null;
  /** When Shopify lifts the hold by itself (the post-purchase hold's 60 minutes); never for app holds. */
  releaseAt?: string;
}

export interface SimMerchantRequest {
  id: string;
  kind: "FULFILLMENT_REQUEST" | "CANCELLATION_REQUEST";
  message: string | null;
  sentAt: string;
  requestOptions: Record<string, unknown>;
  responseData: Record<string, unknown> | null;
}

export interface SimFulfillmentOrder {
  id: string;
  shop: string;
  orderId: string;
  locationId: string;
  status: FulfillmentOrderStatus;
  requestStatus: FulfillmentOrderRequestStatus;
  deliveryMethod: DeliveryMethodType;
  lineItems: SimFulfillmentOrderLineItem[];
  holds: SimFulfillmentHold[];
  merchantRequests: SimMerchantRequest[];
  fulfillmentIds: string[];
  preparedForPickup: boolean;
  createdAt: string;
  updatedAt: string;
  fulfillAt: string | null;
}

export interface SimFulfillmentLineItem {
  fulfillmentOrderLineItemId: string;
  lineItemId: string;
  quantity: number;
}

export interface SimFulfillment {
  id: string;
  shop: string;
  orderId: string;
  locationId: string;
  name: string;
  status: "SUCCESS" | "CANCELLED";
  createdAt: string;
  updatedAt: string;
  trackingInfo: { company: string | null; number: string | null; url: string | null }[];
  lineItems: SimFulfillmentLineItem[];
  fulfillmentOrderIds: string[];
}

export interface OrderCancelJobAction {
  kind: "orderCancel";
  orderId: string;
  reason: string;
  restock: boolean;
  /** refundMethod.originalPaymentMethodsRefund (or the deprecated refund: true). */
  refund: boolean;
  notifyCustomer: boolean;
  staffNote: string | null;
}

export interface OrderCancelJobError {
  field: string[] | null;
  message: string;
  code: "INTERNAL_ERROR" | "INVALID" | "NOT_FOUND";
}

export interface SimJob {
  id: string;
  shop: string;
  createdAtMs: number;
  completesAtMs: number;
  done: boolean;
  /** OrderCancelJobResult.status (2026-10): STARTED until the job runs, then SUCCEEDED or FAILED. */
  status: "STARTED" | "SUCCEEDED" | "FAILED";
  /** OrderCancelJobResult.errors: why a FAILED job didn't cancel the order. */
  errors: OrderCancelJobError[];
  action: OrderCancelJobAction;
}

export interface SimToken {
  token: string;
  kind: "offline" | "online";
  scope: string;
  expiresAtMs: number | null;
  refreshToken: string | null;
}

export interface SimShop {
  id: string;
  domain: string;
  name: string;
  currency: string;
  /** Shop.ianaTimezone, e.g. "America/New_York". */
  timezone: string;
  plan: PlanInput;
  scopes: string;
  installed: boolean;
  bucket: { available: number; updatedAtMs: number };
  tokens: SimToken[];
  locations: SimLocation[];
  variants: SimVariant[];
  products: SimProduct[];
  /** keyed by `${variantId}|${locationId}` */
  inventory: Record<string, InventoryLevel>;
  orders: SimOrder[];
  fulfillmentOrders: SimFulfillmentOrder[];
  fulfillments: SimFulfillment[];
  jobs: SimJob[];
  nextOrderNumber: number;
}
