// "Cancel and restock" of a pickup order nobody collected, end to end: validate → replay a
// double submit → refuse stale pages (the page's updatedAt, then a fresh read of the order) →
// claim the order → queue the safety-net job → orderCancel (restock, optional refund) → wait
// briefly for Shopify's job → refresh the ledger and audit it.
//
// The stale-orders policy never cancels paid orders, and pickup orders usually are paid, so this
// is its own path (docs/decisions/0005-pickup-cancel-and-restock.md). It shares the gateway
// mutation and the Shopify-job wait with stale orders. The PickupCancellation row is the
// checkpoint: "cancelling" with no Shopify job id means the mutation may not have reached
// Shopify; with one, only waiting is left. The request does the work while the merchant waits;
// the job (queued with the row, before the mutation, due a little later) finishes whatever a
// request left.
import { type JobContext, PermanentJobError } from "~/jobs/job-queue";
import {
  AdminThrottledError,
  AdminTransportError,
  ShopifyUserError,
  type ShopifyUserErrorDetail,
} from "~/shopify/admin/errors";
import { cancelOrderWithRestock } from "~/shopify/admin/order-cancel.server";
import type { AdminGraphql } from "~/shopify/admin/run-operation.server";
import { shopAdminGraphql } from "~/shopify/admin/shop-admin.server";
import { type AwaitJobOptions, awaitShopifyJob, ShopifyJobStillRunning } from "~/shopify/await-shopify-job.server";
import { en } from "~/i18n/en";
import { fieldErrorsOf } from "~/fulfillment/actions/contract";
import { recordAuditEvent } from "~/stale-orders/audit.server";
import type { CancelReason } from "~/stale-orders/options";
import { applyOrderSnapshot } from "../ledger.server";
import type { FulfillmentOrderSnapshot, OrderSnapshot } from "../ledger-types";
import { fetchOrderSnapshot, refreshOrder } from "../refresh-order.server";
import { type CancelAndRestockResult, CancelAndRestockInput, hasSomethingToRefund } from "./cancel-and-restock";
import {
  enqueuePickupCancelJob,
  type PickupCancelJobPayload,
  type PickupCancelQueue,
} from "./cancel-and-restock-job.server";
import {
  claimCancellation,
  findCancellation,
  findCancellationByKey,
  findOpenCancellations,
  findPickupOrderForCancel,
  markCancelled,
  markFailed,
  type PickupCancellation,
  recordShopifyJob,
  releaseRequest,
} from "./pickup-cancellations.server";
import { ACTIVE_PICKUP_STATUSES, notCollectedDaysOf } from "./pickup-board.server";

const t = en.pickup.cancel;
const DAY_MS = 24 * 60 * 60_000;

interface CancelContext {
  shop: string;
  /** The staff member (e.g. "staff:<session token sub>"), recorded in the audit and FO history. */
  actor: string | null;
  queue: PickupCancelQueue;
  now?: () => Date;
  /** How long the request waits for Shopify's job before answering "cancelling" (a few seconds). */
  wait?: AwaitJobOptions;
}

/** What one step of a cancellation ended with. */
type Advance =
  /** foundCancelled: Shopify had it cancelled already (elsewhere, or by a send whose answer was lost). */
  | { status: "cancelled"; foundCancelled?: boolean }
  | { status: "failed"; error: string; userErrors: ShopifyUserErrorDetail[] }
  /** Shopify is still working, or didn't answer (`unconfirmed`): the job finishes it. */
  | { status: "cancelling"; unconfirmed?: boolean };

/**
 * Shopify unreachable, failing or throttled. authenticate.admin's client turns an HTTP error into a
 * thrown Response; only a 5xx one is an outage (a 401 carries re-authentication and goes through).
 */
const isShopifyOutage = (error: unknown) =>
  error instanceof AdminTransportError ||
  error instanceof AdminThrottledError ||
  (error instanceof Response && error.status >= 500);

const REQUEST_WAIT: AwaitJobOptions = { pollMs: 100, pollAttempts: 6 };

/**
 * How long the job leaves a row alone while the request that created it may still be talking to
 * Shopify (the request lets go sooner when it finishes). Longer than any request lasts: past it,
 * the request is gone and the job re-reads the order before it sends anything.
 */
const REQUEST_LEASE_MS = 120_000;

const invalid = (field: string | null, message: string): CancelAndRestockResult => ({
  ok: false,
  kind: "invalid",
  errors: [{ field, message }],
});
const unavailable = (message: string): CancelAndRestockResult => ({ ok: false, kind: "unavailable", message });
const stale = (currentUpdatedAt: string | null): CancelAndRestockResult => ({
  ok: false,
  kind: "stale",
  currentUpdatedAt,
  message: en.actionMessages.stale,
});

