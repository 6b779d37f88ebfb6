// One realistic input per topic, exercising every optional branch that the
// samples populate. The shape tests build each and compare with Shopify's
// sample; the core and app tests can reuse them as examples.
import type { OrderPayloadInput } from "./order-payload";
import type { PayloadInput, PayloadTopic } from "./payloads";

const at = new Date("2026-11-20T15:04:05.000Z");
const SHOP = "fulfillment-desk-dev.myshopify.com";

const address = {
  firstName: "Ada",
  lastName: "Lovelace",
  address1: "12 Analytical Row",
  address2: null,
  city: "London",
  province: null,
  provinceCode: null,
  country: "United Kingdom",
  countryCode: "GB",
  zip: "N1 9GU",
  phone: "+44 20 7946 0000",
  company: null,
};

export const orderInput: OrderPayloadInput = {
  id: "gid://shopify/Order/1001",
  name: "#1001",
  createdAt: at,
  updatedAt: at,
  financialStatus: "PAID",
  fulfillmentStatus: null,
  tags: ["wholesale", "priority"],
  currency: "USD",
  email: "ada@example.com",
  shopDomain: SHOP,
  paymentGatewayNames: ["bogus"],
  lineItems: [
    {
      id: "gid://shopify/LineItem/2001",
      title: "Brass Telescope",
      price: "120.00",
      quantity: 2,
      sku: "TEL-BRASS",
      productId: "gid://shopify/Product/3001",
      variantId: "gid://shopify/ProductVariant/4001",
      grams: 900,
      attributedStaffs: [{ id: "gid://shopify/StaffMember/5001", quantity: 1 }],
    },
    { id: "gid://shopify/LineItem/2002", title: "Lens cloth", price: "4.50", quantity: 1, sku: null },
  ],
  shippingLines: [{ id: "gid://shopify/ShippingLine/6001", title: "Standard", price: "10.00" }],
  customer: {
    id: "gid://shopify/Customer/7001",
    firstName: "Ada",
    lastName: "Lovelace",
    email: "ada@example.com",
    defaultAddress: { ...address, id: "gid://shopify/MailingAddress/8001" },
  },
  billingAddress: address,
  shippingAddress: address,
};

const fo = (n: number, status: "open" | "OPEN" | "IN_PROGRESS" | "closed" | "cancelled" | "ON_HOLD" | "scheduled") => ({
  id: `gid://shopify/FulfillmentOrder/${n}`,
  status,
});
const hold = (n: number, reason: string) => ({
  id: `gid://shopify/FulfillmentHold/${n}`,
  reason,
  reasonNotes: "Waiting on the customer",
  handle: `hold-${n}`,
  heldByAppId: "gid://shopify/App/12345",
});
const foLine = (n: number, quantity: number) => ({ id: `gid://shopify/FulfillmentOrderLineItem/${n}`, quantity });

