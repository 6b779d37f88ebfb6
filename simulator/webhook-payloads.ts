// Adapters from simulator records to the inputs of the webhook payload builders
// in ./webhooks/payloads.ts (shapes follow Shopify's samples,
// https://shopify.dev/docs/api/webhooks?reference=graphql).
import { displayFulfillmentStatus, orderTotal } from "./domain/order-status";
import { isPostPurchaseHold } from "./domain/post-purchase-hold";
import type { StoreState } from "./store-state";
import type { SimFulfillmentHold, SimFulfillmentOrder, SimOrder, SimShop } from "./types";
import { restFulfillmentStatus, type OrderPayloadInput, type ShopInput } from "./webhooks/payloads";
import type { FulfillmentHoldInput } from "./webhooks/fulfillment-order-payloads";

export function foRef(fo: SimFulfillmentOrder): { id: string; status: SimFulfillmentOrder["status"] } {
  return { id: fo.id, status: fo.status };
}

export function foRequestRef(fo: SimFulfillmentOrder): {
  id: string;
  status: SimFulfillmentOrder["status"];
  requestStatus: string;
} {
  return { id: fo.id, status: fo.status, requestStatus: fo.requestStatus };
}

export function holdInput(hold: SimFulfillmentHold, requestingApiKey: string): FulfillmentHoldInput {
  return {
    id: hold.id,
    reason: hold.reason,
    reasonNotes: hold.reasonNotes,
    heldByRequestingApp: hold.heldByApp !== null && hold.heldByApp.apiKey === requestingApiKey,
    handle: hold.handle,
    heldByAppId: hold.heldByApp?.id ?? null,
  };
}

export function foWithHolds(fo: SimFulfillmentOrder, apiKey: string) {
  return { ...foRef(fo), fulfillmentHolds: fo.holds.map((h) => holdInput(h, apiKey)) };
}

export function remainingQuantities(fo: SimFulfillmentOrder): { id: string; quantity: number }[] {
  return fo.lineItems
    .filter((li) => li.remainingQuantity > 0)
    .map((li) => ({ id: li.id, quantity: li.remainingQuantity }));
}

export function orderInput(state: StoreState, order: SimOrder): OrderPayloadInput {
  const fulfillments = state.fulfillmentsOf(order.id);
  const fulfilledOf = (lineItemId: string) =>
    fulfillments
      .filter((f) => f.status === "SUCCESS")
      .flatMap((f) => f.lineItems)
      .filter((li) => li.lineItemId === lineItemId)
      .reduce((n, li) => n + li.quantity, 0);
  // "Like an edited order, the fulfillable_quantity of line items on post-purchase eligible orders
  // [is] subject to change": it is 0 while Shopify's post-purchase hold is on
  // (https://shopify.dev/changelog/post-purchase-fulfillment-holds).
  const heldForOffer = new Set(
    state
      .fulfillmentOrdersOf(order.id)
      .filter((fo) => fo.holds.some(isPostPurchaseHold))
      .flatMap((fo) => fo.lineItems.map((li) => li.lineItemId)),
  );
  return {
    id: order.id,
    name: order.name,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
    processedAt: order.processedAt,
    cancelledAt: order.cancelledAt,
    cancelReason: (order.cancelReason as OrderPayloadInput["cancelReason"]) ?? null,
    closedAt: order.closedAt,
    financialStatus: order.financialStatus,
    fulfillmentStatus: restFulfillmentStatus(displayFulfillmentStatus(state, order)),
    tags: order.tags,
    currency: order.currency,
    email: order.customer?.email ?? null,
    note: order.note,
    shopDomain: order.shop,
    paymentGatewayNames: [order.gateway],
    totalPrice: orderTotal(order),
    customer: order.customer
      ? {
          id: order.customer.id,
          firstName: order.customer.firstName,
          lastName: order.customer.lastName,
          email: order.customer.email,
        }
      : null,
    lineItems: order.lineItems.map((li) => {
      const fulfilled = fulfilledOf(li.id);
      return {
        id: li.id,
        title: li.title,
        price: li.price,
        quantity: li.quantity,
        sku: li.sku,
        variantId: li.variantId,
        fulfillableQuantity: order.cancelledAt || heldForOffer.has(li.id) ? 0 : li.quantity - fulfilled,
        fulfillmentStatus: fulfilled >= li.quantity ? "fulfilled" : fulfilled > 0 ? "partial" : null,
      };
    }),
    fulfillments: fulfillments.map((f) => ({
      id: f.id,
      status: f.status.toLowerCase(),
      createdAt: f.createdAt,
      updatedAt: f.updatedAt,
      name: f.name,
      locationId: f.locationId,
      trackingCompany: f.trackingInfo[0]?.company ?? null,
      trackingNumbers: f.trackingInfo.flatMap((t) => (t.number ? [t.number] : [])),
      trackingUrls: f.trackingInfo.flatMap((t) => (t.url ? [t.url] : [])),
      lineItems: f.lineItems.map((li) => ({ id: li.lineItemId, quantity: li.quantity })),
    })),
  };
}

export function shopInput(shop: SimShop): ShopInput {
  return {
    id: shop.id,
    myshopifyDomain: shop.domain,
    name: shop.name,
    email: `owner@${shop.domain}`,
    currency: shop.currency,
    planName: typeof shop.plan === "string" ? shop.plan : "custom",
    primaryLocationId: shop.locations[0]?.id ?? null,
  };
}
