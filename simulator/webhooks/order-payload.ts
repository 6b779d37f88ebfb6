// Builders for the `orders/*` topics. Every key and its order follow Shopify's
// published sample (https://shopify.dev/docs/api/webhooks/2026-07, "orders/create";
// all orders/* samples share one shape). Keys the sim has no state for get the
// sample's type with a neutral value (null, [], false, "0.00").
import {
  address,
  customer,
  fulfillment,
  lineItem,
  shippingLine,
  type AddressInput,
  type CustomerInput,
  type FulfillmentInput,
  type LineItemInput,
  type RestFulfillmentStatus,
  type ShippingLineInput,
} from "./order-parts";
import {
  cents,
  fromCents,
  legacyIdFromGid,
  legacyIdOrNull,
  money,
  moneySet,
  restDate,
  restEnum,
} from "./payload-values";
import type { LegacyId } from "./types";

export type {
  AddressInput,
  CustomerInput,
  FulfillmentInput,
  LineItemInput,
  RestFulfillmentStatus,
  ShippingLineInput,
} from "./order-parts";

/** REST `financial_status`; GraphQL `OrderDisplayFinancialStatus` values are accepted too. */
export type FinancialStatus =
  | "pending"
  | "authorized"
  | "partially_paid"
  | "paid"
  | "partially_refunded"
  | "refunded"
  | "voided"
  | "expired"
  | Uppercase<
      "pending" | "authorized" | "partially_paid" | "paid" | "partially_refunded" | "refunded" | "voided" | "expired"
    >;

/** Maps GraphQL `OrderDisplayFulfillmentStatus` to the REST `fulfillment_status`. */
export function restFulfillmentStatus(display: string | null | undefined): RestFulfillmentStatus {
  switch (display?.toUpperCase()) {
    case "FULFILLED":
      return "fulfilled";
    case "PARTIALLY_FULFILLED":
    case "PARTIAL":
      return "partial";
    case "RESTOCKED":
      return "restocked";
    default:
      return null;
  }
}

export type CancelReason = "customer" | "declined" | "fraud" | "inventory" | "staff" | "other";

export type OrderPayloadInput = {
  id: string; // gid://shopify/Order/1001
  name: string; // "#1001"
  /** `order_number` (defaults to the digits of `name`); `number` = order_number - 1000 like Shopify. */
  orderNumber?: number;
  createdAt: Date | string;
  updatedAt?: Date | string;
  processedAt?: Date | string;
  cancelledAt?: Date | string | null;
  cancelReason?: CancelReason | Uppercase<CancelReason> | null;
  closedAt?: Date | string | null;
  financialStatus: FinancialStatus;
  /** REST value, or pass GraphQL displayFulfillmentStatus through `restFulfillmentStatus`. */
  fulfillmentStatus: RestFulfillmentStatus;
  tags?: readonly string[];
  currency?: string;
  presentmentCurrency?: string;
  email?: string | null;
  phone?: string | null;
  note?: string | null;
  test?: boolean;
  confirmed?: boolean;
  sourceName?: string;
  token?: string;
  /** Used for `order_status_url`. */
  shopDomain?: string;
  paymentGatewayNames?: readonly string[];
  lineItems: readonly LineItemInput[];
  shippingLines?: readonly ShippingLineInput[];
  fulfillments?: readonly FulfillmentInput[];
  customer?: CustomerInput | null;
  billingAddress?: AddressInput | null;
  shippingAddress?: AddressInput | null;
  totalDiscounts?: string;
  totalTax?: string;
  /** Overrides of the computed totals, when the core tracks them itself. */
  subtotalPrice?: string;
  totalPrice?: string;
  totalOutstanding?: string;
};