export async function cancelAndRestockPickupOrder(
  graphql: AdminGraphql,
  context: CancelContext,
  raw: unknown,
): Promise<CancelAndRestockResult> {
  const parsed = CancelAndRestockInput.safeParse(raw);
  if (!parsed.success) return { ok: false, kind: "invalid", errors: fieldErrorsOf(parsed.error) };
  const input = parsed.data;
  const { shop } = context;
  const now = context.now ?? (() => new Date());

  const earlier = await findCancellationByKey(shop, input.idempotencyKey);
  if (earlier) return replay(earlier, input.fulfillmentOrderId);

  const row = await findPickupOrderForCancel(shop, input.fulfillmentOrderId);
  if (!row || row.deliveryMethod !== "PICK_UP") return unavailable(t.notOnBoard);
  if (row.shopifyUpdatedAt.getTime() !== Date.parse(input.expectedUpdatedAt)) {
    return stale(row.shopifyUpdatedAt.toISOString());
  }
  if (row.order.cancelledAt || !ACTIVE_PICKUP_STATUSES.includes(row.status) || row.remainingQuantity === 0) {
    return unavailable(t.notOnBoard);
  }
  const days = await notCollectedDaysOf(shop);
  if (!row.preparedForPickupAt || row.preparedForPickupAt.getTime() > now().getTime() - days * DAY_MS) {
    return unavailable(t.notReady);
  }
  const refundable = hasSomethingToRefund(row.order.displayFinancialStatus);
  if (input.refund && !refundable) return invalid("refund", t.nothingToRefundField);

  // Webhooks can lag behind Shopify: read the order now. Collected, cancelled, paid or refunded
  // since the page loaded → write what Shopify says to the ledger and let the merchant reload.
  const fresh = await fetchOrderSnapshot(graphql, row.orderShopifyId);
  if (!fresh) return unavailable(t.orderGone);
  const freshFo = fresh.fulfillmentOrders.find((fo) => fo.id === row.shopifyId);
  if (
    !freshFo ||
    !stillCancellable(fresh, freshFo) ||
    Date.parse(freshFo.updatedAt) !== row.shopifyUpdatedAt.getTime() ||
    hasSomethingToRefund(fresh.displayFinancialStatus) !== refundable
  ) {
    await applyOrderSnapshot(shop, fresh, { source: "reconcile" });
    return stale(freshFo ? new Date(freshFo.updatedAt).toISOString() : null);
  }

  // The row and the job that finishes it commit together: if this request dies anywhere after
  // this, the job takes over from the row's checkpoint.
  const claim = await claimCancellation(
    {
      shop,
      idempotencyKey: input.idempotencyKey,
      fulfillmentOrderId: row.shopifyId,
      orderShopifyId: row.orderShopifyId,
      orderName: row.order.name,
      locationName: row.locationName,
      itemCount: row.remainingQuantity,
      reason: input.reason,
      refund: input.refund,
      notifyCustomer: input.notifyCustomer,
      staffNote: input.staffNote ?? null,
      actor: context.actor,
    },
    new Date(now().getTime() + REQUEST_LEASE_MS),
    (tx, created) => enqueuePickupCancelJob(context.queue, tx, created, now()),
  );
  if (claim.kind === "replay") return replay(claim.cancellation, input.fulfillmentOrderId);
  if (claim.kind === "order-busy") return unavailable(t.alreadyCancelling);

  const { cancellation } = claim;
  let step: Advance | undefined;
  try {
    step = (await advancePickupCancellation(graphql, cancellation.id, {
      freshlyChecked: true,
      now,
      wait: context.wait ?? REQUEST_WAIT,
    })) ?? { status: "cancelling" };
  } catch (error) {
    if (error instanceof ShopifyJobStillRunning) step = { status: "cancelling" };
    else if (isShopifyOutage(error)) {
      // The mutation may or may not have reached Shopify: the job re-reads the order and decides.
      console.warn("pickup cancel: Shopify didn't answer; the job finishes it", {
        shop,
        id: cancellation.id,
        error: error instanceof Response ? error.status : String(error),
      });
      step = { status: "cancelling", unconfirmed: true };
    } else throw error;
  } finally {
    // Shopify didn't answer: the cancel may be running there now. The job keeps away until the
    // lease runs out and then re-reads the order, rather than sending a second cancel at once.
    if (!(step?.status === "cancelling" && step.unconfirmed)) await releaseRequest(cancellation.id);
  }
  return answer(cancellation, step, false);
}

