// One merchant action on one fulfillment order, end to end: validate → claim the idempotency
// key → refuse stale pages → gate → one Shopify mutation → ledger refresh with lineage.
//
// Staleness, decided: the page carries the FO's Shopify updatedAt. We compare it with the
// ledger row, and then — because webhooks can lag behind Shopify by seconds or minutes — with
// a fresh read of the FO (FulfillmentOrderVersion: updatedAt plus status, request status, holds
// and location, a few query points) right before the mutation. updatedAt alone has second
// resolution, so a change within the same second is caught by the gated fields. When Shopify
// is ahead of the ledger, the order is refreshed at once (source "reconcile") so the reloaded
// page shows what changed, and the answer is "stale". A change to line quantities only within
// the same second isn't seen here; Shopify then refuses quantities above what remains.
import { createHash } from "node:crypto";
import { ShopifyUserError } from "~/shopify/admin/errors";
import { createFulfillment } from "~/shopify/admin/fulfillment-create.server";
import { cancelFulfillmentOrder } from "~/shopify/admin/fulfillment-order-cancel.server";
import { holdFulfillmentOrder } from "~/shopify/admin/fulfillment-order-hold.server";
import { markPreparedForPickup } from "~/shopify/admin/fulfillment-order-line-items-prepared-for-pickup.server";
import {
  fetchLocationsForMove,
  type LocationForMove,
} from "~/shopify/admin/fulfillment-order-locations-for-move.server";
import { moveFulfillmentOrder } from "~/shopify/admin/fulfillment-order-move.server";
import { releaseHolds } from "~/shopify/admin/fulfillment-order-release-hold.server";
import { submitCancellationRequest } from "~/shopify/admin/fulfillment-order-submit-cancellation-request.server";
import { submitFulfillmentRequest } from "~/shopify/admin/fulfillment-order-submit-fulfillment-request.server";
import {
  fetchFulfillmentOrderVersion,
  type FulfillmentOrderVersion,
} from "~/shopify/admin/fulfillment-order-version.server";
import type { AdminGraphql } from "~/shopify/admin/run-operation.server";
import { availabilityOf, type GatedFulfillmentOrder, toGatedFulfillmentOrder } from "../available-actions";
import { findFulfillmentOrderForAction, markFulfillmentOrdersPreparedForPickup } from "../ledger.server";
import type { LineageHint, OrderSnapshot } from "../ledger-types";
import { refreshOrder } from "../refresh-order.server";
import { awaitActionRequest, claimActionRequest, type ClaimInput, finishActionRequest } from "./action-requests.server";
import {
  type ActionResult,
  ActionInput,
  type FieldErrorMessage,
  fieldErrorsOf,
  OUR_HOLD_HANDLE_PREFIX,
} from "./contract";
import { ACTION_MESSAGES as M } from "./messages";
import { type FieldMappingContext, toFieldErrors } from "./user-error-fields";

export { actionInputFromFormData } from "./form-data";

export interface ActionContext {
  shop: string;
  /** The staff member acting (e.g. "staff:<session token sub>"), recorded in the FO's history. */
  actor: string | null;
}

type LedgerRow = NonNullable<Awaited<ReturnType<typeof findFulfillmentOrderForAction>>>;

interface Performed {
  fulfillmentOrderIds: (string | null)[];
  message: string;
  lineage: LineageHint[];
}

type Outcome = { kind: "done"; performed: Performed } | { kind: "refused"; result: ActionResult };

const invalid = (errors: FieldErrorMessage[]): ActionResult => ({ ok: false, kind: "invalid", errors });
const unavailable = (message: string): ActionResult => ({ ok: false, kind: "unavailable", message });
const stale = (currentUpdatedAt: string | null): ActionResult => ({
  ok: false,
  kind: "stale",
  currentUpdatedAt,
  message: M.stale,
});

/** Our hold handle: deterministic per submission, so even a lost idempotency row can't hold twice. */
function ourHoldHandle(shop: string, idempotencyKey: string): string {
  const short = createHash("sha256").update(`${shop}\n${idempotencyKey}`).digest("hex").slice(0, 10);
  return `${OUR_HOLD_HANDLE_PREFIX}-${short}`;
}

