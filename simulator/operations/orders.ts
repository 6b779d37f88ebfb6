// Order lifecycle driven by the test harness (checkout, post-purchase, payment).
import { createHash } from "node:crypto";
import { commit } from "../domain/inventory";
import { refreshClosed } from "../domain/order-status";
import { newFoLine, touch } from "../domain/fulfillment-order-records";
import { isPostPurchaseHold, POST_PURCHASE_HOLD_MS, POST_PURCHASE_HOLD_REASON } from "../domain/post-purchase-hold";
import { isoSeconds } from "../ids";
import type { StoreState } from "../store-state";
import { SimulatorError } from "../store-state";
import { foRef, holdInput, orderInput } from "../webhook-payloads";
import type {
  DeliveryMethodType,
  FinancialStatus,
  RiskLevel,
  SimAddress,
  SimFulfillmentHold,
  SimFulfillmentOrder,
  SimLineItem,
  SimOrder,
} from "../types";

export interface CreateOrderInput {
  lineItems: { variantId: string; quantity: number }[];
  locationId?: string;
  deliveryMethod?: DeliveryMethodType;
  financialStatus?: FinancialStatus;
  gateway?: string;
  tags?: string[];
  customer?: { firstName: string; lastName: string; email: string };
  createdAt?: Date;
  postPurchaseOffer?: boolean;
  riskLevel?: RiskLevel;
  paymentTermsDueAt?: Date;
  note?: string;
  /** Where the order ships. Shipping orders default to DEFAULT_SHIPPING_ADDRESS; pickup orders have none. */
  shippingAddress?: ShippingAddressInput | null;
}

export interface ShippingAddressInput {
  countryCode: string;
  provinceCode?: string | null;
  /** The region's name; the code when not given. */
  province?: string | null;
  city?: string | null;
  zip?: string | null;
  address1?: string | null;
}

const DEFAULT_SHIPPING_ADDRESS: ShippingAddressInput = {
  countryCode: "CA",
  provinceCode: "ON",
  province: "Ontario",
  city: "Toronto",
  zip: "M5V 2T6",
  address1: "290 Bremner Blvd",
};

function shippingAddressOf(input: CreateOrderInput, deliveryMethod: DeliveryMethodType): SimAddress | null {
  const address =
    input.shippingAddress === undefined
      ? deliveryMethod === "PICK_UP"
        ? null
        : DEFAULT_SHIPPING_ADDRESS
      : input.shippingAddress;
  if (!address) return null;
  const provinceCode = address.provinceCode ?? null;
  return {
    firstName: input.customer?.firstName ?? null,
    lastName: input.customer?.lastName ?? null,
    address1: address.address1 ?? null,
    city: address.city ?? null,
    zip: address.zip ?? null,
    countryCode: address.countryCode,
    province: address.province ?? provinceCode,
    provinceCode,
  };
}

function buildLineItem(
  state: StoreState,
  shop: string,
  variantId: string,
  quantity: number,
  price?: string,
): SimLineItem {
  const variant = state.shop(shop).variants.find((v) => v.id === variantId);
  if (!variant) throw new SimulatorError(`Unknown variant ${variantId} in ${shop}`);
  const product = state.shop(shop).products.find((p) => p.id === variant.productId);
  return {
    id: state.newId("LineItem"),
    variantId,
    sku: variant.sku,
    title: variant.title,
    price: price ?? variant.price,
    quantity,
    vendor: product?.vendor ?? null,
  };
}

/**
 * A new unsubmitted FO for `lines` of `order` at `locationId`, stored in the shop, with their stock
 * committed there (checkout's routing, or the items an accepted offer added).
 */
