// app/uninstalled (the REST Shop resource) and the mandatory compliance topics.
// Shapes follow https://shopify.dev/docs/api/webhooks/2026-07; compliance
// semantics: https://shopify.dev/docs/apps/build/compliance/privacy-law-compliance
import { legacyIdFromGid, legacyIdOrNull, restDate } from "./payload-values";

export type ShopInput = {
  id: string; // gid://shopify/Shop/…
  /** `xxx.myshopify.com` */
  myshopifyDomain: string;
  name: string;
  email: string;
  currency?: string;
  ianaTimezone?: string;
  shopOwner?: string;
  planName?: string;
  planDisplayName?: string;
  primaryLocationId?: string | null; // gid://shopify/Location/…
  createdAt?: Date | string | null;
  updatedAt?: Date | string | null;
  countryCode?: string;
  countryName?: string;
};

/**
 * The Shop resource. Sample quirk kept: Shopify's sample has `domain`,
 * `myshopify_domain` etc. null; the sim fills the ones it knows. Newer copies
 * of the sample add fields (e.g. marketing_email_consent_enabled_at_checkout),
 * so apps must tolerate unknown keys.
 */
export function appUninstalledPayload(shop: ShopInput) {
  const currency = shop.currency ?? "USD";
  return {
    id: legacyIdFromGid(shop.id),
    name: shop.name,
    email: shop.email,
    domain: shop.myshopifyDomain,
    province: null as string | null,
    country: shop.countryCode ?? "US",
    address1: null as string | null,
    zip: null as string | null,
    city: null as string | null,
    source: null as string | null,
    phone: null as string | null,
    latitude: null as number | null,
    longitude: null as number | null,
    primary_locale: "en",
    address2: null as string | null,
    created_at: restDate(shop.createdAt ?? null),
    updated_at: restDate(shop.updatedAt ?? null),
    country_code: shop.countryCode ?? "US",
    country_name: shop.countryName ?? "United States",
    currency,
    customer_email: shop.email,
    timezone: "(GMT+00:00) UTC",
    iana_timezone: shop.ianaTimezone ?? "UTC",
    shop_owner: shop.shopOwner ?? "Shop Owner",
    money_format: "${{amount}}",
    money_with_currency_format: `\${{amount}} ${currency}`,
    weight_unit: "kg",
    province_code: null as string | null,
    taxes_included: false,
    auto_configure_tax_inclusivity: null as boolean | null,
    tax_shipping: null as boolean | null,
    county_taxes: true,
    plan_display_name: shop.planDisplayName ?? "Development",
    plan_name: shop.planName ?? "partner_test",
    has_discounts: false,
    has_gift_cards: false,
    myshopify_domain: shop.myshopifyDomain,
    google_apps_domain: null as string | null,
    google_apps_login_enabled: null as boolean | null,
    money_in_emails_format: "${{amount}}",
    money_with_currency_in_emails_format: `\${{amount}} ${currency}`,
    eligible_for_payments: true,
    requires_extra_payments_agreement: false,
    password_enabled: true,
    has_storefront: true,
    finances: true,
    primary_location_id: legacyIdOrNull(shop.primaryLocationId),
    checkout_api_supported: false,
    multi_location_enabled: true,
    setup_required: false,
    pre_launch_enabled: false,
    enabled_presentment_currencies: [currency],
    marketing_sms_consent_enabled_at_checkout: false,
    transactional_sms_disabled: false,
  };
}

type ComplianceShopInput = { shopId: string /* gid://shopify/Shop/… */; shopDomain: string };
type ComplianceCustomerInput = {
  id: string; // gid://shopify/Customer/…
  email: string | null;
  phone: string | null;
};

/** shop/redact: Shopify sends it 48 hours after uninstall (https://shopify.dev/changelog/apps-now-need-to-use-gdpr-webhooks). */
export function shopRedactPayload(input: ComplianceShopInput) {
  return { shop_id: legacyIdFromGid(input.shopId), shop_domain: input.shopDomain };
}

function complianceCustomer(c: ComplianceCustomerInput) {
  return { id: legacyIdFromGid(c.id), email: c.email, phone: c.phone };
}

export function customersRedactPayload(
  input: ComplianceShopInput & { customer: ComplianceCustomerInput; ordersToRedact: readonly string[] },
) {
  return {
    shop_id: legacyIdFromGid(input.shopId),
    shop_domain: input.shopDomain,
    customer: complianceCustomer(input.customer),
    orders_to_redact: input.ordersToRedact.map(legacyIdFromGid),
  };
}

export function customersDataRequestPayload(
  input: ComplianceShopInput & {
    customer: ComplianceCustomerInput;
    ordersRequested: readonly string[];
    dataRequestId: string | number;
  },
) {
  return {
    shop_id: legacyIdFromGid(input.shopId),
    shop_domain: input.shopDomain,
    customer: complianceCustomer(input.customer),
    orders_requested: input.ordersRequested.map(legacyIdFromGid),
    data_request: { id: Number(input.dataRequestId) },
  };
}