/** Indexes, in the posted `lines`, of the lines zod kept (quantity > 0), in order. */
function postedLineIndexes(raw: unknown): { indexes: number[]; posted: number } {
  const lines = (raw as { lines?: unknown } | null)?.lines;
  if (!Array.isArray(lines)) return { indexes: [], posted: 0 };
  const indexes = lines.flatMap((line, i) =>
    Number((line as { quantity?: unknown } | null)?.quantity) > 0 ? [i] : [],
  );
  return { indexes, posted: lines.length };
}

const childOf = (parentId: string | null, reason: LineageHint["reason"], ...children: (string | null)[]) =>
  children.flatMap((childId) =>
    parentId && childId && childId !== parentId ? [{ childId, parentId, reason } satisfies LineageHint] : [],
  );

/**
 * Performs one merchant action. Never throws for anything the merchant can fix: invalid input,
 * Shopify's userErrors, a stale page and unavailable actions are results. Transport failures
 * (Shopify down, throttled) are thrown, and the idempotency key is freed for a retry — the
 * staleness check then stops a retry of a mutation that did go through.
 */
export async function performFulfillmentAction(
  graphql: AdminGraphql,
  context: ActionContext,
  raw: unknown,
): Promise<ActionResult> {
  const parsed = ActionInput.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const input = parsed.data;
  const lines = postedLineIndexes(raw);
  if ("lines" in input && lines.posted > 0 && input.lines.length === 0) {
    // Every quantity at 0 is a mistake, not "everything" (which an empty list means).
    return invalid([{ field: "lines", message: M.noLines }]);
  }
  if (input.intent === "fulfil" && input.otherCarrier && !input.trackingCompany?.trim()) {
    // "Other carrier" with no name would send the tracking number without a carrier.
    return invalid([{ field: "trackingCompany", message: M.otherCarrierName }]);
  }
  if (input.intent === "fulfil" && input.trackingUrl && !input.trackingNumber?.trim()) {
    // "If you provide the url field, you should provide the number field."
    // (https://shopify.dev/docs/api/admin-graphql/latest/input-objects/FulfillmentTrackingInput)
    return invalid([{ field: "trackingNumber", message: M.trackingNumberForUrl }]);
  }

  const claimInput: ClaimInput = {
    shop: context.shop,
    idempotencyKey: input.idempotencyKey,
    intent: input.intent,
    fulfillmentOrderId: input.fulfillmentOrderId,
    actor: context.actor,
  };
  let claim = await claimActionRequest(claimInput);
  if (claim.kind === "running") claim = await awaitActionRequest(claimInput);
  if (claim.kind === "done") return claim.result.ok ? { ...claim.result, replayed: true } : claim.result;
  if (claim.kind === "running") return unavailable(M.stillRunning);
  if (claim.kind === "conflict") return invalid([{ field: "idempotencyKey", message: M.keyReused }]);

  try {
    const result = await perform(graphql, context, input, {
      lineIndexes: lines.indexes,
      holdIdIndexes: input.intent === "release-holds" ? input.holdIds.map((_, i) => i) : [],
    });
    await finishActionRequest(claim.id, { status: result.ok ? "succeeded" : "failed", result });
    return result;
  } catch (error) {
    await finishActionRequest(claim.id, { status: "failed", result: null });
    throw error;
  }
}

async function perform(
  graphql: AdminGraphql,
  context: ActionContext,
  input: ActionInput,
  fields: FieldMappingContext,
): Promise<ActionResult> {
  const { shop } = context;
  const row = await findFulfillmentOrderForAction(shop, input.fulfillmentOrderId);
  if (!row) return unavailable(M.notFound);
  if (row.shopifyUpdatedAt.getTime() !== Date.parse(input.expectedUpdatedAt)) {
    return stale(row.shopifyUpdatedAt.toISOString());
  }
  const fresh = await fetchFulfillmentOrderVersion(graphql, input.fulfillmentOrderId);
  if (!fresh) return unavailable(M.notFound);
  if (!ledgerMatches(row, fresh)) {
    await refreshOrder(graphql, shop, row.orderShopifyId, { source: "reconcile" });
    return stale(new Date(fresh.updatedAt).toISOString());
  }

  const fo = toGatedFulfillmentOrder(row);
  const availability = availabilityOf(fo, input.intent);
  if (!availability.available) return unavailable(availability.reason ?? M.stale);

  let outcome: Outcome;
  try {
    outcome = await mutate(graphql, context, input, fo, row);
  } catch (error) {
    if (error instanceof ShopifyUserError) {
      return { ok: false, kind: "user-errors", errors: toFieldErrors(error.userErrors, fields) };
    }
    throw error;
  }
  if (outcome.kind === "refused") return outcome.result;

  const { performed } = outcome;
  const synced = await refreshLedger(graphql, context, row.orderShopifyId, performed.lineage);
  const ids = [...new Set(performed.fulfillmentOrderIds.filter((id): id is string => id !== null))];
  let message = performed.message;
  if (input.intent === "move") message = moveMessage(synced, input.fulfillmentOrderId, performed.lineage[0]?.childId);
  return { ok: true, intent: input.intent, fulfillmentOrderIds: ids, message, replayed: false };
}

