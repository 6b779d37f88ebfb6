// The post-purchase step of checkout, as Shopify runs it for a `checkout_post_purchase` extension:
// the order is placed with Shopify's hold on every FO, the extension gets an input token signed by
// Shopify, and the app's signed changeset is verified and applied as an order edit.
// https://shopify.dev/docs/api/checkout-extensions/post-purchase/jwt-specification
// https://shopify.dev/docs/api/checkout-extensions/post-purchase/api
// https://shopify.dev/changelog/post-purchase-fulfillment-holds
import { signHs256, verifyHs256, type JwtClaims } from "../../app/auth/jwt.server";
import {
  discountedUnitCents,
  fromCents,
  parseChanges,
  toCents,
  type AddVariantChange,
  type ChangesetError,
  type ChangesetErrorCode,
} from "../domain/changeset";
import { isPostPurchaseHold } from "../domain/post-purchase-hold";
import { gidNumber } from "../ids";
import type { StoreState } from "../store-state";
import { SimulatorError } from "../store-state";
import type { SimFulfillmentOrder, SimOrder } from "../types";
import {
  completePostPurchase,
  createOrder,
  releaseExpiredPostPurchaseHolds,
  type CreateOrderInput,
  type PostPurchaseAddition,
} from "./orders";

export type CheckoutInput = Omit<CreateOrderInput, "postPurchaseOffer">;

export interface CheckoutResult {
  order: SimOrder;
  /** `inputData.initialPurchase.referenceId`: the order's checkoutToken. */
  referenceId: string;
  /** `inputData.token`: the input data, signed by Shopify with the app's secret. */
  inputToken: string;
}

interface MoneyBag {
  shopMoney: { amount: string; currencyCode: string };
  presentmentMoney: { amount: string; currencyCode: string };
}

export type ApplyChangesetResult =
  | { status: "processed"; errors: []; changesetApplicationsRemaining: number }
  | { status: "unprocessed"; errors: ChangesetError[]; changesetApplicationsRemaining: number };

export interface CalculatedPurchase {
  subtotalPriceSet: MoneyBag;
  totalPriceSet: MoneyBag;
  addedTaxLines: { priceSet: MoneyBag; rate: number; title: string }[];
  addedShippingLines: { priceSet: MoneyBag; presentmentTitle: string }[];
  updatedLineItems: {
    productId: number;
    variantId: number;
    productHandle: string;
    quantity: number;
    priceSet: MoneyBag;
    totalPriceSet: MoneyBag;
  }[];
  totalOutstandingSet: MoneyBag;
}

export type CalculateChangesetResult =
  | { status: "processed"; errors: []; calculatedPurchase: CalculatedPurchase }
  | { status: "unprocessed"; errors: ChangesetError[] };

/**
 * Shopify's signer and our backend may read clocks a moment apart; an `iat` further ahead than
 * this is refused. The docs give no tolerance; a minute keeps a milliseconds `iat` (about 1,000
 * times too large) far outside it.
 */
const IAT_FUTURE_TOLERANCE_SECONDS = 60;

/** The order is placed with the post-purchase hold, and the extension's input token is issued. */
export function checkout(state: StoreState, secret: string, domain: string, input: CheckoutInput): CheckoutResult {
  const order = createOrder(state, domain, { ...input, postPurchaseOffer: true });
  return { order, referenceId: order.checkoutToken, inputToken: inputToken(state, secret, order) };
}

/**
 * Signed as the JWT specification's "Shopify issued token" column says (section Claims): `iss`
 * "shopify", `sub` the reference id, `iat`; no `jti`. Its Expiration time (EXP) section says a
 * Shopify-issued token has no `exp` ("Not present"), so the simulator gives it none: the app must
 * judge a token's age by `iat`. The claims' payload is `input_data`, the extension's `inputData`
 * (https://shopify.dev/docs/api/checkout-extensions/post-purchase/api, "InputData").
 */
function inputToken(state: StoreState, secret: string, order: SimOrder): string {
  const shop = state.shop(order.shop);
  const money = (cents: number): MoneyBag => moneyBag(cents, order.currency);
  const lineItems = order.lineItems.map((li) => {
    const variant = shop.variants.find((v) => v.id === li.variantId);
    const product = variant && shop.products.find((p) => p.id === variant.productId);
    return {
      product: {
        id: product ? gidNumber(product.id) : null,
        title: product?.title ?? li.title,
        variant: { id: gidNumber(li.variantId), title: variant?.title ?? li.title, metafields: [] },
        metafields: [],
      },
      quantity: li.quantity,
      totalPriceSet: money(toCents(li.price) * li.quantity),
    };
  });
  // The simulated order carries no shipping line or tax: its total is its lines' total.
  const total = order.lineItems.reduce((sum, li) => sum + toCents(li.price) * li.quantity, 0);
  const initialPurchase = {
    referenceId: order.checkoutToken,
    ...(order.customer ? { customerId: String(gidNumber(order.customer.id)) } : {}),
    ...(order.shippingAddress ? { destinationCountryCode: order.shippingAddress.countryCode } : {}),
    totalPriceSet: money(total),
    lineItems,
  };
  return signHs256(
    {
      iss: "shopify",
      sub: order.checkoutToken,
      iat: Math.floor(state.nowMs() / 1000),
      input_data: {
        initialPurchase,
        shop: { id: gidNumber(shop.id), domain: shop.domain, metafields: [] },
        locale: "en",
        version: "unstable",
      },
    },
    secret,
  );
}

