// Builders for the `orders/*` topics. Every key and its order follow Shopify's
// published sample (https://shopify.dev/docs/api/webhooks/2026-07, "orders/create";
// all orders/* samples share one shape). Keys the sim has no state for get the
// sample's type with a neutral value (null, [], false, "0.00").
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
  | Uppercase<"pending" | "authorized" | "partially_paid" | "paid" | "partially_refunded" | "refunded" | "voided" | "expired">;

/** REST order `fulfillment_status`: null = unfulfilled. */
export type RestFulfillmentStatus = "fulfilled" | "partial" | "restocked" | null;

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

export type AddressInput = {
  firstName: string | null;
  lastName: string | null;
  address1: string | null;
  address2?: string | null;
  city: string | null;
  province?: string | null;
  provinceCode?: string | null;
  country: string | null;
  countryCode: string | null;
  zip: string | null;
  phone?: string | null;
  company?: string | null;
};

export type CustomerInput = {
  id: string; // gid://shopify/Customer/…
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone?: string | null;
  /** REST customer state: "disabled" | "invited" | "enabled" | "declined". */
  state?: string;
  createdAt?: Date | string | null;
  updatedAt?: Date | string | null;
  note?: string | null;
  defaultAddress?: (AddressInput & { id: string /* gid://shopify/MailingAddress/… */ }) | null;
};

export type LineItemInput = {
  id: string; // gid://shopify/LineItem/…
  title: string;
  /** Unit price as a decimal string, e.g. "19.99". */
  price: string;
  quantity: number;
  /** After removals/refunds; defaults to `quantity`. */
  currentQuantity?: number;
  /** Defaults to `currentQuantity` minus nothing fulfilled. */
  fulfillableQuantity?: number;
  sku?: string | null;
  variantTitle?: string | null;
  vendor?: string | null;
  productId?: string | null; // gid://shopify/Product/…
  variantId?: string | null; // gid://shopify/ProductVariant/…
  grams?: number;
  requiresShipping?: boolean;
  taxable?: boolean;
  giftCard?: boolean;
  fulfillmentService?: string;
  fulfillmentStatus?: RestFulfillmentStatus;
  totalDiscount?: string;
};

export type ShippingLineInput = {
  id: string; // gid://shopify/ShippingLine/…
  title: string;
  price: string;
  code?: string | null;
  source?: string;
};

export type FulfillmentInput = {
  id: string; // gid://shopify/Fulfillment/…
  /** REST fulfillment status: "pending" | "open" | "success" | "cancelled" | "error" | "failure". */
  status: string;
  createdAt: Date | string;
  updatedAt?: Date | string;
  name?: string;
  locationId?: string | null; // gid://shopify/Location/…
  service?: string;
  shipmentStatus?: string | null;
  trackingCompany?: string | null;
  trackingNumbers?: string[];
  trackingUrls?: string[];
  /** Ids of the order's line items in this fulfillment, with the fulfilled quantity. */
  lineItems: Array<{ id: string; quantity: number }>;
};

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

function address(a: AddressInput | null | undefined) {
  if (!a) return null;
  const name = [a.firstName, a.lastName].filter(Boolean).join(" ");
  return {
    first_name: a.firstName,
    address1: a.address1,
    phone: a.phone ?? null,
    city: a.city,
    zip: a.zip,
    province: a.province ?? null,
    country: a.country,
    last_name: a.lastName,
    address2: a.address2 ?? null,
    company: a.company ?? null,
    latitude: null as number | null,
    longitude: null as number | null,
    name,
    country_code: a.countryCode,
    province_code: a.provinceCode ?? null,
  };
}

function customer(c: CustomerInput | null | undefined, currency: string) {
  if (!c) return null;
  const customerId = legacyIdFromGid(c.id);
  const d = c.defaultAddress;
  return {
    id: customerId,
    created_at: restDate(c.createdAt),
    updated_at: restDate(c.updatedAt),
    first_name: c.firstName,
    last_name: c.lastName,
    state: c.state ?? "disabled",
    note: c.note ?? null,
    verified_email: true,
    multipass_identifier: null as string | null,
    tax_exempt: false,
    email: c.email,
    phone: c.phone ?? null,
    currency,
    tax_exemptions: [] as string[],
    admin_graphql_api_id: c.id,
    default_address: d
      ? {
          id: legacyIdFromGid(d.id),
          customer_id: customerId,
          first_name: d.firstName,
          last_name: d.lastName,
          company: d.company ?? null,
          address1: d.address1,
          address2: d.address2 ?? null,
          city: d.city,
          province: d.province ?? null,
          country: d.country,
          zip: d.zip,
          phone: d.phone ?? null,
          name: [d.firstName, d.lastName].filter(Boolean).join(" "),
          province_code: d.provinceCode ?? null,
          country_code: d.countryCode,
          country_name: d.country,
          default: true,
        }
      : null,
  };
}

