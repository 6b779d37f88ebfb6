// Public entry point of the Shopify store simulator: set up shops and orders,
// act as a 3PL fulfillment service, inject failures, read the truth, and serve
// Admin API requests through `fetch`/`graphql`.
import type { SchemaVersion } from "./admin-schema";
import { runGraphQL, type GraphQLBody } from "./graphql/execute";
import { bucketSpec, refill } from "./graphql/throttle";
import { simulatorFetch, type FailureRule } from "./http/fetch-handler";
import { issueToken } from "./http/token-exchange";
import { isoSeconds } from "./ids";
import { touch } from "./domain/fulfillment-order-records";
import { displayFulfillmentStatus } from "./domain/order-status";
import {
  acceptCancellationRequest,
  acceptFulfillmentRequest,
  closeAsIncomplete,
  rejectCancellationRequest,
  rejectFulfillmentRequest,
  type RejectionInput,
} from "./operations/fulfillment-requests";
import { fulfillAsService } from "./operations/fulfillments";
import { runDueJobs } from "./operations/order-cancel";
import { completePostPurchase, createOrder, markPaid, setOrderTags, type CreateOrderInput } from "./operations/orders";
import * as postPurchase from "./operations/post-purchase";
import { StoreState, SimulatorError } from "./store-state";
import type {
  AppRef,
  InventoryLevel,
  LocationKind,
  PlanInput,
  SimFulfillment,
  SimFulfillmentHold,
  SimFulfillmentOrder,
  SimLocation,
  OrderCancelJobError,
  SimOrder,
  SimProduct,
  SimShop,
  SimVariant,
  WebhookEvent,
  WebhookSink,
} from "./types";
import { foWithHolds, holdInput, shopInput } from "./webhook-payloads";

export type { CreateOrderInput };

interface StoreSimulatorOptions {
  apiKey: string;
  apiSecret: string;
  now?: () => Date;
  webhooks?: WebhookSink;
  appTitle?: string;
}

interface CreateShopInput {
  domain: string;
  name?: string;
  plan?: PlanInput;
  currency?: string;
  /** IANA time zone; UTC unless given. */
  timezone?: string;
  accessToken?: string;
  scopes?: string;
}

export class StoreSimulator {
  /** Every webhook event emitted (also when a custom sink is plugged in). */
  readonly emitted: WebhookEvent[] = [];
  readonly app: AppRef;
  private readonly state: StoreState;
  private readonly failures: FailureRule[] = [];
  private readonly otherApps = new Map<string, AppRef>();
  private readonly creds: { apiKey: string; apiSecret: string };

  constructor(options: StoreSimulatorOptions) {
    this.creds = { apiKey: options.apiKey, apiSecret: options.apiSecret };
    this.app = { id: "gid://shopify/App/4242", title: options.appTitle ?? "Fulfillment Desk", apiKey: options.apiKey };
    const sink = options.webhooks;
    const recorder: WebhookSink = {
      emit: (e) => {
        this.emitted.push(e);
        sink?.emit(e);
      },
    };
    this.state = new StoreState(options.now ?? (() => new Date()), recorder, this.app);
  }

  // ---- setup ---------------------------------------------------------------

  createShop(input: CreateShopInput): SimShop {
    if (this.state.shops.has(input.domain)) throw new SimulatorError(`Shop ${input.domain} already exists`);
    const plan = input.plan ?? "standard";
    const shop: SimShop = {
      id: this.state.newId("Shop"),
      domain: input.domain,
      name: input.name ?? input.domain.replace(/\.myshopify\.com$/, ""),
      currency: input.currency ?? "USD",
      timezone: input.timezone ?? "UTC",
      plan,
      scopes:
        input.scopes ??
        "read_orders,write_orders,read_merchant_managed_fulfillment_orders,write_merchant_managed_fulfillment_orders,read_third_party_fulfillment_orders,write_third_party_fulfillment_orders,read_locations",
      installed: true,
      bucket: { available: bucketSpec(plan).bucketSize, updatedAtMs: this.state.nowMs() },
      tokens: [],
      locations: [],
      variants: [],
      products: [],
      inventory: {},
      orders: [],
      fulfillmentOrders: [],
      fulfillments: [],
      jobs: [],
      nextOrderNumber: 1001,
    };
    this.state.shops.set(shop.domain, shop);
    if (input.accessToken) issueToken(shop, "offline", this.state.nowMs(), false, input.accessToken);
    return structuredClone(shop);
  }

