// The domain command layer: every change a merchant or the automation makes to one fulfillment
// order goes through `runCommand` — gate → one Shopify mutation → re-sync the ledger → event.
// The form path (actions/perform-action.server.ts) and automation (app/automation/runtime) both
// call it; neither re-implements a mutation.
import { ShopifyUserError, type ShopifyUserErrorDetail } from "~/shopify/admin/errors";
import type { AdminGraphql } from "~/shopify/admin/run-operation.server";
import { availabilityOf, type GatedFulfillmentOrder, toGatedFulfillmentOrder } from "../available-actions";
import { applyStatedFulfillmentOrder, findFulfillmentOrderForAction } from "../ledger.server";
import type { ChangeSource, LineageHint, OrderSnapshot, StatedFulfillmentOrder } from "../ledger-types";
import { refreshOrder } from "../refresh-order.server";
import type { ActionIntent, FieldErrorMessage } from "../actions/contract";

export interface CommandContext {
  graphql: AdminGraphql;
  shop: string;
  /** Who acts: "staff:<id>" for a merchant, "automation:<rule id>" for a rule; recorded on the FO's history. */
  actor: string | null;
  /** Whose doing the ledger records for the change. */
  source: Extract<ChangeSource, "user" | "automation">;
}

export type CommandRow = NonNullable<Awaited<ReturnType<typeof findFulfillmentOrderForAction>>>;

/** The FO a command acts on: its ledger row and the gate's view of it. */
export interface CommandTarget {
  row: CommandRow;
  fo: GatedFulfillmentOrder;
}

/** What a command's mutation did, for the ledger refresh and the caller's message. */
export interface Mutated {
  kind: "mutated";
  /** Every FO the mutation created or changed (nulls are dropped). */
  fulfillmentOrderIds: (string | null)[];
  /** Where new FOs came from, as Shopify's response says. */
  lineage: LineageHint[];
  /** Extra facts for the caller's message (e.g. "partly"). */
  partly?: boolean;
  /** How many holds a release released. */
  released?: number;
  /**
   * What Shopify's answer states of the one FO the mutation changed, when it changed nothing else
   * (a whole request): automation records it instead of reading the order again.
   */
  stated?: StatedFulfillmentOrder;
  /** Write to the ledger that Shopify's FulfillmentOrder can't show (e.g. "prepared for pickup"). */
  afterwards?: () => Promise<void>;
}

/** The command refused before any mutation, with errors next to the fields they concern. */
export interface Refused {
  kind: "refused";
  errors: FieldErrorMessage[];
}

/** A merchant's action, or a command only automation sends. */
export type CommandIntent = ActionIntent | "merge";

export interface FulfillmentCommand {
  intent: CommandIntent;
  mutate(context: CommandContext, target: CommandTarget): Promise<Mutated | Refused>;
}

type CommandResult =
  | {
      kind: "done";
      intent: CommandIntent;
      fulfillmentOrderIds: string[];
      lineage: LineageHint[];
      partly: boolean;
      released: number;
      /** Shopify's state right after the mutation, as written to the ledger; null if the refresh failed. */
      snapshot: OrderSnapshot | null;
    }
  /** The gate: Shopify doesn't allow this action on the FO now, and why. */
  | { kind: "unavailable"; message: string }
  | Refused
  /** Shopify refused the mutation: its userErrors, never retried. */
  | { kind: "user-errors"; operation: string; userErrors: ShopifyUserErrorDetail[] };

/** The ledger row and gate view of one FO, or null when the ledger doesn't know it. */
export async function loadCommandTarget(shop: string, fulfillmentOrderId: string): Promise<CommandTarget | null> {
  const row = await findFulfillmentOrderForAction(shop, fulfillmentOrderId);
  return row ? { row, fo: toGatedFulfillmentOrder(row) } : null;
}

/**
 * Runs one command on one FO: the gate, the mutation, the ledger refresh. Transport failures
 * (Shopify down, throttled beyond retries) are thrown: the caller decides whether a retry is
 * safe, and never retries a mutation blind.
 */
export async function runCommand(
  context: CommandContext,
  target: CommandTarget,
  command: FulfillmentCommand,
): Promise<CommandResult> {
  const unavailable = gate(target.fo, command.intent);
  if (unavailable !== null) return { kind: "unavailable", message: unavailable };

  let mutated: Mutated | Refused;
  try {
    mutated = await command.mutate(context, target);
  } catch (error) {
    if (error instanceof ShopifyUserError) {
      return { kind: "user-errors", operation: error.operation, userErrors: error.userErrors };
    }
    throw error;
  }
  if (mutated.kind === "refused") return mutated;
  await mutated.afterwards?.();

  // Automation at flash-sale volume can't afford a whole-order read per request (about 20 points
  // of the ~30 an order may cost): it records Shopify's answer. The merchant's screens re-read,
  // so the page that reloads shows everything Shopify changed.
  const recorded =
    context.source === "automation" && mutated.stated && mutated.lineage.length === 0
      ? await applyStatedFulfillmentOrder(context.shop, mutated.stated, {
          source: context.source,
          actor: context.actor,
        })
      : false;
  const snapshot = recorded ? null : await resyncLedger(context, target.row.orderShopifyId, mutated.lineage);
  return {
    kind: "done",
    intent: command.intent,
    fulfillmentOrderIds: [...new Set(mutated.fulfillmentOrderIds.filter((id): id is string => id !== null))],
    lineage: mutated.lineage,
    partly: mutated.partly ?? false,
    released: mutated.released ?? 0,
    snapshot,
  };
}

/**
 * The mutation is done: write Shopify's new state now, as the actor's doing. A failure here
 * doesn't undo the action; webhooks and the reconciliation sweep bring the ledger up to date.
 */
async function resyncLedger(context: CommandContext, orderId: string, lineage: LineageHint[]) {
  try {
    const result = await refreshOrder(context.graphql, context.shop, orderId, {
      source: context.source,
      actor: context.actor,
      lineage,
    });
    return result.kind === "refreshed" ? result.snapshot : null;
  } catch (error) {
    console.warn("fulfillment command: ledger refresh failed", {
      shop: context.shop,
      orderId,
      error: String(error),
    });
    return null;
  }
}

/** Why Shopify doesn't allow the command on the FO now, or null when it does. */
function gate(fo: GatedFulfillmentOrder, intent: CommandIntent): string | null {
  // Shopify offers MERGE only when the FO has a sibling it can merge with.
  // https://shopify.dev/docs/api/admin-graphql/latest/enums/FulfillmentOrderAction
  if (intent === "merge") return fo.supportedActions.includes("MERGE") ? null : "MERGE";
  const availability = availabilityOf(fo, intent);
  return availability.available ? null : (availability.reason ?? "");
}

/** Lineage hints for FOs a mutation split off `parentId`. */
export const childrenOf = (parentId: string | null, reason: LineageHint["reason"], ...children: (string | null)[]) =>
  children.flatMap((childId) =>
    parentId && childId && childId !== parentId ? [{ childId, parentId, reason } satisfies LineageHint] : [],
  );

export const mutated = (
  fulfillmentOrderIds: (string | null)[],
  lineage: LineageHint[] = [],
  extra: Pick<Mutated, "partly" | "released" | "afterwards" | "stated"> = {},
): Mutated => ({ kind: "mutated", fulfillmentOrderIds, lineage, ...extra });

export const refused = (errors: FieldErrorMessage[]): Refused => ({ kind: "refused", errors });
