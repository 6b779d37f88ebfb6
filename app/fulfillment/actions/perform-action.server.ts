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
import { fromJsonColumn } from "~/db/json-column";
import {
  fetchLocationsForMove,
  type LocationForMove,
} from "~/shopify/admin/fulfillment-order-locations-for-move.server";
import {
  fetchFulfillmentOrderVersion,
  type FulfillmentOrderVersion,
} from "~/shopify/admin/fulfillment-order-version.server";
import type { AdminGraphql } from "~/shopify/admin/run-operation.server";
import { cancelRequest, requestCancellation } from "../commands/cancel.server";
import {
  type CommandContext,
  type CommandRow,
  type FulfillmentCommand,
  loadCommandTarget,
  runCommand,
} from "../commands/command.server";
import { fulfil, pickedUp, readyForPickup } from "../commands/fulfil.server";
import { hold, ourHoldHandle, releaseHolds } from "../commands/hold.server";
import { move } from "../commands/move.server";
import { requestFulfillment } from "../commands/request-fulfillment.server";
import type { OrderSnapshot } from "../ledger-types";
import { refreshOrder } from "../refresh-order.server";
import { awaitActionRequest, claimActionRequest, type ClaimInput, finishActionRequest } from "./action-requests.server";
import { type ActionResult, ActionInput, type FieldErrorMessage, fieldErrorsOf } from "./contract";
import { ACTION_MESSAGES as M } from "./messages";
import { type FieldMappingContext, toFieldErrors } from "./user-error-fields";

export { actionInputFromFormData } from "./form-data";

export interface ActionContext {
  shop: string;
  /** The staff member acting (e.g. "staff:<session token sub>"), recorded in the FO's history. */
  actor: string | null;
}

const invalid = (errors: FieldErrorMessage[]): ActionResult => ({ ok: false, kind: "invalid", errors });
const unavailable = (message: string): ActionResult => ({ ok: false, kind: "unavailable", message });
const stale = (currentUpdatedAt: string | null): ActionResult => ({
  ok: false,
  kind: "stale",
  currentUpdatedAt,
  message: M.stale,
});

/** Indexes, in the posted `lines`, of the lines zod kept (quantity > 0), in order. */
function postedLineIndexes(raw: unknown): { indexes: number[]; posted: number } {
  const lines = (raw as { lines?: unknown } | null)?.lines;
  if (!Array.isArray(lines)) return { indexes: [], posted: 0 };
  const indexes = lines.flatMap((line, i) =>
    Number((line as { quantity?: unknown } | null)?.quantity) > 0 ? [i] : [],
  );
  return { indexes, posted: lines.length };
}

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
  const target = await loadCommandTarget(shop, input.fulfillmentOrderId);
  if (!target) return unavailable(M.notFound);
  const { row } = target;
  if (row.shopifyUpdatedAt.getTime() !== Date.parse(input.expectedUpdatedAt)) {
    return stale(row.shopifyUpdatedAt.toISOString());
  }
  const fresh = await fetchFulfillmentOrderVersion(graphql, input.fulfillmentOrderId);
  if (!fresh) return unavailable(M.notFound);
  if (!ledgerMatches(row, fresh)) {
    await refreshOrder(graphql, shop, row.orderShopifyId, { source: "reconcile" });
    return stale(new Date(fresh.updatedAt).toISOString());
  }

  const commandContext: CommandContext = { graphql, shop, actor: context.actor, source: "user" };
  const result = await runCommand(commandContext, target, commandOf(shop, input));
  switch (result.kind) {
    case "unavailable":
      return unavailable(result.message || M.stale);
    case "refused":
      return invalid(result.errors);
    case "user-errors":
      return { ok: false, kind: "user-errors", errors: toFieldErrors(result.userErrors, fields) };
    case "done": {
      const message =
        input.intent === "move"
          ? moveMessage(result.snapshot, input.fulfillmentOrderId, result.lineage[0]?.childId)
          : doneMessage(input.intent, result.partly, result.released);
      return {
        ok: true,
        intent: input.intent,
        fulfillmentOrderIds: result.fulfillmentOrderIds,
        message,
        replayed: false,
      };
    }
  }
}

/** The command a validated form asks for. */
function commandOf(shop: string, input: ActionInput): FulfillmentCommand {
  switch (input.intent) {
    case "request-fulfillment":
      return requestFulfillment({
        lines: input.lines,
        message: input.message ?? null,
        notifyCustomer: input.notifyCustomer,
      });
    case "cancel-request":
      return cancelRequest();
    case "request-cancellation":
      return requestCancellation({ message: input.message ?? null });
    case "hold":
      return hold({
        reason: input.reason,
        reasonNotes: input.reasonNotes ?? null,
        notifyMerchant: input.notifyMerchant,
        handle: ourHoldHandle(shop, input.idempotencyKey),
        lines: input.lines,
      });
    case "release-holds":
      return releaseHolds({ holdIds: input.holdIds });
    case "ready-for-pickup":
      return readyForPickup({ lines: input.lines });
    case "picked-up":
      return pickedUp({ lines: input.lines });
    case "fulfil":
      return fulfil({
        lines: input.lines,
        tracking: {
          company: input.trackingCompany ?? null,
          number: input.trackingNumber ?? null,
          url: input.trackingUrl ?? null,
        },
        notifyCustomer: input.notifyCustomer,
      });
    case "move":
      return move({ locationId: input.locationId, lines: input.lines });
  }
}

function doneMessage(intent: ActionInput["intent"], partly: boolean, released: number): string {
  switch (intent) {
    case "request-fulfillment":
      return partly ? M.requestedPartly : M.requested;
    case "cancel-request":
      return M.requestCancelled;
    case "request-cancellation":
      return M.cancellationRequested;
    case "hold":
      return partly ? M.heldPartly : M.held;
    case "release-holds":
      return M.released(released);
    case "ready-for-pickup":
      return M.readyForPickup;
    case "picked-up":
      return M.pickedUp;
    case "fulfil":
      return M.fulfilled;
    case "move":
      return "";
  }
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

/** Whether the ledger row is Shopify's current version of the FO, as far as the gate cares. */
function ledgerMatches(row: CommandRow, fresh: FulfillmentOrderVersion): boolean {
  const ledgerHolds = fromJsonColumn<{ id: string }[]>(row.holds)
    .map((h) => h.id)
    .sort();
  return (
    Date.parse(fresh.updatedAt) === row.shopifyUpdatedAt.getTime() &&
    fresh.status === row.status &&
    fresh.requestStatus === row.requestStatus &&
    fresh.locationId === row.locationShopifyId &&
    JSON.stringify([...fresh.holdIds].sort()) === JSON.stringify(ledgerHolds)
  );
}

/** Where the FO could move, for the move picker; null when Shopify has no such FO. */
export async function listLocationsForMove(
  graphql: AdminGraphql,
  fulfillmentOrderId: string,
): Promise<LocationForMove[] | null> {
  return fetchLocationsForMove(graphql, fulfillmentOrderId);
}