/** Shopify's refusal, next to the modal field it concerns where there is one. */
const FIELD_OF: Record<string, string> = {
  reason: "reason",
  staffNote: "staffNote",
  notifyCustomer: "notifyCustomer",
  refund: "refund",
  refundMethod: "refund",
  originalPaymentMethodsRefund: "refund",
};

function answer(cancellation: PickupCancellation, step: Advance, replayed: boolean): CancelAndRestockResult {
  switch (step.status) {
    case "cancelled":
      return {
        ok: true,
        status: "cancelled",
        message: step.foundCancelled
          ? t.foundCancelled(cancellation.orderName)
          : cancellation.refund
            ? t.cancelledRefunded(cancellation.orderName)
            : t.cancelled(cancellation.orderName),
        replayed,
      };
    case "cancelling":
      return {
        ok: true,
        status: "cancelling",
        message: (step.unconfirmed ? t.unconfirmed : t.stillCancelling)(cancellation.orderName),
        replayed,
      };
    case "failed": {
      const errors = step.userErrors.length
        ? step.userErrors.map((e) => ({ field: FIELD_OF[e.field?.at(-1) ?? ""] ?? null, message: e.message }))
        : [{ field: null, message: step.error }];
      return { ok: false, kind: "user-errors", errors };
    }
  }
}

function replay(cancellation: PickupCancellation, fulfillmentOrderId: string): CancelAndRestockResult {
  if (cancellation.fulfillmentOrderId !== fulfillmentOrderId) return invalid("idempotencyKey", t.keyReused);
  const status = cancellation.status as "cancelling" | "cancelled" | "failed";
  const step: Advance = status === "failed" ? { status, error: cancellation.error ?? "", userErrors: [] } : { status };
  return answer(cancellation, step, true);
}

function stillCancellable(order: OrderSnapshot, fo: FulfillmentOrderSnapshot): boolean {
  const remaining = fo.lineItems.reduce((n, li) => n + li.remainingQuantity, 0);
  return order.cancelledAt === null && ACTIVE_PICKUP_STATUSES.includes(fo.status) && remaining > 0;
}

interface AdvanceOptions {
  now?: () => Date;
  wait?: AwaitJobOptions;
  /** The caller read the order from Shopify a moment ago (the request path). */
  freshlyChecked?: boolean;
  /** Act only if the row is this shop's (the job names both the shop and the row). */
  shop?: string;
}

/**
 * Moves one cancellation forward from its checkpoint; safe to run again at any point (the job
 * runner delivers at least once). Throws ShopifyJobStillRunning while Shopify works, and
 * transport errors as they come: the job retries both with backoff.
 */
export async function advancePickupCancellation(
  graphql: AdminGraphql,
  id: string,
  options: AdvanceOptions = {},
): Promise<Advance | null> {
  const now = options.now ?? (() => new Date());
  const c = await findCancellation(id);
  if (!c || (options.shop !== undefined && c.shop !== options.shop)) return null;
  if (c.status === "cancelled") return { status: "cancelled" };
  if (c.status === "failed") return { status: "failed", error: c.error ?? "", userErrors: [] };

  let jobId = c.shopifyJobId;
  if (jobId === null) {
    if (!options.freshlyChecked && c.requestUntil && c.requestUntil.getTime() > now().getTime()) {
      // The request may be sending orderCancel right now; two sends would end in Shopify refusing
      // one and this row saying "failed". The runner tries again with backoff.
      throw new ShopifyJobStillRunning(`The request cancelling ${c.orderName} is still working; checking again later`);
    }
    if (!options.freshlyChecked) {
      // A request stopped between claiming and hearing back from Shopify: did the cancel go through?
      const order = await fetchOrderSnapshot(graphql, c.orderShopifyId);
      if (!order) return fail(c, t.orderGone, [], now());
      // Cancelled already: by our send whose answer was lost, or by someone else. Either way the
      // refund and restock are whatever that cancel did, so the row doesn't claim them.
      if (order.cancelledAt) return settle(graphql, c, now(), false);
      const fo = order.fulfillmentOrders.find((f) => f.id === c.fulfillmentOrderId);
      if (!fo || !stillCancellable(order, fo)) return fail(c, t.noLongerOpen, [], now());
    }
    try {
      const started = await cancelOrderWithRestock(graphql, {
        orderId: c.orderShopifyId,
        reason: c.reason as CancelReason,
        notifyCustomer: c.notifyCustomer,
        staffNote: c.staffNote,
        refundToOriginalPaymentMethods: c.refund,
      });
      jobId = started.jobId;
    } catch (error) {
      if (!(error instanceof ShopifyUserError)) throw error;
      // Refused because the order is already cancelled (another tab, Shopify admin, a send whose
      // answer was lost): the merchant's goal is met, so settle rather than report a failure.
      const order = await fetchOrderSnapshot(graphql, c.orderShopifyId);
      if (order?.cancelledAt) return settle(graphql, c, now(), false);
      return fail(c, error.message, error.userErrors, now());
    }
    if (jobId === null) return settle(graphql, c, now());
    await recordShopifyJob(c.id, jobId);
  }

  const waited = await awaitShopifyJob(
    graphql,
    jobId,
    `Shopify is still cancelling ${c.orderName}; checking again later`,
    options.wait,
  );
  // A done job is not a cancelled order: the job can fail after the mutation answered
  // (OrderCancelJobResult.status FAILED in 2026-10, absent from 2026-07). The order's cancelledAt
  // answers on both versions, so only a re-read order that is cancelled counts as restocked.
  // https://shopify.dev/docs/api/admin-graphql/latest/objects/OrderCancelJobResult
  const order = await fetchOrderSnapshot(graphql, c.orderShopifyId);
  if (order?.cancelledAt) return settle(graphql, c, now());
  return fail(c, waited === "done" ? t.jobFailed : t.jobLost, [], now(), `shopify-job-${waited}`);
}