function routeLines(
  state: StoreState,
  order: SimOrder,
  route: { locationId: string; deliveryMethod: DeliveryMethodType; at: string; holds: SimFulfillmentHold[] },
  lines: readonly SimLineItem[],
): SimFulfillmentOrder {
  const fo: SimFulfillmentOrder = {
    id: state.newId("FulfillmentOrder"),
    shop: order.shop,
    orderId: order.id,
    locationId: route.locationId,
    status: route.holds.length ? "ON_HOLD" : "OPEN",
    requestStatus: "UNSUBMITTED",
    deliveryMethod: route.deliveryMethod,
    lineItems: lines.map((li) => newFoLine(state, li.id, li.quantity)),
    holds: route.holds,
    merchantRequests: [],
    fulfillmentIds: [],
    preparedForPickup: false,
    createdAt: route.at,
    updatedAt: route.at,
    fulfillAt: route.at,
  };
  state.shop(order.shop).fulfillmentOrders.push(fo);
  for (const li of lines) commit(state, order.shop, li.variantId, route.locationId, li.quantity);
  return fo;
}

// Shopify's post-purchase hold (domain/post-purchase-hold.ts), placed at checkout: it lifts by
// itself 60 minutes after the order was placed.
function crossSellHold(state: StoreState, orderCreatedAt: string): SimFulfillmentHold {
  return {
    id: state.newId("FulfillmentHold"),
    reason: POST_PURCHASE_HOLD_REASON,
    reasonNotes: null,
    handle: null,
    externalId: null,
    heldByApp: null,
    releaseAt: isoSeconds(new Date(Date.parse(orderCreatedAt) + POST_PURCHASE_HOLD_MS)),
  };
}

export function createOrder(state: StoreState, domain: string, input: CreateOrderInput): SimOrder {
  const shop = state.shop(domain);
  const locationId = input.locationId ?? shop.locations.find((l) => l.kind !== "fulfillment_service" && l.active)?.id;
  if (!locationId || !state.location(domain, locationId))
    throw new SimulatorError(`No location to assign the order to in ${domain}`);
  const created = input.createdAt ? isoSeconds(input.createdAt) : state.nowIso();
  const number = shop.nextOrderNumber++;
  const deliveryMethod = input.deliveryMethod ?? "SHIPPING";
  const id = state.newId("Order");
  const order: SimOrder = {
    id,
    shop: domain,
    name: `#${number}`,
    createdAt: created,
    updatedAt: created,
    processedAt: created,
    cancelledAt: null,
    cancelReason: null,
    cancelStaffNote: null,
    closedAt: null,
    financialStatus: input.financialStatus ?? "PAID",
    gateway: input.gateway ?? "shopify_payments",
    tags: input.tags ?? [],
    note: input.note ?? null,
    customer: input.customer ? { id: state.newId("Customer"), ...input.customer } : null,
    currency: shop.currency,
    riskLevel: input.riskLevel ?? "LOW",
    paymentTermsDueAt: input.paymentTermsDueAt ? isoSeconds(input.paymentTermsDueAt) : null,
    deliveryMethod,
    shippingAddress: shippingAddressOf(input, deliveryMethod),
    lineItems: input.lineItems.map((li) => buildLineItem(state, domain, li.variantId, li.quantity)),
    // Derived, not random, so a seeded store is the same on every run.
    checkoutToken: createHash("sha256").update(`${domain}|${id}`).digest("hex").slice(0, 32),
    refunds: [],
  };
  shop.orders.push(order);
  const fo = routeLines(
    state,
    order,
    {
      locationId,
      deliveryMethod,
      at: created,
      holds: input.postPurchaseOffer ? [crossSellHold(state, created)] : [],
    },
    order.lineItems,
  );
  state.emit(domain, "orders/create", orderInput(state, order));
  if (order.financialStatus === "PAID") state.emit(domain, "orders/paid", orderInput(state, order));
  state.emit(domain, "fulfillment_orders/order_routing_complete", { fulfillmentOrder: foRef(fo) });
  return order;
}

/** An item an accepted offer adds; `price` is its unit price after the offer's discount. */
export interface PostPurchaseAddition {
  variantId: string;
  quantity: number;
  price?: string;
}