export const SAMPLE_INPUTS: { [T in PayloadTopic]: PayloadInput<T> } = {
  "orders/create": orderInput,
  "orders/updated": { ...orderInput, tags: ["wholesale"] },
  "orders/paid": orderInput,
  "orders/cancelled": {
    ...orderInput,
    cancelledAt: at,
    cancelReason: "CUSTOMER",
    financialStatus: "VOIDED",
  },
  "orders/fulfilled": {
    ...orderInput,
    fulfillmentStatus: "fulfilled",
    fulfillments: [
      {
        id: "gid://shopify/Fulfillment/9001",
        status: "SUCCESS",
        createdAt: at,
        trackingCompany: "UPS",
        trackingNumbers: ["1Z999"],
        lineItems: [
          { id: "gid://shopify/LineItem/2001", quantity: 2 },
          { id: "gid://shopify/LineItem/2002", quantity: 1 },
        ],
      },
    ],
  },
  "orders/partially_fulfilled": {
    ...orderInput,
    fulfillmentStatus: "partial",
    fulfillments: [
      {
        id: "gid://shopify/Fulfillment/9001",
        status: "success",
        createdAt: at,
        lineItems: [{ id: "gid://shopify/LineItem/2002", quantity: 1 }],
      },
    ],
  },
  "orders/edited": {
    id: "gid://shopify/OrderEdit/1101",
    orderId: "gid://shopify/Order/1001",
    createdAt: at,
    committedAt: at,
    lineItemAdditions: [{ id: "gid://shopify/LineItem/2003", delta: 1 }],
    lineItemRemovals: [{ id: "gid://shopify/LineItem/2002", delta: 1 }],
  },
  "orders/delete": { id: "gid://shopify/Order/1001" },
  "fulfillment_orders/cancellation_request_accepted": {
    fulfillmentOrder: fo(1, "closed"),
    message: "Not shipped yet.",
  },
  "fulfillment_orders/cancellation_request_rejected": {
    fulfillmentOrder: { ...fo(1, "IN_PROGRESS"), requestStatus: "CANCELLATION_REJECTED" },
    message: "Already shipped.",
  },
  "fulfillment_orders/cancellation_request_submitted": {
    fulfillmentOrder: { ...fo(1, "IN_PROGRESS"), requestStatus: "cancellation_request" },
    merchantRequest: { id: "gid://shopify/FulfillmentOrderMerchantRequest/1", message: "Customer cancelled" },
  },
  "fulfillment_orders/cancelled": { fulfillmentOrder: fo(1, "cancelled"), replacementFulfillmentOrder: fo(2, "open") },
  "fulfillment_orders/fulfillment_request_accepted": {
    fulfillmentOrder: { ...fo(1, "IN_PROGRESS"), requestStatus: "ACCEPTED" },
    message: "Shipping tomorrow.",
  },
  "fulfillment_orders/fulfillment_request_rejected": {
    fulfillmentOrder: { ...fo(1, "open"), requestStatus: "rejected" },
    message: "No inventory.",
  },
  "fulfillment_orders/fulfillment_request_submitted": {
    originalFulfillmentOrder: { ...fo(1, "open"), requestStatus: "UNSUBMITTED" },
    submittedFulfillmentOrder: { ...fo(1, "open"), requestStatus: "SUBMITTED" },
    merchantRequest: { id: "gid://shopify/FulfillmentOrderMerchantRequest/1", message: "Fragile" },
  },
  "fulfillment_orders/fulfillment_service_failed_to_complete": {
    fulfillmentOrder: fo(1, "closed"),
    message: "Broken item.",
  },
  "fulfillment_orders/hold_released": { fulfillmentOrder: fo(1, "OPEN") },
  "fulfillment_orders/line_items_prepared_for_local_delivery": { fulfillmentOrder: fo(1, "open") },
  "fulfillment_orders/line_items_prepared_for_pickup": { fulfillmentOrder: { ...fo(1, "open"), preparable: true } },
  "fulfillment_orders/manually_reported_progress_stopped": {
    fulfillmentOrder: fo(1, "open"),
    stoppedByAppId: "gid://shopify/App/12345",
    stoppedByUserId: "gid://shopify/StaffMember/12345",
  },
  "fulfillment_orders/merged": {
    mergeIntents: [
      { fulfillmentOrderId: "gid://shopify/FulfillmentOrder/1", lineItems: [foLine(1, 1)] },
      { fulfillmentOrderId: "gid://shopify/FulfillmentOrder/2", lineItems: [foLine(2, 1)] },
    ],
    fulfillmentOrder: fo(1, "open"),
  },
  "fulfillment_orders/moved": {
    originalFulfillmentOrder: { ...fo(1, "closed"), assignedLocationId: "gid://shopify/Location/10" },
    movedFulfillmentOrder: { ...fo(2, "open"), assignedLocationId: "gid://shopify/Location/11" },
    destinationLocationId: "gid://shopify/Location/11",
    lineItemsRequested: [foLine(1, 1)],
    sourceLocationId: "gid://shopify/Location/10",
  },
  "fulfillment_orders/order_routing_complete": { fulfillmentOrder: fo(1, "open") },
  "fulfillment_orders/placed_on_hold": {
    fulfillmentOrder: { ...fo(1, "ON_HOLD"), fulfillmentHolds: [hold(1, "OTHER"), hold(2, "INVENTORY_OUT_OF_STOCK")] },
    remainingFulfillmentOrder: fo(2, "open"),
    heldLineItems: [foLine(3, 4)],
    createdHold: hold(2, "INVENTORY_OUT_OF_STOCK"),
  },
  "fulfillment_orders/progress_reported": {
    fulfillmentOrder: fo(1, "IN_PROGRESS"),
    reasonNotes: "Packing",
    reportedByAppId: "gid://shopify/App/12345",
    reportedByUserId: "gid://shopify/StaffMember/12345",
    initialStatus: "OPEN",
  },
  "fulfillment_orders/rescheduled": { fulfillmentOrder: { ...fo(1, "scheduled"), fulfillAt: at } },
  "fulfillment_orders/scheduled_fulfillment_order_ready": { fulfillmentOrder: fo(1, "open") },
  "fulfillment_orders/split": {
    splitLineItems: [foLine(1, 1)],
    fulfillmentOrder: fo(1, "open"),
    remainingFulfillmentOrder: fo(2, "open"),
    replacementFulfillmentOrder: fo(3, "open"),
  },
  "fulfillment_holds/added": {
    fulfillmentOrderId: "gid://shopify/FulfillmentOrder/1",
    hold: hold(1, "AWAITING_PAYMENT"),
  },
  "fulfillment_holds/released": { fulfillmentOrderId: "gid://shopify/FulfillmentOrder/1", hold: hold(1, "other") },
  "app/uninstalled": {
    id: "gid://shopify/Shop/548380009",
    myshopifyDomain: SHOP,
    name: "Fulfillment Desk Dev",
    email: "owner@example.com",
    primaryLocationId: "gid://shopify/Location/10",
  },
  "shop/redact": { shopId: "gid://shopify/Shop/548380009", shopDomain: SHOP },
  "customers/redact": {
    shopId: "gid://shopify/Shop/548380009",
    shopDomain: SHOP,
    customer: { id: "gid://shopify/Customer/7001", email: "ada@example.com", phone: null },
    ordersToRedact: ["gid://shopify/Order/1001"],
  },
  "customers/data_request": {
    shopId: "gid://shopify/Shop/548380009",
    shopDomain: SHOP,
    customer: { id: "gid://shopify/Customer/7001", email: "ada@example.com", phone: "555-0100" },
    ordersRequested: ["gid://shopify/Order/1001"],
    dataRequestId: 9999,
  },
};