function lineItem(li: LineItemInput, currency: string, presentment: string) {
  const currentQuantity = li.currentQuantity ?? li.quantity;
  const totalDiscount = money(li.totalDiscount ?? "0");
  return {
    id: legacyIdFromGid(li.id),
    admin_graphql_api_id: li.id,
    attributed_staffs: [] as Array<{ id: string; quantity: number }>,
    current_quantity: currentQuantity,
    fulfillable_quantity: li.fulfillableQuantity ?? currentQuantity,
    fulfillment_service: li.fulfillmentService ?? "manual",
    fulfillment_status: li.fulfillmentStatus ?? null,
    gift_card: li.giftCard ?? false,
    grams: li.grams ?? 0,
    name: li.variantTitle ? `${li.title} - ${li.variantTitle}` : li.title,
    price: money(li.price),
    price_set: moneySet(li.price, currency, presentment),
    product_exists: li.productId != null,
    product_id: legacyIdOrNull(li.productId),
    properties: [] as Array<{ name: string; value: string }>,
    quantity: li.quantity,
    requires_shipping: li.requiresShipping ?? true,
    sales_line_item_group_id: null as LegacyId | null,
    sku: li.sku ?? null,
    taxable: li.taxable ?? true,
    title: li.title,
    total_discount: totalDiscount,
    total_discount_set: moneySet(totalDiscount, currency, presentment),
    variant_id: legacyIdOrNull(li.variantId),
    variant_inventory_management: li.variantId ? "shopify" : null,
    variant_title: li.variantTitle ?? null,
    vendor: li.vendor ?? null,
    tax_lines: [] as unknown[],
    duties: [] as unknown[],
    discount_allocations: [] as unknown[],
  };
}

function shippingLine(s: ShippingLineInput, currency: string, presentment: string) {
  return {
    id: legacyIdFromGid(s.id),
    carrier_identifier: null as string | null,
    code: s.code ?? null,
    current_discounted_price_set: moneySet(s.price, currency, presentment),
    discounted_price: money(s.price),
    discounted_price_set: moneySet(s.price, currency, presentment),
    is_removed: false,
    phone: null as string | null,
    price: money(s.price),
    price_set: moneySet(s.price, currency, presentment),
    requested_fulfillment_service_id: null as string | null,
    source: s.source ?? "shopify",
    title: s.title,
    tax_lines: [] as unknown[],
    discount_allocations: [] as unknown[],
  };
}

/**
 * The sample's `fulfillments` is empty, so this element shape follows the REST
 * Fulfillment resource (https://shopify.dev/docs/api/admin-rest/latest/resources/fulfillment)
 * rather than a sample; fulfilled line items reuse the order line item shape.
 */
function fulfillment(
  f: FulfillmentInput,
  orderId: LegacyId,
  items: ReadonlyMap<string, LineItemInput>,
  currency: string,
  presentment: string,
) {
  const trackingNumbers = f.trackingNumbers ?? [];
  const trackingUrls = f.trackingUrls ?? [];
  return {
    id: legacyIdFromGid(f.id),
    admin_graphql_api_id: f.id,
    created_at: restDate(f.createdAt),
    location_id: legacyIdOrNull(f.locationId),
    name: f.name ?? null,
    order_id: orderId,
    origin_address: {},
    receipt: {},
    service: f.service ?? "manual",
    shipment_status: f.shipmentStatus ?? null,
    status: restEnum(f.status),
    tracking_company: f.trackingCompany ?? null,
    tracking_number: trackingNumbers[0] ?? null,
    tracking_numbers: trackingNumbers,
    tracking_url: trackingUrls[0] ?? null,
    tracking_urls: trackingUrls,
    updated_at: restDate(f.updatedAt ?? f.createdAt),
    line_items: f.lineItems.map(({ id, quantity }) => {
      const li = items.get(id);
      if (!li) throw new Error(`Fulfillment ${f.id} references unknown line item ${id}`);
      return lineItem({ ...li, quantity, fulfillmentStatus: "fulfilled" }, currency, presentment);
    }),
  };
}

export type OrderPayload = ReturnType<typeof orderPayload>;

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

export type OrderEditInput = {
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