/**
 * `applyChangeset(token)`: Shopify verifies the app's changeset token as the JWT specification says
 * (https://shopify.dev/docs/api/checkout-extensions/post-purchase/jwt-specification): HS256 with the
 * app's secret ("Encoding and decoding"); `iss` the app's api_key, `sub` the reference id, `jti`
 * and `iat` required ("Claims", partner-issued token); "changesets signed before the initial
 * purchase is completed aren't accepted" (IAT note); a token is applied once
 * (`changeset_already_applied`). Then the purchase must still be open to changes: once Shopify
 * released the order to fulfillment (the buyer declined, reached the thank-you page, an offer was
 * accepted, or the 60-minute hold ran out) it answers `order_released_error`; then stock
 * (`insufficient_inventory`). Error codes: https://shopify.dev/docs/api/checkout-extensions/post-purchase/api
 * ("ChangesetError"). The docs don't give a code for a bad signature or claim; the simulator
 * answers `invalid_request` ("shouldn't be re-sent without modifications").
 */
export function applyChangeset(
  state: StoreState,
  secret: string,
  referenceId: string,
  token: string,
): ApplyChangesetResult {
  const refuse = (code: ChangesetErrorCode, message: string): ApplyChangesetResult => ({
    status: "unprocessed",
    errors: [{ code, message }],
    changesetApplicationsRemaining: order && heldFulfillmentOrders(state, order).length ? 1 : 0,
  });
  const order = findByReference(state, referenceId);
  if (!order) return refuse("invalid_request", `No purchase with reference id ${referenceId}`);
  const claims = verifyChangesetToken(state, secret, order, token);
  if (!claims.ok) return refuse("invalid_request", claims.message);
  if (state.appliedChangesets.has(claims.jti))
    return refuse("changeset_already_applied", "This changeset was already applied");
  const plan = planChanges(state, order, claims.changes);
  if (!plan.ok) return refuse(plan.error.code, plan.error.message);
  state.appliedChangesets.add(claims.jti);
  // The accept path: the items arrive as an order edit and the hold is released.
  completePostPurchase(state, order.id, { addLineItems: plan.additions });
  return { status: "processed", errors: [], changesetApplicationsRemaining: 0 };
}

/**
 * `calculateChangeset(changeset)`: what the purchase would cost with the changes, for the buyer to
 * see before accepting (https://shopify.dev/docs/api/checkout-extensions/post-purchase/api,
 * "CalculatedPurchase"). The docs don't say how Shopify prices shipping and taxes for the added
 * items; the simulated store charges neither, so both lists are empty and the total is the subtotal.
 */
export function calculateChangeset(state: StoreState, referenceId: string, changes: unknown): CalculateChangesetResult {
  const order = findByReference(state, referenceId);
  if (!order)
    return {
      status: "unprocessed",
      errors: [{ code: "invalid_request", message: `No purchase with reference id ${referenceId}` }],
    };
  const parsed = parseChanges(changes);
  if (!parsed.ok) return { status: "unprocessed", errors: [{ code: "invalid_request", message: parsed.message }] };
  const plan = planChanges(state, order, parsed.changes);
  if (!plan.ok) return { status: "unprocessed", errors: [plan.error] };
  const money = (cents: number): MoneyBag => moneyBag(cents, order.currency);
  const shop = state.shop(order.shop);
  const lines = [
    ...order.lineItems.map((li) => ({ variantId: li.variantId, quantity: li.quantity, price: li.price })),
    ...plan.additions.map((add) => ({ variantId: add.variantId, quantity: add.quantity, price: add.price })),
  ];
  const updatedLineItems = lines.map((line) => {
    const variant = shop.variants.find((v) => v.id === line.variantId);
    const product = variant && shop.products.find((p) => p.id === variant.productId);
    return {
      productId: product ? (gidNumber(product.id) ?? 0) : 0,
      variantId: gidNumber(line.variantId) ?? 0,
      productHandle: handleOf(product?.title ?? ""),
      quantity: line.quantity,
      priceSet: money(toCents(line.price)),
      totalPriceSet: money(toCents(line.price) * line.quantity),
    };
  });
  const subtotal = lines.reduce((sum, line) => sum + toCents(line.price) * line.quantity, 0);
  const added = plan.additions.reduce((sum, add) => sum + toCents(add.price) * add.quantity, 0);
  return {
    status: "processed",
    errors: [],
    calculatedPurchase: {
      subtotalPriceSet: money(subtotal),
      totalPriceSet: money(subtotal),
      addedTaxLines: [],
      addedShippingLines: [],
      updatedLineItems,
      totalOutstandingSet: money(added),
    },
  };
}