/**
 * The buyer answers the post-purchase offer. With `addLineItems` they accepted it: Shopify adds the
 * items as an order edit, so `orders/edited` arrives (then `orders/updated`). Without, they
 * declined it or reached the thank-you page. Either way the hold is released.
 *
 * Where the added items go: the docs only say that "additional line items will appear on the order"
 * (https://shopify.dev/changelog/post-purchase-fulfillment-holds) and that an order edit adds line
 * items (https://shopify.dev/docs/apps/build/orders-fulfillment/order-management-apps/edit-orders),
 * not which FO holds them. The stricter choice: a new FO at the held FO's location, so the app
 * can't assume the upsell rides along on the FO it already saw; fulfillmentOrderMerge can join them.
 */
export function completePostPurchase(
  state: StoreState,
  orderId: string,
  input: { addLineItems?: PostPurchaseAddition[] },
): void {
  const order = state.order(orderId);
  const fos = state.fulfillmentOrdersOf(orderId);
  const held = fos.filter((fo) => fo.holds.some(isPostPurchaseHold));
  const target = held[0] ?? fos[0];
  if (!target) throw new SimulatorError(`Order ${orderId} has no fulfillment order`);
  const added = (input.addLineItems ?? []).map((add) =>
    buildLineItem(state, order.shop, add.variantId, add.quantity, add.price),
  );
  releasePostPurchaseHolds(state, order, held);
  if (added.length) {
    order.lineItems.push(...added);
    const now = state.nowIso();
    routeLines(
      state,
      order,
      { locationId: target.locationId, deliveryMethod: target.deliveryMethod, at: now, holds: [] },
      added,
    );
    state.emit(order.shop, "orders/edited", {
      id: state.newId("OrderEdit"),
      orderId: order.id,
      createdAt: now,
      committedAt: now,
      lineItemAdditions: added.map((li) => ({ id: li.id, delta: li.quantity })),
    });
  }
  order.updatedAt = state.nowIso();
  state.emit(order.shop, "orders/updated", orderInput(state, order));
}

/** The buyer never answered: Shopify lifts every post-purchase hold 60 minutes after it was placed. */
export function releaseExpiredPostPurchaseHolds(state: StoreState): void {
  const now = state.nowMs();
  for (const shop of state.shops.values()) {
    const due = shop.fulfillmentOrders.filter((fo) =>
      fo.holds.some((h) => isPostPurchaseHold(h) && h.releaseAt !== undefined && Date.parse(h.releaseAt) <= now),
    );
    for (const orderId of new Set(due.map((fo) => fo.orderId))) {
      const order = state.order(orderId);
      releasePostPurchaseHolds(
        state,
        order,
        due.filter((fo) => fo.orderId === orderId),
      );
      order.updatedAt = state.nowIso();
      state.emit(order.shop, "orders/updated", orderInput(state, order));
    }
  }
}

function releasePostPurchaseHolds(state: StoreState, order: SimOrder, held: SimFulfillmentOrder[]): void {
  for (const fo of held) {
    const released = fo.holds.filter(isPostPurchaseHold);
    fo.holds = fo.holds.filter((h) => !released.includes(h));
    if (fo.holds.length === 0 && fo.status === "ON_HOLD") fo.status = "OPEN";
    touch(state, fo);
    for (const h of released) {
      state.emit(order.shop, "fulfillment_holds/released", {
        fulfillmentOrderId: fo.id,
        hold: holdInput(h, state.app.apiKey),
      });
    }
    state.emit(order.shop, "fulfillment_orders/hold_released", { fulfillmentOrder: foRef(fo) });
  }
}

/** A staff member edits the order's tags in Shopify admin: Shopify sends orders/updated. */
export function setOrderTags(state: StoreState, orderId: string, tags: readonly string[]): void {
  const order = state.order(orderId);
  order.tags = [...tags];
  order.updatedAt = state.nowIso();
  state.emit(order.shop, "orders/updated", orderInput(state, order));
}

export function markPaid(state: StoreState, orderId: string): void {
  const order = state.order(orderId);
  if (order.financialStatus === "PAID") return;
  order.financialStatus = "PAID";
  order.updatedAt = state.nowIso();
  refreshClosed(state, order);
  state.emit(order.shop, "orders/paid", orderInput(state, order));
  state.emit(order.shop, "orders/updated", orderInput(state, order));
}
