// Sub-objects of the REST order payload (addresses, customer, line items,
// shipping lines, fulfillments), keyed and ordered like Shopify's orders/*
// sample (https://shopify.dev/docs/api/webhooks/2026-07).
import { legacyIdFromGid, legacyIdOrNull, money, moneySet, restDate, restEnum } from "./payload-values";
import type { LegacyId } from "./types";

/** REST order/line item `fulfillment_status`: null = unfulfilled. */
export type RestFulfillmentStatus = "fulfilled" | "partial" | "restocked" | null;

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
  /** Staff credited with the sale (POS); GIDs of StaffMember. */
  attributedStaffs?: ReadonlyArray<{ id: string; quantity: number }>;
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

export function address(a: AddressInput | null | undefined) {
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

export function customer(c: CustomerInput | null | undefined, currency: string) {
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

export function lineItem(li: LineItemInput, currency: string, presentment: string) {
  const currentQuantity = li.currentQuantity ?? li.quantity;
  const totalDiscount = money(li.totalDiscount ?? "0");
  return {
    id: legacyIdFromGid(li.id),
    admin_graphql_api_id: li.id,
    attributed_staffs: (li.attributedStaffs ?? []).map(({ id, quantity }) => ({ id, quantity })),
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

export function shippingLine(s: ShippingLineInput, currency: string, presentment: string) {
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
export function fulfillment(
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
