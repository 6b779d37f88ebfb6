// The dry run's reconstruction: one FO's DecisionInput as it stood when the FO first became
// decidable (Shopify created it after routing), rebuilt from what the ledger keeps today and the
// FO's event history. Pure: the loader hands it rows, decide() is the same function live
// automation runs.
import type { DecisionInput, FulfillmentOrderFacts, HoldFacts, LineFacts, OrderFacts } from "../facts";

/** One FulfillmentOrderEvent row, as the ledger records transitions (ledger.server.ts). */
export interface HistoryEvent {
  kind: string;
  fromValue: string | null;
  toValue: string | null;
  at: Date | string;
}

/** A line the FO had at creation that a later split moved to another FO (its lineage child). */
export interface SplitOffLine extends LineFacts {
  totalQuantity: number;
}

export interface ReplaySource {
  /** The FO as the ledger has it now (fulfillmentOrderFactsOf). */
  fulfillmentOrder: FulfillmentOrderFacts;
  /** Each current line's totalQuantity by line id: quantities at creation, before any fulfilment. */
  totalQuantities: ReadonlyMap<string, number>;
  /** The order as the ledger has it now (orderFactsOf). */
  order: OrderFacts;
  /** The FO's history, oldest first. */
  history: readonly HistoryEvent[];
  /** Lines later split off into lineage children (split, move, partial request or hold). */
  splitOff: readonly SplitOffLine[];
  quietPeriodMinutes: number;
}

/** Statuses Shopify's FulfillmentOrderStatus holds before anything happened to the FO. */
const HELD = "ON_HOLD";

/**
 * The DecisionInput the rules saw (or would have seen) when the FO was created:
 * - `now` is the FO's openedAt: the moment routing made it decidable;
 * - status is the one the ledger recorded at creation (the `created` event), so an FO that was
 *   created on hold (a post-purchase offer) replays as ON_HOLD, with the holds it had then;
 * - request status UNSUBMITTED, every line at its totalQuantity, lines later split off folded back;
 * - the order's tags, financial status, risk and total are as they are NOW: the ledger keeps no
 *   history of an order's fields (only of its FOs), so an order paid since replays as paid. What
 *   the ledger does date — cancellation, the last edit, the buyer's upsell answer — counts only if
 *   it happened before the FO was created.
 * - the location is the current one: a move is recorded by location name only, so an FO moved
 *   since replays at its new location (`moved` says so).
 */
export function reconstructInput(source: ReplaySource): { input: DecisionInput; moved: boolean } {
  const { fulfillmentOrder: fo, order, history } = source;
  const now = fo.openedAt;
  const created = history.find((e) => e.kind === "created");
  const firstStatus = history.find((e) => e.kind === "status");
  const status = created?.toValue ?? firstStatus?.fromValue ?? fo.status;
  const changedSince = history.some((e) => e.kind !== "created");

  const lines = [
    ...fo.lines.map((line) => ({ ...line, remainingQuantity: source.totalQuantities.get(line.id) ?? 0 })),
    ...source.splitOff.map(({ totalQuantity, ...line }) => ({ ...line, remainingQuantity: totalQuantity })),
  ];
  const merged = mergeByLineItem(lines).filter((line) => line.remainingQuantity > 0);

  const fulfillmentOrder: FulfillmentOrderFacts = {
    ...fo,
    status,
    requestStatus: "UNSUBMITTED",
    holds: holdsAtCreation(fo, history, status),
    // Shopify's supportedActions are today's; unchanged since creation they are as they were.
    // Otherwise they are what an FO in its creation state has: REQUEST_FULFILLMENT on an open,
    // unsubmitted FO of a fulfillment service
    // (https://shopify.dev/docs/api/admin-graphql/latest/enums/FulfillmentOrderAction).
    supportedActions: changedSince ? actionsAtCreation(fo.thirdParty, status) : fo.supportedActions,
    lines: merged,
    updatedAt: now,
  };
  const before = (at: string | null) => at !== null && Date.parse(at) <= Date.parse(now);
  const upsellKnown = before(order.upsellDecidedAt);
  const input: DecisionInput = {
    fulfillmentOrder,
    order: {
      ...order,
      cancelledAt: before(order.cancelledAt) ? order.cancelledAt : null,
      lastEditedAt: before(order.lastEditedAt) ? order.lastEditedAt : null,
      upsellDecision: upsellKnown ? order.upsellDecision : null,
      upsellDecidedAt: upsellKnown ? order.upsellDecidedAt : null,
    },
    shop: { quietPeriodMinutes: source.quietPeriodMinutes },
    now,
  };
  return { input, moved: history.some((e) => e.kind === "location") };
}

/**
 * The holds at creation. The `holds` events record reasons (not ids) whenever the set changed,
 * so the first one's "from" is the set at creation; without one, today's holds were there all
 * along. An FO created OPEN had none.
 */
function holdsAtCreation(fo: FulfillmentOrderFacts, history: readonly HistoryEvent[], status: string): HoldFacts[] {
  if (status !== HELD) return [];
  const firstChange = history.find((e) => e.kind === "holds");
  if (!firstChange) return fo.holds;
  const reasons = (firstChange.fromValue ?? "").split(", ").filter(Boolean);
  return reasons.map((reason, index) => {
    const known = fo.holds.find((h) => h.reason === reason);
    return (
      known ?? { id: `${fo.id}#hold-${index}`, reason, handle: null, heldByRequestingApp: false, since: fo.openedAt }
    );
  });
}

const actionsAtCreation = (thirdParty: boolean, status: string): string[] =>
  status === "OPEN" && thirdParty ? ["REQUEST_FULFILLMENT"] : [];

/** A line split off in part comes back onto the line it left (same order line item). */
function mergeByLineItem(lines: LineFacts[]): LineFacts[] {
  const byLineItem = new Map<string, LineFacts>();
  for (const line of lines) {
    const seen = byLineItem.get(line.lineItemId);
    if (seen) seen.remainingQuantity += line.remainingQuantity;
    else byLineItem.set(line.lineItemId, { ...line });
  }
  return [...byLineItem.values()];
}
