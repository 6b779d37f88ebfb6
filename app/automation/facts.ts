// What automation rules see of one fulfillment order and its order: plain data read from the
// ledger (live automation and the dry run alike), so evaluation stays pure and repeatable.
// Pure types: safe to import from anywhere, including the UI.
import type { FulfillmentOrderLineSnapshot, HoldSnapshot } from "~/fulfillment/ledger-types";

/**
 * A line as the rules see it: `id` is the FulfillmentOrderLineItem GID (what a partial request
 * names); product tags are compared case-insensitively.
 */
export type LineFacts = Pick<
  FulfillmentOrderLineSnapshot,
  "id" | "lineItemId" | "sku" | "productTags" | "vendor" | "remainingQuantity"
>;

export interface HoldFacts extends Pick<HoldSnapshot, "id" | "reason" | "handle" | "heldByRequestingApp"> {
  /** The app that placed the hold (FulfillmentHold.heldByApp.title), if known: named in "waiting" reasons. */
  heldByAppTitle?: string | null;
  /** Our own hold placed with a hold-until time (ISO): when we release it again. Null otherwise. */
  releaseAt?: string | null;
  /** When the ledger first saw the hold (ISO), if known. */
  since: string | null;
}

export interface FulfillmentOrderFacts {
  id: string;
  status: string;
  requestStatus: string;
  /** Shopify's DeliveryMethodType: SHIPPING, PICK_UP, LOCAL, NONE, RETAIL… */
  deliveryMethod: string | null;
  locationId: string | null;
  locationName: string | null;
  /** Assigned to a fulfillment service (a 3PL): only such FOs can be requested. */
  thirdParty: boolean;
  destinationCountryCode: string | null;
  destinationProvinceCode: string | null;
  holds: HoldFacts[];
  /** Shopify's FulfillmentOrderAction values the FO supports right now. */
  supportedActions: string[];
  lines: LineFacts[];
  /** Shopify's updatedAt (ISO): with the trigger, it keys the decision. */
  updatedAt: string;
  /** When the FO was created (ISO). */
  openedAt: string;
}

export interface OrderFacts {
  id: string;
  name: string;
  tags: string[];
  /** Shopify's OrderDisplayFinancialStatus: PAID, PENDING, AUTHORIZED, PARTIALLY_PAID… */
  financialStatus: string | null;
  /** The highest risk assessment: NONE, PENDING, LOW, MEDIUM, HIGH. */
  riskLevel: string | null;
  /** In the shop's currency; null when unknown. */
  totalAmount: number | null;
  placedAt: string;
  cancelledAt: string | null;
  /** When the order's line items last changed after it was placed (ISO), if ever. */
  lastEditedAt: string | null;
  /** The buyer's answer to our post-purchase offer, if we made one. */
  upsellDecision: "accepted" | "declined" | null;
  upsellDecidedAt: string | null;
  /**
   * The order as the ledger holds it already carries the accepted upsell's line: Shopify's edit
   * has arrived even if the ledger never saw the order without it (its first read came after the
   * edit, so there was no change to stamp `lastEditedAt` with).
   */
  upsellLineArrived?: boolean;
}

/** Shop-wide inputs of a decision. */
export interface ShopFacts {
  /** Minutes without an order edit before a request (the settle window's quiet period). */
  quietPeriodMinutes: number;
}

export interface DecisionInput {
  fulfillmentOrder: FulfillmentOrderFacts;
  order: OrderFacts;
  shop: ShopFacts;
  /** The moment of the decision (ISO): a fake clock in tests and the dry run's replay time. */
  now: string;
  /**
   * The merchant resubmits from the rejection inbox: a REJECTED request, or an FO the fulfillment
   * service closed as INCOMPLETE, is decided like a fresh one (the merchant fixed the cause).
   */
  allowResubmit?: boolean;
  /**
   * Holds automation placed on this FO that have since been released (at their hold-until time or
   * by the merchant), by the id of the rule that placed them; null for the default high-risk hold.
   * That rule has had its say: without this, releasing the hold would only make it hold again.
   */
  releasedHoldRuleIds?: (string | null)[];
}