/** Full REST order, as sent for orders/create|updated|paid|cancelled|fulfilled|partially_fulfilled. */
export function orderPayload(input: OrderPayloadInput) {
  const currency = input.currency ?? "USD";
  const pres = input.presentmentCurrency ?? currency;
  const ms = (amount: string | number) => moneySet(amount, currency, pres);
  const id = legacyIdFromGid(input.id);
  const orderNumber = input.orderNumber ?? (Number(input.name.replace(/\D/g, "")) || 1001);
  const lineItemsTotal = input.lineItems.reduce((sum, li) => sum + cents(li.price) * li.quantity, 0);
  const currentLineItemsTotal = input.lineItems.reduce(
    (sum, li) => sum + cents(li.price) * (li.currentQuantity ?? li.quantity),
    0,
  );
  const shipping = (input.shippingLines ?? []).reduce((sum, s) => sum + cents(s.price), 0);
  const discounts = cents(input.totalDiscounts ?? "0");
  const tax = cents(input.totalTax ?? "0");
  const subtotal = input.subtotalPrice ?? fromCents(lineItemsTotal - discounts);
  const total = input.totalPrice ?? fromCents(cents(subtotal) + shipping + tax);
  const currentSubtotal = fromCents(currentLineItemsTotal - discounts);
  const currentTotal = fromCents(cents(currentSubtotal) + shipping + tax);
  const financial = restEnum(input.financialStatus);
  const paidLike = financial === "paid" || financial === "partially_refunded" || financial === "refunded";
  const outstanding = input.totalOutstanding ?? (paidLike || financial === "voided" ? "0.00" : total);
  const token = input.token ?? `${String(id)}token`;
  const shopDomain = input.shopDomain ?? "example.myshopify.com";
  const grams = input.lineItems.reduce((sum, li) => sum + (li.grams ?? 0) * li.quantity, 0);
  const items = new Map(input.lineItems.map((li) => [li.id, li]));
  const createdAt = restDate(input.createdAt);
  const email = input.email ?? input.customer?.email ?? null;

  return {
    id,
    admin_graphql_api_id: input.id,
    app_id: null as LegacyId | null,
    browser_ip: null as string | null,
    buyer_accepts_marketing: false,
    cancel_reason: restEnum(input.cancelReason ?? null),
    cancelled_at: restDate(input.cancelledAt ?? null),
    cart_token: null as string | null,
    checkout_token: null as string | null,
    client_details: null as Record<string, unknown> | null,
    closed_at: restDate(input.closedAt ?? null),
    confirmation_number: null as string | null,
    confirmed: input.confirmed ?? true,
    contact_email: email,
    created_at: createdAt,
    currency,
    current_shipping_price_set: ms(fromCents(shipping)),
    current_subtotal_price: currentSubtotal,
    current_subtotal_price_set: ms(currentSubtotal),
    current_total_additional_fees_set: null as unknown,
    current_total_discounts: fromCents(discounts),
    current_total_discounts_set: ms(fromCents(discounts)),
    current_total_duties_set: null as unknown,
    current_total_price: currentTotal,
    current_total_price_set: ms(currentTotal),
    current_total_tax: fromCents(tax),
    current_total_tax_set: ms(fromCents(tax)),
    customer_locale: "en",
    device_id: null as LegacyId | null,
    discount_codes: [] as unknown[],
    duties_included: false,
    email,
    estimated_taxes: false,
    financial_status: financial,
    fulfillment_status: input.fulfillmentStatus,
    landing_site: null as string | null,
    landing_site_ref: null as string | null,
    location_id: null as LegacyId | null,
    merchant_business_entity_id: "MTAwMQ",
    merchant_of_record_app_id: null as LegacyId | null,
    name: input.name,
    note: input.note ?? null,
    note_attributes: [] as Array<{ name: string; value: string }>,
    number: Math.max(1, orderNumber - 1000),
    order_number: orderNumber,
    order_status_url: `https://${shopDomain}/orders/${token}/authenticate?key=${token}`,
    original_total_additional_fees_set: null as unknown,
    original_total_duties_set: null as unknown,
    payment_gateway_names: [...(input.paymentGatewayNames ?? ["bogus"])],
    phone: input.phone ?? null,
    po_number: null as string | null,
    presentment_currency: pres,
    processed_at: restDate(input.processedAt ?? input.createdAt),
    reference: null as string | null,
    referring_site: null as string | null,
    source_identifier: null as string | null,
    source_name: input.sourceName ?? "web",
    source_url: null as string | null,
    subtotal_price: money(subtotal),
    subtotal_price_set: ms(subtotal),
    // REST joins tags with ", " (sample: "tag1, tag2").
    tags: (input.tags ?? []).join(", "),
    tax_exempt: false,
    tax_lines: [] as unknown[],
    taxes_included: false,
    test: input.test ?? false,
    token,
    total_cash_rounding_payment_adjustment_set: ms(0),
    total_cash_rounding_refund_adjustment_set: ms(0),
    total_discounts: fromCents(discounts),
    total_discounts_set: ms(fromCents(discounts)),
    total_line_items_price: fromCents(lineItemsTotal),
    total_line_items_price_set: ms(fromCents(lineItemsTotal)),
    total_outstanding: money(outstanding),
    total_price: money(total),
    total_price_set: ms(total),
    total_shipping_price_set: ms(fromCents(shipping)),
    total_tax: fromCents(tax),
    total_tax_set: ms(fromCents(tax)),
    total_tip_received: "0.00",
    total_weight: grams,
    updated_at: restDate(input.updatedAt ?? input.createdAt),
    user_id: null as LegacyId | null,
    billing_address: address(input.billingAddress),
    customer: customer(input.customer, currency),
    discount_applications: [] as unknown[],
    fulfillments: (input.fulfillments ?? []).map((f) => fulfillment(f, id, items, currency, pres)),
    line_items: input.lineItems.map((li) => lineItem(li, currency, pres)),
    payment_terms: null as unknown,
    refunds: [] as unknown[],
    shipping_address: address(input.shippingAddress),
    shipping_lines: (input.shippingLines ?? []).map((s) => shippingLine(s, currency, pres)),
    returns: [] as unknown[],
    line_item_groups: [] as unknown[],
  };
}