const unitsLeft = (fo: { lineItems: readonly { remainingQuantity: number }[] }) =>
  fo.lineItems.reduce((sum, li) => sum + li.remainingQuantity, 0);

/**
 * What moved and what stayed. Shopify moves only the items the destination stocks, so a move of
 * the whole FO can leave some on the original, still open at its location.
 * https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderMove
 */
function moveMessage(synced: OrderSnapshot | null, originalId: string, movedId: string | undefined): string {
  const moved = synced?.fulfillmentOrders.find((f) => f.id === (movedId ?? originalId));
  const stayed = movedId ? synced?.fulfillmentOrders.find((f) => f.id === originalId) : undefined;
  const where = moved?.locationName ?? M.newLocation;
  if (!moved || !stayed || unitsLeft(stayed) === 0) return M.moved(where);
  return M.movedPartly(unitsLeft(moved), where, unitsLeft(stayed), stayed.locationName ?? M.oldLocation);
}

/**
 * The mutation is done: write Shopify's new state now, as the merchant's doing. A failure here
 * doesn't undo the action; webhooks and the reconciliation sweep bring the ledger up to date.
 */
async function refreshLedger(graphql: AdminGraphql, context: ActionContext, orderId: string, lineage: LineageHint[]) {
  try {
    const result = await refreshOrder(graphql, context.shop, orderId, {
      source: "user",
      actor: context.actor,
      lineage,
    });
    return result.kind === "refreshed" ? result.snapshot : null;
  } catch (error) {
    console.warn("fulfillment action: ledger refresh failed", { shop: context.shop, orderId, error: String(error) });
    return null;
  }
}