  addLocation(domain: string, input: { name: string; kind: LocationKind; active?: boolean }): SimLocation {
    const now = this.state.nowIso();
    const location: SimLocation = {
      id: this.state.newId("Location"),
      name: input.name,
      kind: input.kind,
      active: input.active ?? true,
      createdAt: now,
      updatedAt: now,
      fulfillmentServiceName: input.kind === "fulfillment_service" ? input.name : null,
    };
    this.state.shop(domain).locations.push(location);
    return { ...location };
  }

  /** A product with one variant; `vendor` and `productTags` are what rules read of its order lines. */
  addVariant(
    domain: string,
    input: {
      title: string;
      sku: string;
      price: string;
      inventory: Record<string, number>;
      vendor?: string | null;
      productTags?: readonly string[];
    },
  ): SimVariant {
    const product: SimProduct = {
      id: this.state.newId("Product"),
      title: input.title,
      vendor: input.vendor ?? null,
      tags: [...(input.productTags ?? [])],
      deleted: false,
    };
    const variant: SimVariant = {
      id: this.state.newId("ProductVariant"),
      title: input.title,
      sku: input.sku,
      price: input.price,
      productId: product.id,
    };
    const shop = this.state.shop(domain);
    shop.products.push(product);
    shop.variants.push(variant);
    for (const [locationId, available] of Object.entries(input.inventory)) {
      this.state.inventory(domain, variant.id, locationId).available = available;
    }
    return { ...variant };
  }

  /** A staff member retags the variant's product (Product.tags is replaced, as productUpdate does). */
  setProductTags(domain: string, variantId: string, tags: readonly string[]): void {
    this.productOf(domain, variantId).tags = [...tags];
  }

  /** The variant's product is deleted: order lines keep their vendor, LineItem.product reads null. */
  deleteProduct(domain: string, variantId: string): void {
    this.productOf(domain, variantId).deleted = true;
  }

  private productOf(domain: string, variantId: string): SimProduct {
    const shop = this.state.shop(domain);
    const variant = shop.variants.find((v) => v.id === variantId);
    const product = variant && shop.products.find((p) => p.id === variant.productId);
    if (!product) throw new SimulatorError(`Unknown variant ${variantId} in ${domain}`);
    return product;
  }

  /** Returns a copy as created; read later state with getOrder. */
  createOrder(domain: string, input: CreateOrderInput): SimOrder {
    return structuredClone(createOrder(this.state, domain, input));
  }

  completePostPurchase(
    orderId: string,
    input: { addLineItems?: { variantId: string; quantity: number }[] } = {},
  ): void {
    completePostPurchase(this.state, orderId, input);
  }

  // ---- the buyer at checkout's post-purchase step (operations/post-purchase.ts) ----

  /** Places the order with the post-purchase hold; returns the extension's reference id and input token. */
  checkout(domain: string, input: postPurchase.CheckoutInput): postPurchase.CheckoutResult {
    const result = postPurchase.checkout(this.state, this.creds.apiSecret, domain, input);
    return { ...result, order: structuredClone(result.order) };
  }

  /** The extension's `applyChangeset(token)`, answered as Shopify would. */
  applyChangeset(referenceId: string, changesetToken: string): postPurchase.ApplyChangesetResult {
    return postPurchase.applyChangeset(this.state, this.creds.apiSecret, referenceId, changesetToken);
  }

  /** The extension's `calculateChangeset({ changes })`. */
  calculateChangeset(referenceId: string, changes: unknown): postPurchase.CalculateChangesetResult {
    return postPurchase.calculateChangeset(this.state, referenceId, changes);
  }

  /** The buyer declines the offer: the hold is released, nothing is added. */
  declinePostPurchase(referenceId: string): void {
    postPurchase.leavePostPurchase(this.state, referenceId);
  }

