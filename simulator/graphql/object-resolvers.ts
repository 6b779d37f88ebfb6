// Field resolvers for Order, LineItem, FulfillmentOrder and related objects.
// Fields not listed here are answered from own properties of the record, or fail
// loudly (see execute.ts).
import { displayFulfillmentStatus, fulfilledQuantity, orderTotal } from "../domain/order-status";
import { supportedActions } from "../domain/supported-actions";
import { linesByStock } from "../domain/inventory";
import { NOT_STOCKED, PARTLY_STOCKED } from "../operations/move";
import { gidNumber } from "../ids";
import type {
  SimAddress,
  SimCustomer,
  SimFulfillment,
  SimFulfillmentHold,
  SimFulfillmentOrder,
  SimFulfillmentOrderLineItem,
  SimLineItem,
  SimLocation,
  SimMerchantRequest,
  SimOrder,
  SimRefund,
} from "../types";
import { connection, type ConnectionArgs } from "./connection";
import { field, type ResolverMap } from "./context";
import { moneyBag } from "./money";
import { filterFulfillmentOrders } from "./query-resolvers";

// https://shopify.dev/docs/api/admin-graphql/latest/objects/OrderRiskSummary
const RECOMMENDATION = { LOW: "ACCEPT", MEDIUM: "INVESTIGATE", HIGH: "CANCEL" } as const;

const HOLD_REASON_TEXT: Record<string, string> = {
  AWAITING_PAYMENT: "Awaiting payment",
  AWAITING_RETURN_ITEMS: "Awaiting return items",
  HIGH_RISK_OF_FRAUD: "High risk of fraud",
  INCORRECT_ADDRESS: "Incorrect address",
  INVENTORY_OUT_OF_STOCK: "Inventory out of stock",
  ONLINE_STORE_POST_PURCHASE_CROSS_SELL: "Online store post purchase cross sell",
  OTHER: "Other",
  UNKNOWN_DELIVERY_DATE: "Unknown delivery date",
};

/** Order.shippingAddress as a MailingAddress. */
function mailingAddress(ownerId: string, a: SimAddress) {
  return {
    id: `gid://shopify/MailingAddress/${gidNumber(ownerId)}`,
    firstName: a.firstName,
    lastName: a.lastName,
    address1: a.address1,
    address2: null,
    city: a.city,
    zip: a.zip,
    province: a.province,
    provinceCode: a.provinceCode,
    countryCode: a.countryCode,
    countryCodeV2: a.countryCode,
  };
}

function lineItemOf(order: SimOrder, id: string): SimLineItem | undefined {
  return order.lineItems.find((li) => li.id === id);
}