async function mutate(
  graphql: AdminGraphql,
  context: ActionContext,
  input: ActionInput,
  fo: GatedFulfillmentOrder,
  row: LedgerRow,
): Promise<Outcome> {
  const id = input.fulfillmentOrderId;
  const done = (performed: Performed): Outcome => ({ kind: "done", performed });

  switch (input.intent) {
    case "request-fulfillment": {
      const r = await submitFulfillmentRequest(graphql, {
        fulfillmentOrderId: id,
        lines: input.lines,
        message: input.message ?? null,
        notifyCustomer: input.notifyCustomer,
      });
      const original = r.originalId ?? id;
      const lineage = childOf(original, "partial_request", r.submittedId, r.unsubmittedId);
      return done({
        fulfillmentOrderIds: [original, r.submittedId, r.unsubmittedId],
        message: r.unsubmittedId ? M.requestedPartly : M.requested,
        lineage,
      });
    }
    case "cancel-request": {
      const r = await cancelFulfillmentOrder(graphql, id);
      return done({
        fulfillmentOrderIds: [r.cancelledId ?? id, r.replacementId],
        message: M.requestCancelled,
        lineage: childOf(r.cancelledId ?? id, "replacement", r.replacementId),
      });
    }
    case "request-cancellation": {
      const r = await submitCancellationRequest(graphql, { fulfillmentOrderId: id, message: input.message ?? null });
      return done({ fulfillmentOrderIds: [r.fulfillmentOrderId ?? id], message: M.cancellationRequested, lineage: [] });
    }
    case "hold": {
      const r = await holdFulfillmentOrder(graphql, {
        fulfillmentOrderId: id,
        reason: input.reason,
        reasonNotes: input.reasonNotes ?? null,
        notifyMerchant: input.notifyMerchant,
        handle: ourHoldHandle(context.shop, input.idempotencyKey),
        lines: input.lines,
      });
      const held = r.heldFulfillmentOrderId ?? id;
      return done({
        fulfillmentOrderIds: [held, r.remainingFulfillmentOrderId],
        message: r.remainingFulfillmentOrderId ? M.heldPartly : M.held,
        lineage: childOf(held, "partial_hold", r.remainingFulfillmentOrderId),
      });
    }
    case "release-holds": {
      // Never another app's hold: ids the ledger knows as someone else's are refused here; ids
      // it doesn't know at all (the ledger was just checked against Shopify) aren't on this FO,
      // so Shopify refuses them without releasing anything.
      const errors = input.holdIds.flatMap((holdId, i) => {
        const hold = fo.holds.find((h) => h.id === holdId);
        return hold && !hold.heldByRequestingApp
          ? [{ field: `holdIds.${i}`, message: M.notOurHold(hold.heldByAppTitle ?? "Shopify") }]
          : [];
      });
      if (errors.length) return { kind: "refused", result: invalid(errors) };
      const holdIds = input.holdIds.length
        ? input.holdIds
        : fo.holds.filter((h) => h.heldByRequestingApp).map((h) => h.id);
      const r = await releaseHolds(graphql, { fulfillmentOrderId: id, holdIds });
      return done({
        fulfillmentOrderIds: [r.fulfillmentOrderId ?? id],
        message: M.released(holdIds.length),
        lineage: [],
      });
    }
    case "ready-for-pickup": {
      if (!coversEverything(row, input.lines)) {
        return { kind: "refused", result: invalid([{ field: "lines", message: M.wholeForPickup }]) };
      }
      await markPreparedForPickup(graphql, [id]);
      await markFulfillmentOrdersPreparedForPickup(context.shop, [id], { source: "user", actor: context.actor });
      return done({ fulfillmentOrderIds: [id], message: M.readyForPickup, lineage: [] });
    }
    case "picked-up": {
      const r = await createFulfillment(graphql, {
        fulfillmentOrderId: id,
        lines: input.lines,
        tracking: null,
        notifyCustomer: false,
      });
      return done({ fulfillmentOrderIds: [id, ...r.fulfillmentOrderIds], message: M.pickedUp, lineage: [] });
    }
    case "fulfil": {
      const r = await createFulfillment(graphql, {
        fulfillmentOrderId: id,
        lines: input.lines,
        tracking: {
          company: input.trackingCompany ?? null,
          number: input.trackingNumber ?? null,
          url: input.trackingUrl ?? null,
        },
        notifyCustomer: input.notifyCustomer,
      });
      return done({ fulfillmentOrderIds: [id, ...r.fulfillmentOrderIds], message: M.fulfilled, lineage: [] });
    }
    case "move": {
      const r = await moveFulfillmentOrder(graphql, {
        fulfillmentOrderId: id,
        newLocationId: input.locationId,
        lines: input.lines,
      });
      const original = r.originalId ?? id;
      return done({
        fulfillmentOrderIds: [original, r.movedId, r.remainingId],
        message: "",
        lineage: childOf(original, "moved", r.movedId),
      });
    }
  }
}

/** Whether the ledger row is Shopify's current version of the FO, as far as the gate cares. */
function ledgerMatches(row: LedgerRow, fresh: FulfillmentOrderVersion): boolean {
  const ledgerHolds = (JSON.parse(row.holds) as { id: string }[]).map((h) => h.id).sort();
  return (
    Date.parse(fresh.updatedAt) === row.shopifyUpdatedAt.getTime() &&
    fresh.status === row.status &&
    fresh.requestStatus === row.requestStatus &&
    fresh.locationId === row.locationShopifyId &&
    JSON.stringify([...fresh.holdIds].sort()) === JSON.stringify(ledgerHolds)
  );
}

/** Whether chosen lines are "everything" (none chosen, or every line's remaining quantity). */
function coversEverything(row: LedgerRow, lines: readonly { id: string; quantity: number }[]): boolean {
  if (lines.length === 0) return true;
  const open = (JSON.parse(row.lineItems) as { id: string; remainingQuantity: number }[]).filter(
    (li) => li.remainingQuantity > 0,
  );
  return open.every((li) => lines.find((l) => l.id === li.id)?.quantity === li.remainingQuantity);
}

/** Where the FO could move, for the move picker; null when Shopify has no such FO. */
export async function listLocationsForMove(
  graphql: AdminGraphql,
  fulfillmentOrderId: string,
): Promise<LocationForMove[] | null> {
  return fetchLocationsForMove(graphql, fulfillmentOrderId);
}