/**
 * The buyer declines the offer (the extension calls `done()` without applying) or reaches the
 * thank-you page: Shopify releases the hold with no edit
 * (https://shopify.dev/changelog/post-purchase-fulfillment-holds). Once the hold is gone (an
 * earlier answer or the timeout) the step is over and this changes nothing.
 */
export function leavePostPurchase(state: StoreState, referenceId: string): void {
  const order = findByReference(state, referenceId);
  if (!order) throw new SimulatorError(`No purchase with reference id ${referenceId}`);
  releaseExpiredPostPurchaseHolds(state);
  if (heldFulfillmentOrders(state, order).length === 0) return;
  completePostPurchase(state, order.id, {});
}

function findByReference(state: StoreState, referenceId: string): SimOrder | undefined {
  for (const shop of state.shops.values()) {
    const order = shop.orders.find((o) => o.checkoutToken === referenceId);
    if (order) return order;
  }
  return undefined;
}

function heldFulfillmentOrders(state: StoreState, order: SimOrder): SimFulfillmentOrder[] {
  return state.fulfillmentOrdersOf(order.id).filter((fo) => fo.holds.some(isPostPurchaseHold));
}

type VerifiedChangeset = { ok: true; jti: string; changes: unknown } | { ok: false; message: string };

function verifyChangesetToken(state: StoreState, secret: string, order: SimOrder, token: string): VerifiedChangeset {
  const verdict = verifyHs256(token, secret, {
    issuer: state.app.apiKey,
    subject: order.checkoutToken,
    requiredClaims: ["jti", "iat"],
    now: state.clock(),
  });
  if (!verdict.ok) return { ok: false, message: `Changeset token refused: ${verdict.message}` };
  const claims: JwtClaims = verdict.claims;
  if (typeof claims.jti !== "string" || claims.jti === "") return { ok: false, message: "jti must be a string" };
  if (typeof claims.iat !== "number") return { ok: false, message: "iat must be a number of seconds" };
  const nowSeconds = Math.floor(state.nowMs() / 1000);
  if (claims.iat > nowSeconds + IAT_FUTURE_TOLERANCE_SECONDS)
    return { ok: false, message: "iat is in the future (it must be in seconds, not milliseconds)" };
  if (claims.iat < Math.floor(Date.parse(order.createdAt) / 1000))
    return { ok: false, message: "The changeset was signed before the purchase was completed" };
  return { ok: true, jti: claims.jti, changes: claims.changes };
}

type ChangePlan = { ok: true; additions: Required<PostPurchaseAddition>[] } | { ok: false; error: ChangesetError };

/** Whether the changes can be made to this purchase now, and the order lines they would add. */
function planChanges(state: StoreState, order: SimOrder, rawChanges: unknown): ChangePlan {
  const fail = (code: ChangesetErrorCode, message: string): ChangePlan => ({ ok: false, error: { code, message } });
  releaseExpiredPostPurchaseHolds(state);
  const held = heldFulfillmentOrders(state, order);
  const target = held[0];
  if (!target) return fail("order_released_error", "The order has already been released to fulfillment");
  const parsed = parseChanges(rawChanges);
  if (!parsed.ok) return fail("invalid_request", parsed.message);
  const shop = state.shop(order.shop);
  const additions: Required<PostPurchaseAddition>[] = [];
  const wanted = new Map<string, number>();
  for (const change of parsed.changes) {
    const variant = shop.variants.find((v) => gidNumber(v.id) === change.variantId);
    if (!variant) return fail("invalid_request", `Unknown variant ${change.variantId}`);
    wanted.set(variant.id, (wanted.get(variant.id) ?? 0) + change.quantity);
    additions.push(addition(variant.id, variant.price, change));
  }
  for (const [variantId, quantity] of wanted) {
    if (state.inventory(order.shop, variantId, target.locationId).available < quantity)
      return fail("insufficient_inventory", `Not enough stock of ${variantId} to add ${quantity}`);
  }
  return { ok: true, additions };
}

function addition(variantId: string, price: string, change: AddVariantChange): Required<PostPurchaseAddition> {
  return {
    variantId,
    quantity: change.quantity,
    price: fromCents(discountedUnitCents(toCents(price), change.discount)),
  };
}

function moneyBag(cents: number, currencyCode: string): MoneyBag {
  const amount = { amount: fromCents(cents), currencyCode };
  return { shopMoney: amount, presentmentMoney: { ...amount } };
}

const handleOf = (title: string): string =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