/** orders/delete carries only the numeric id. */
export function ordersDeletePayload(input: { id: string }) {
  return { id: legacyIdFromGid(input.id) };
}

type OrderEditInput = {
  id: string; // gid://shopify/OrderEdit/… (CalculatedOrder GID in GraphQL)
  orderId: string; // gid://shopify/Order/…
  createdAt: Date | string;
  committedAt: Date | string;
  notifyCustomer?: boolean;
  staffNote?: string;
  appId?: string | null; // gid://shopify/App/…
  userId?: string | null; // gid://shopify/StaffMember/…
  /** Line item GIDs and quantity deltas (always positive, like the sample). */
  lineItemAdditions?: ReadonlyArray<{ id: string; delta: number }>;
  lineItemRemovals?: ReadonlyArray<{ id: string; delta: number }>;
};

/** orders/edited: one committed order edit. */
export function ordersEditedPayload(input: OrderEditInput) {
  const delta = ({ id, delta }: { id: string; delta: number }) => ({ id: legacyIdFromGid(id), delta });
  return {
    order_edit: {
      id: legacyIdFromGid(input.id),
      app_id: legacyIdOrNull(input.appId),
      created_at: restDate(input.createdAt),
      committed_at: restDate(input.committedAt),
      notify_customer: input.notifyCustomer ?? false,
      order_id: legacyIdFromGid(input.orderId),
      staff_note: input.staffNote ?? "",
      user_id: legacyIdOrNull(input.userId),
      line_items: {
        additions: (input.lineItemAdditions ?? []).map(delta),
        removals: (input.lineItemRemovals ?? []).map(delta),
      },
      discounts: { line_item: { additions: [] as unknown[], removals: [] as unknown[] } },
      shipping_lines: { additions: [] as unknown[], removals: [] as unknown[] },
    },
  };
}