  /** The buyer goes on to the thank-you page: the hold is released, nothing is added. */
  reachThankYou(referenceId: string): void {
    postPurchase.leavePostPurchase(this.state, referenceId);
  }

  markPaid(orderId: string): void {
    markPaid(this.state, orderId);
  }

  setOrderTags(orderId: string, tags: readonly string[]): void {
    setOrderTags(this.state, orderId, tags);
  }

  // ---- acting as the 3PL fulfillment service ---------------------------------

  acceptFulfillmentRequest(foId: string, opts: { message?: string } = {}): SimFulfillmentOrder {
    return structuredClone(acceptFulfillmentRequest(this.state, foId, opts));
  }

  rejectFulfillmentRequest(foId: string, opts: RejectionInput = {}): SimFulfillmentOrder {
    return structuredClone(rejectFulfillmentRequest(this.state, foId, opts));
  }

  /** Returns the replacement FO that goes back to the merchant. */
  /** The fulfillment service closes an accepted FO it can't complete (fulfillmentOrderClose). */
  closeAsIncomplete(foId: string, opts: { message?: string } = {}): SimFulfillmentOrder {
    return structuredClone(closeAsIncomplete(this.state, foId, opts));
  }

  acceptCancellationRequest(foId: string, opts: { message?: string } = {}): SimFulfillmentOrder {
    return structuredClone(acceptCancellationRequest(this.state, foId, opts));
  }

  rejectCancellationRequest(foId: string, opts: { message?: string } = {}): SimFulfillmentOrder {
    return structuredClone(rejectCancellationRequest(this.state, foId, opts));
  }

  fulfillAsService(foId: string, opts: { trackingNumber?: string } = {}): SimFulfillment {
    return structuredClone(fulfillAsService(this.state, foId, opts));
  }

  /** Seeds a hold placed by another app (e.g. a fraud app) on an FO. */
  placeHoldAsOtherApp(
    foId: string,
    input: { reason: string; handle?: string; appTitle: string; reasonNotes?: string },
  ): SimFulfillmentHold {
    const fo = this.state.fulfillmentOrder(foId);
    const other = this.otherApps.get(input.appTitle) ?? {
      id: `gid://shopify/App/${9001 + this.otherApps.size}`,
      title: input.appTitle,
      apiKey: `other-app-${this.otherApps.size + 1}`,
    };
    this.otherApps.set(input.appTitle, other);
    const hold: SimFulfillmentHold = {
      id: this.state.newId("FulfillmentHold"),
      reason: input.reason,
      reasonNotes: input.reasonNotes ?? null,
      handle: input.handle ?? null,
      externalId: null,
      heldByApp: other,
    };
    fo.holds.push(hold);
    fo.status = "ON_HOLD";
    touch(this.state, fo);
    this.state.emit(fo.shop, "fulfillment_holds/added", {
      fulfillmentOrderId: fo.id,
      hold: holdInput(hold, this.app.apiKey),
    });
    this.state.emit(fo.shop, "fulfillment_orders/placed_on_hold", {
      fulfillmentOrder: foWithHolds(fo, this.app.apiKey),
      remainingFulfillmentOrder: null,
      heldLineItems: fo.lineItems.map((li) => ({ id: li.id, quantity: li.remainingQuantity })),
      createdHold: holdInput(hold, this.app.apiKey),
    });
    return structuredClone(hold);
  }

  /** Activates or deactivates a location (e.g. a store that closed after orders were routed to it). */
  setLocationActive(locationId: string, active: boolean): void {
    for (const shop of this.state.shops.values()) {
      const location = shop.locations.find((l) => l.id === locationId);
      if (!location) continue;
      location.active = active;
      location.updatedAt = this.state.nowIso();
      return;
    }
    throw new SimulatorError(`Unknown location ${locationId}`);
  }

  uninstallApp(domain: string): void {
    const shop = this.state.shop(domain);
    shop.installed = false;
    shop.tokens = [];
    this.state.emit(domain, "app/uninstalled", shopInput(shop));
  }

  // ---- test controls -------------------------------------------------------

