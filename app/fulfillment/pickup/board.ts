// The local pickup board, as pure data: pickup FOs grouped by where they stand, from
// "prepare it" to "it has waited too long on the shelf".
import type { ActionAvailability } from "~/fulfillment/actions/contract";
import type { PickupCancellationView } from "./cancel-and-restock";

export const DEFAULT_NOT_COLLECTED_DAYS = 3;
export const MIN_NOT_COLLECTED_DAYS = 1;
export const MAX_NOT_COLLECTED_DAYS = 60;

export interface PickupOrderView {
  fulfillmentOrderId: string;
  orderName: string;
  customerName: string | null;
  locationName: string | null;
  remainingQuantity: number;
  placedAt: string;
  preparedForPickupAt: string | null;
  /** The FO's Shopify updatedAt when the board was loaded: the quick actions send it back. */
  expectedUpdatedAt: string;
  readyForPickup: ActionAvailability | null;
  pickedUp: ActionAvailability | null;
  /** The order's payment can be refunded when it is cancelled (the ledger's displayFinancialStatus). */
  refundable: boolean;
  /** A cancel and restock still running, or the last one that failed. */
  cancellation: PickupCancellationView | null;
}

export interface PickupBoardView {
  notCollectedDays: number;
  awaiting: PickupOrderView[];
  ready: PickupOrderView[];
  notCollected: PickupOrderView[];
}

const DAY_MS = 24 * 60 * 60_000;

/** Awaiting preparation, ready (oldest first), and ready for N days or more without collection. */
export function groupPickupOrders(
  orders: readonly PickupOrderView[],
  notCollectedDays: number,
  now: Date,
): PickupBoardView {
  const board: PickupBoardView = { notCollectedDays, awaiting: [], ready: [], notCollected: [] };
  const threshold = now.getTime() - notCollectedDays * DAY_MS;
  for (const order of orders) {
    if (!order.preparedForPickupAt) board.awaiting.push(order);
    else if (new Date(order.preparedForPickupAt).getTime() <= threshold) board.notCollected.push(order);
    else board.ready.push(order);
  }
  board.awaiting.sort((a, b) => a.placedAt.localeCompare(b.placedAt));
  const byPrepared = (a: PickupOrderView, b: PickupOrderView) =>
    (a.preparedForPickupAt ?? "").localeCompare(b.preparedForPickupAt ?? "");
  board.ready.sort(byPrepared);
  board.notCollected.sort(byPrepared);
  return board;
}