/**
 * Shopify finished: write its state to the ledger as the staff member's doing (the FO leaves the
 * board), then close the row and audit it. A failed refresh doesn't undo the cancellation;
 * webhooks and the reconciliation sweep bring the ledger up to date.
 */
async function settle(graphql: AdminGraphql, c: PickupCancellation, at: Date, ours = true): Promise<Advance> {
  try {
    await refreshOrder(graphql, c.shop, c.orderShopifyId, { source: "user", actor: c.actor, now: at });
  } catch (error) {
    console.warn("pickup cancel: ledger refresh failed", {
      shop: c.shop,
      orderId: c.orderShopifyId,
      error: String(error),
    });
  }
  if (await markCancelled(c.id, at)) {
    await recordAuditEvent({
      shop: c.shop,
      actor: c.actor,
      action: ours ? "pickup.order-cancelled" : "pickup.order-found-cancelled",
      subject: c.orderName,
      detail: ours
        ? detailOf(c)
        : { cancellationId: c.id, orderId: c.orderShopifyId, fulfillmentOrderId: c.fulfillmentOrderId },
      at,
    });
  }
  return ours ? { status: "cancelled" } : { status: "cancelled", foundCancelled: true };
}

async function fail(
  c: PickupCancellation,
  error: string,
  userErrors: ShopifyUserErrorDetail[],
  at: Date,
  /** Why, for the audit, when it differs from what the merchant is shown. */
  cause?: string,
): Promise<Advance> {
  const message = userErrors.length ? userErrors.map((e) => e.message).join(" ") : error;
  if (await markFailed(c.id, message, at)) {
    await recordAuditEvent({
      shop: c.shop,
      actor: c.actor,
      action: "pickup.order-cancel-failed",
      subject: c.orderName,
      detail: { ...detailOf(c), error: message, ...(cause ? { cause } : {}) },
      at,
    });
  }
  return { status: "failed", error: message, userErrors };
}

/**
 * The job that looked after a cancellation is gone (dead-lettered, or cancelled by an uninstall):
 * the row ends "failed" rather than "Cancelling…" forever, which also frees the order for another
 * attempt — and that attempt re-reads the order from Shopify first.
 */
export async function abandonPickupCancellation(id: string, why: string, at: Date = new Date()): Promise<void> {
  const c = await findCancellation(id);
  if (c?.status !== "cancelling") return;
  await fail(c, t.abandoned, [], at, why);
}

/** app/uninstalled: every cancellation of the shop still in flight. */
export async function abandonPickupCancellationsOf(shop: string, why: string): Promise<number> {
  const open = await findOpenCancellations(shop);
  for (const c of open) await abandonPickupCancellation(c.id, why);
  return open.length;
}

const detailOf = (c: PickupCancellation) => ({
  cancellationId: c.id,
  orderId: c.orderShopifyId,
  fulfillmentOrderId: c.fulfillmentOrderId,
  location: c.locationName,
  items: c.itemCount,
  reason: c.reason,
  refund: c.refund,
  notifyCustomer: c.notifyCustomer,
  restock: true,
});

/** The job: finishes what a request left, from the row's checkpoint. */
export async function runPickupCancelJob(payload: PickupCancelJobPayload, _job: JobContext): Promise<void> {
  const graphql = await shopAdminGraphql(payload.shop);
  if (!graphql) throw new PermanentJobError(`${payload.shop} has no offline session: not installed`);
  await advancePickupCancellation(graphql, payload.cancellationId, { shop: payload.shop });
}
