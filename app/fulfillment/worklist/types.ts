// What the worklist screen renders, as loadWorklist shapes it from the ledger. Pure types, shared by
// the route, its components and the tests.
import type { RejectionView } from "~/fulfillment/detail/types";
import type { WorklistParams } from "./params";
import type { WorklistTab } from "./tabs";

export interface WorklistRow {
  /** The FO's Shopify GID: the detail page's id and the bulk actions' target. */
  id: string;
  orderName: string;
  customerName: string | null;
  financialStatus: string | null;
  tags: string[];
  status: string;
  requestStatus: string;
  deliveryMethod: string | null;
  locationName: string | null;
  /** Reasons of the FO's holds, e.g. ["INCORRECT_ADDRESS"]. */
  holdReasons: string[];
  /** Whether one of the holds is ours (so "Release our holds" can do something). */
  heldByUs: boolean;
  remainingQuantity: number;
  /** The 3PL's reason and message while the request is REJECTED. */
  rejection: RejectionView | null;
  openedAt: string;
  /** Shopify's updatedAt as the ledger saw it: sent back as expectedUpdatedAt by bulk actions. */
  shopifyUpdatedAt: string;
}

export interface WorklistLocationOption {
  id: string;
  name: string;
}

export interface WorklistView {
  params: WorklistParams;
  /**
   * Per tab, with the current filters and search applied: exact up to countLimit; countLimit + 1
   * means "more than countLimit" (a count reads at most that many rows, load-worklist.server.ts).
   */
  counts: Record<WorklistTab, number>;
  countLimit: number;
  rows: WorklistRow[];
  /** Cursors of the neighbouring pages, null at either end. */
  nextCursor: string | null;
  previousCursor: string | null;
  locations: WorklistLocationOption[];
  /** When the ages were computed, so server and browser render the same "3 d". */
  now: string;
}