  failNext(rule: { count?: number; status?: 500 | 502 | 503 | 504; operationName?: string } = {}): void {
    this.failures.push({
      count: rule.count ?? 1,
      status: rule.status ?? 503,
      ...(rule.operationName ? { operationName: rule.operationName } : {}),
    });
  }

  /**
   * The next orderCancel job of this order fails when it runs: the job is done, its result says
   * FAILED with this error, and the order is left as it was.
   */
  failOrderCancel(orderId: string, error: Partial<OrderCancelJobError> = {}): void {
    this.state.order(orderId);
    this.state.orderCancelFailures.set(orderId, {
      field: error.field ?? null,
      message: error.message ?? "The order could not be cancelled.",
      code: error.code ?? "INTERNAL_ERROR",
    });
  }

  setPlan(domain: string, plan: PlanInput): void {
    const shop = this.state.shop(domain);
    refill(shop, this.state.nowMs());
    shop.plan = plan;
    shop.bucket.available = Math.min(shop.bucket.available, bucketSpec(plan).bucketSize);
  }

  setBucket(domain: string, bucket: { currentlyAvailable: number }): void {
    const shop = this.state.shop(domain);
    shop.bucket = { available: bucket.currentlyAvailable, updatedAtMs: this.state.nowMs() };
  }

  // ---- reading truth -------------------------------------------------------

  getOrder(id: string): SimOrder {
    runDueJobs(this.state);
    return structuredClone(this.state.order(id));
  }

  getFulfillmentOrder(id: string): SimFulfillmentOrder {
    runDueJobs(this.state);
    return structuredClone(this.state.fulfillmentOrder(id));
  }

  fulfillmentOrdersOf(orderId: string): SimFulfillmentOrder[] {
    runDueJobs(this.state);
    return structuredClone(this.state.fulfillmentOrdersOf(orderId));
  }

  /** The order's derived statuses, as the Admin API would report them. */
  orderStatus(orderId: string): {
    displayFulfillmentStatus: string;
    displayFinancialStatus: string;
    closed: boolean;
    cancelled: boolean;
  } {
    runDueJobs(this.state);
    const order = this.state.order(orderId);
    return {
      displayFulfillmentStatus: displayFulfillmentStatus(this.state, order),
      displayFinancialStatus: order.financialStatus,
      closed: order.closedAt !== null,
      cancelled: order.cancelledAt !== null,
    };
  }

  inventoryLevel(variantId: string, locationId: string): InventoryLevel {
    runDueJobs(this.state);
    for (const shop of this.state.shops.values()) {
      const level = shop.inventory[`${variantId}|${locationId}`];
      if (level) return { ...level };
    }
    return { available: 0, committed: 0 };
  }

  snapshot(domain: string): SimShop {
    runDueJobs(this.state);
    return structuredClone(this.state.shop(domain));
  }

  /**
   * Appends ready-made orders and FOs to a shop as they are, with no webhook: a long past
   * (thousands of old records) that scale tests need without replaying every operation.
   */
  importHistory(domain: string, records: { orders: SimOrder[]; fulfillmentOrders: SimFulfillmentOrder[] }): void {
    const shop = this.state.shop(domain);
    shop.orders.push(...records.orders.map((o) => ({ ...structuredClone(o), shop: domain })));
    shop.fulfillmentOrders.push(...records.fulfillmentOrders.map((fo) => ({ ...structuredClone(fo), shop: domain })));
  }

  /** Current simulator time as Shopify's DateTime string. */
  nowIso(): string {
    return isoSeconds(this.state.clock());
  }

  // ---- execution -----------------------------------------------------------

  readonly fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> =>
    simulatorFetch({ state: this.state, app: this.app, creds: this.creds, failures: this.failures }, input, init);

  /** Same execution path as `fetch` (cost, throttle, resolvers) minus HTTP and auth. */
  async graphql(
    domain: string,
    query: string,
    variables?: Record<string, unknown>,
    opts: { apiVersion?: SchemaVersion } = {},
  ): Promise<GraphQLBody> {
    return runGraphQL(this.state, domain, opts.apiVersion ?? "2026-10", this.app, {
      query,
      variables: variables ?? null,
    });
  }
}