export const objectResolvers: ResolverMap = {
  Order: {
    legacyResourceId: field<SimOrder>((o) => String(gidNumber(o.id))),
    currencyCode: field<SimOrder>((o) => o.currency),
    email: field<SimOrder>((o) => o.customer?.email ?? null),
    closed: field<SimOrder>((o) => o.closedAt !== null),
    displayFinancialStatus: field<SimOrder>((o) => o.financialStatus),
    // The simulator models no returns.
    returnStatus: field<SimOrder>(() => "NO_RETURN"),
    displayFulfillmentStatus: field<SimOrder>((o, _a, ctx) => displayFulfillmentStatus(ctx.state, o)),
    fullyPaid: field<SimOrder>((o) => o.financialStatus === "PAID"),
    fulfillable: field<SimOrder>(
      (o, _a, ctx) =>
        o.cancelledAt === null && fulfilledQuantity(ctx.state, o) < o.lineItems.reduce((n, li) => n + li.quantity, 0),
    ),
    paymentGatewayNames: field<SimOrder>((o) => [o.gateway]),
    // "Details of an order's cancellation, if it has been canceled."
    // https://shopify.dev/docs/api/admin-graphql/latest/objects/Order#field-Order.fields.cancellation
    cancellation: field<SimOrder>((o) => (o.cancelledAt ? { staffNote: o.cancelStaffNote } : null)),
    totalPriceSet: field<SimOrder>((o) => moneyBag(orderTotal(o), o.currency)),
    currentTotalPriceSet: field<SimOrder>((o) => moneyBag(o.cancelledAt ? "0.00" : orderTotal(o), o.currency)),
    subtotalPriceSet: field<SimOrder>((o) => moneyBag(orderTotal(o), o.currency)),
    risk: field<SimOrder>((o) => ({
      recommendation: RECOMMENDATION[o.riskLevel],
      assessments: [{ riskLevel: o.riskLevel, facts: [], provider: null }],
    })),
    paymentTerms: field<SimOrder>((o, _a, ctx) => {
      if (!o.paymentTermsDueAt) return null;
      const overdue = ctx.state.nowIso() > o.paymentTermsDueAt && o.financialStatus !== "PAID";
      return {
        id: `gid://shopify/PaymentTerms/${gidNumber(o.id)}`,
        due: ctx.state.nowIso() >= o.paymentTermsDueAt,
        overdue,
        dueInDays: null,
        paymentTermsName: "Fixed",
        paymentTermsType: "FIXED",
        translatedName: "Due on date",
        schedule: {
          id: `gid://shopify/PaymentSchedule/${gidNumber(o.id)}`,
          dueAt: o.paymentTermsDueAt,
          issuedAt: o.createdAt,
          completedAt: null,
        },
      };
    }),
    lineItems: field<SimOrder>((o, args) => connection(o.lineItems, args as ConnectionArgs)),
    // "Returns `null` for digital orders or orders that don't require shipping."
    // https://shopify.dev/docs/api/admin-graphql/latest/objects/Order#field-Order.fields.shippingAddress
    shippingAddress: field<SimOrder>((o) => (o.shippingAddress ? mailingAddress(o.id, o.shippingAddress) : null)),
    fulfillmentOrders: field<SimOrder>((o, args, ctx) => {
      const fos = filterFulfillmentOrders(ctx.state.fulfillmentOrdersOf(o.id), args.query);
      return connection(
        args.displayable === true ? fos.filter((fo) => fo.status !== "CANCELLED") : fos,
        args as ConnectionArgs,
      );
    }),
    fulfillments: field<SimOrder>((o, args, ctx) => {
      const all = ctx.state.fulfillmentsOf(o.id);
      return typeof args.first === "number" ? all.slice(0, args.first) : all;
    }),
    refunds: field<SimOrder>((o, args) =>
      typeof args.first === "number" ? o.refunds.slice(0, args.first) : o.refunds,
    ),
    totalRefundedSet: field<SimOrder>((o) =>
      moneyBag(
        (o.refunds.reduce((cents, r) => cents + Math.round(Number(r.amount) * 100), 0) / 100).toFixed(2),
        o.currency,
      ),
    ),
  },
  Refund: {
    totalRefundedSet: field<SimRefund>((r, _a, ctx) => moneyBag(r.amount, ctx.state.shop(ctx.shop).currency)),
  },
  PaymentTerms: {
    paymentSchedules: field<{ schedule: { id: string } }>((p, args) =>
      connection([p.schedule], args as ConnectionArgs),
    ),
  },
  Customer: {
    displayName: field<SimCustomer>((c) => `${c.firstName} ${c.lastName}`.trim()),
  },
  LineItem: {
    name: field<SimLineItem>((li) => li.title),
    variantTitle: field<SimLineItem>(() => null),
    currentQuantity: field<SimLineItem>((li) => li.quantity),
    originalUnitPriceSet: field<SimLineItem>((li, _a, ctx) => moneyBag(li.price, ctx.state.shop(ctx.shop).currency)),
    requiresShipping: field<SimLineItem>(() => true),
    // "The name of the vendor who made the variant", kept on the line as the order was placed.
    // https://shopify.dev/docs/api/admin-graphql/latest/objects/LineItem#field-LineItem.fields.vendor
    vendor: field<SimLineItem>((li) => li.vendor ?? null),
    // "The Product object associated with this line item's variant": nullable, and null once the
    // product is deleted (the docs don't say; a deleted product can't be read, so the stricter null).
    // https://shopify.dev/docs/api/admin-graphql/latest/objects/LineItem#field-LineItem.fields.product
    product: field<SimLineItem>((li, _a, ctx) => {
      const shop = ctx.state.shop(ctx.shop);
      const productId = shop.variants.find((v) => v.id === li.variantId)?.productId;
      const product = shop.products.find((p) => p.id === productId);
      return product && !product.deleted ? product : null;
    }),
    variant: field<SimLineItem>((li, _a, ctx) => {
      const v = ctx.state.shop(ctx.shop).variants.find((x) => x.id === li.variantId);
      return v ? { id: v.id, title: v.title, sku: v.sku, price: v.price, displayName: v.title } : null;
    }),
    unfulfilledQuantity: field<SimLineItem>((li, _a, ctx) => {
      const done = ctx.state
        .shop(ctx.shop)
        .fulfillments.filter((f) => f.status === "SUCCESS")
        .flatMap((f) => f.lineItems)
        .filter((x) => x.lineItemId === li.id)
        .reduce((n, x) => n + x.quantity, 0);
      return li.quantity - done;
    }),
  },
  FulfillmentOrder: {
    order: field<SimFulfillmentOrder>((fo, _a, ctx) => ctx.state.order(fo.orderId)),
    orderName: field<SimFulfillmentOrder>((fo, _a, ctx) => ctx.state.order(fo.orderId).name),
    orderProcessedAt: field<SimFulfillmentOrder>((fo, _a, ctx) => ctx.state.order(fo.orderId).processedAt),
    fulfillBy: field<SimFulfillmentOrder>(() => null),
    // "The destination where the items should be sent": the order's shipping address. A pickup FO
    // is collected, not sent, so it has none (the docs don't say; the stricter choice).
    // https://shopify.dev/docs/api/admin-graphql/latest/objects/FulfillmentOrderDestination
    destination: field<SimFulfillmentOrder>((fo, _a, ctx) => {
      const address = ctx.state.order(fo.orderId).shippingAddress;
      if (!address || fo.deliveryMethod === "PICK_UP") return null;
      return {
        id: `gid://shopify/FulfillmentOrderDestination/${gidNumber(fo.id)}`,
        firstName: address.firstName,
        lastName: address.lastName,
        address1: address.address1,
        address2: null,
        city: address.city,
        zip: address.zip,
        province: address.province,
        countryCode: address.countryCode,
        company: null,
        email: null,
        phone: null,
        location: null,
      };
    }),
    assignedLocation: field<SimFulfillmentOrder>((fo, _a, ctx) => {
      const loc = ctx.state.location(ctx.shop, fo.locationId);
      return {
        name: loc?.name ?? "",
        location: loc ?? null,
        countryCode: "US",
        address1: null,
        address2: null,
        city: null,
        province: null,
        zip: null,
        phone: null,
      };
    }),
    deliveryMethod: field<SimFulfillmentOrder>((fo) => ({
      id: `gid://shopify/DeliveryMethod/${gidNumber(fo.id)}`,
      methodType: fo.deliveryMethod === "PICK_UP" ? "PICK_UP" : fo.deliveryMethod,
      presentedName: fo.deliveryMethod === "PICK_UP" ? "Pickup in store" : "Standard",
      serviceCode: null,
      minDeliveryDateTime: null,
      maxDeliveryDateTime: null,
    })),
    supportedActions: field<SimFulfillmentOrder>((fo, _a, ctx) =>
      supportedActions(ctx.state, fo).map((action) => ({ action, externalUrl: null })),
    ),
    fulfillmentHolds: field<SimFulfillmentOrder>((fo) => fo.holds),
    lineItems: field<SimFulfillmentOrder>((fo, args) => connection(fo.lineItems, args as ConnectionArgs)),
    merchantRequests: field<SimFulfillmentOrder>((fo, args) => {
      const all = args.kind ? fo.merchantRequests.filter((r) => r.kind === args.kind) : fo.merchantRequests;
      return connection(
        all.map((r) => ({ ...r, foId: fo.id })),
        args as ConnectionArgs,
      );
    }),
    fulfillments: field<SimFulfillmentOrder>((fo, args, ctx) => {
      const all = ctx.state.shop(ctx.shop).fulfillments.filter((f) => fo.fulfillmentIds.includes(f.id));
      return connection(all, args as ConnectionArgs);
    }),
    // Every other active location is a candidate; the simulator stocks every
    // variant everywhere, so all remaining items count as movable.
    // https://shopify.dev/docs/api/admin-graphql/latest/objects/FulfillmentOrder#field-FulfillmentOrder.fields.locationsForMove
    locationsForMove: field<SimFulfillmentOrder>((fo, args, ctx) => {
      const ids = args.locationIds as string[] | null | undefined;
      // Per location: the lines it stocks can move there, the others can't (fulfillmentOrderMove
      // refuses an item the destination doesn't stock); `message` is "the reason why the
      // fulfillment order, or some of its line items, can't be moved to the location".
      // https://shopify.dev/docs/api/admin-graphql/latest/objects/FulfillmentOrderLocationForMove
      const canMove = supportedActions(ctx.state, fo).includes("MOVE");
      const candidates = ctx.state
        .shop(ctx.shop)
        .locations.filter((l) => l.active && l.id !== fo.locationId && (!ids || ids.includes(l.id)))
        .map((location) => {
          const { stocked, unstocked } = linesByStock(ctx.state, fo, location.id);
          const available = canMove ? stocked : [];
          const unavailable = canMove ? unstocked : [...stocked, ...unstocked];
          const message = !canMove
            ? "Fulfillment order can't be moved in its current state."
            : stocked.length === 0
              ? NOT_STOCKED
              : unstocked.length
                ? PARTLY_STOCKED
                : null;
          return {
            id: location.id,
            location,
            movable: available.length > 0,
            message,
            availableLineItemsCount: { count: available.length, precision: "EXACT" },
            unavailableLineItemsCount: { count: unavailable.length, precision: "EXACT" },
            availableLineItems: available,
            unavailableLineItems: unavailable,
          };
        });
      return connection(candidates, args as ConnectionArgs);
    }),
  },
  FulfillmentOrderLocationForMove: {
    availableLineItems: field<{ availableLineItems: SimFulfillmentOrderLineItem[] }>((m, args) =>
      connection(m.availableLineItems, args as ConnectionArgs),
    ),
    unavailableLineItems: field<{ unavailableLineItems: SimFulfillmentOrderLineItem[] }>((m, args) =>
      connection(m.unavailableLineItems, args as ConnectionArgs),
    ),
  },
  FulfillmentOrderMerchantRequest: {
    fulfillmentOrder: field<SimMerchantRequest & { foId: string }>((r, _a, ctx) => ctx.state.fulfillmentOrder(r.foId)),
  },
  FulfillmentOrderLineItem: {
    lineItem: field<SimFulfillmentOrderLineItem>((li, _a, ctx) => {
      for (const o of ctx.state.shop(ctx.shop).orders) {
        const hit = lineItemOf(o, li.lineItemId);
        if (hit) return hit;
      }
      return null;
    }),
    sku: field<SimFulfillmentOrderLineItem>(
      (li, _a, ctx) =>
        ctx.state
          .shop(ctx.shop)
          .orders.flatMap((o) => o.lineItems)
          .find((x) => x.id === li.lineItemId)?.sku ?? null,
    ),
    productTitle: field<SimFulfillmentOrderLineItem>(
      (li, _a, ctx) =>
        ctx.state
          .shop(ctx.shop)
          .orders.flatMap((o) => o.lineItems)
          .find((x) => x.id === li.lineItemId)?.title ?? "",
    ),
    variantTitle: field<SimFulfillmentOrderLineItem>(() => null),
    requiresShipping: field<SimFulfillmentOrderLineItem>(() => true),
    // https://shopify.dev/docs/api/admin-graphql/latest/objects/FulfillmentOrderLineItemWarning
    warnings: field<SimFulfillmentOrderLineItem>((li) => li.warnings ?? []),
  },
  FulfillmentHold: {
    displayReason: field<SimFulfillmentHold>((h) => HOLD_REASON_TEXT[h.reason] ?? h.reason),
    heldByRequestingApp: field<SimFulfillmentHold>((h, _a, ctx) => h.heldByApp?.apiKey === ctx.app.apiKey),
  },
  App: {
    handle: field<{ title: string }>((a) => a.title.toLowerCase().replace(/[^a-z0-9]+/g, "-")),
  },
  Location: {
    isActive: field<SimLocation>((l) => l.active),
    isFulfillmentService: field<SimLocation>((l) => l.kind === "fulfillment_service"),
    fulfillsOnlineOrders: field<SimLocation>((l) => l.active),
    shipsInventory: field<SimLocation>((l) => l.kind !== "pickup"),
    legacyResourceId: field<SimLocation>((l) => String(gidNumber(l.id))),
    fulfillmentService: field<SimLocation>((l) =>
      l.kind === "fulfillment_service"
        ? {
            id: `gid://shopify/FulfillmentService/${gidNumber(l.id)}`,
            serviceName: l.fulfillmentServiceName ?? l.name,
            handle: (l.fulfillmentServiceName ?? l.name).toLowerCase().replace(/[^a-z0-9]+/g, "-"),
            type: "THIRD_PARTY",
          }
        : null,
    ),
  },
  Fulfillment: {
    legacyResourceId: field<SimFulfillment>((f) => String(gidNumber(f.id))),
    order: field<SimFulfillment>((f, _a, ctx) => ctx.state.order(f.orderId)),
    location: field<SimFulfillment>((f, _a, ctx) => ctx.state.location(ctx.shop, f.locationId) ?? null),
    totalQuantity: field<SimFulfillment>((f) => f.lineItems.reduce((n, li) => n + li.quantity, 0)),
    // A local-pickup fulfillment is the customer collecting it, "Displayed as Picked up"; others
    // "Fulfilled" (the simulator has no carrier tracking events to move them further).
    // https://shopify.dev/docs/api/admin-graphql/latest/enums/FulfillmentDisplayStatus
    displayStatus: field<SimFulfillment>((f, _a, ctx) => {
      if (f.status !== "SUCCESS") return "CANCELED";
      const pickup = f.fulfillmentOrderIds.some((id) => ctx.state.fulfillmentOrder(id).deliveryMethod === "PICK_UP");
      return pickup ? "PICKED_UP" : "FULFILLED";
    }),
    trackingInfo: field<SimFulfillment>((f, args) =>
      typeof args.first === "number" ? f.trackingInfo.slice(0, args.first) : f.trackingInfo,
    ),
    fulfillmentOrders: field<SimFulfillment>((f, args, ctx) =>
      connection(
        ctx.state.shop(ctx.shop).fulfillmentOrders.filter((fo) => f.fulfillmentOrderIds.includes(fo.id)),
        args as ConnectionArgs,
      ),
    ),
    fulfillmentLineItems: field<SimFulfillment>((f, args, ctx) => {
      const order = ctx.state.order(f.orderId);
      const items = f.lineItems.map((li) => ({
        id: `gid://shopify/FulfillmentLineItem/${gidNumber(li.fulfillmentOrderLineItemId)}`,
        quantity: li.quantity,
        lineItem: lineItemOf(order, li.lineItemId) ?? null,
      }));
      return connection(items, args as ConnectionArgs);
    }),
  },
};
