// What one ledger write changed, for whoever reacts to it inside the same transaction (the
// automation's triggers). A registry instead of an import keeps the ledger below its readers:
// the ledger knows nothing of automation, and automation's jobs commit with the rows they read.
import type { Prisma } from "@prisma/client";
import type { ChangeSource, OrderSnapshot } from "./ledger-types";

export interface FulfillmentOrderChange {
  id: string;
  outcome: "created" | "updated" | "unchanged" | "stale";
  /** The fields whose change the FO's history recorded (status, request_status, holds, location). */
  fields: string[];
  /** Holds before the write (0 for a new FO). */
  holdsBefore: number;
}

export interface LedgerChange {
  shop: string;
  source: ChangeSource;
  order: {
    id: string;
    outcome: "created" | "updated" | "unchanged" | "stale";
    /** displayFinancialStatus before the write; null for a new order. */
    financialStatusBefore: string | null;
    /** Whether the write moved the order's lastEditedAt (an order edit arrived). */
    edited: boolean;
  };
  /** Shopify's state as written. */
  snapshot: OrderSnapshot;
  fulfillmentOrders: FulfillmentOrderChange[];
}

type LedgerChangeListener = (tx: Prisma.TransactionClient, change: LedgerChange) => Promise<void>;

declare global {
  var __ledgerChangeListeners: Map<string, LedgerChangeListener> | undefined;
}

// On globalThis so a Vite HMR reload replaces a listener instead of adding a second one.
const listeners = (globalThis.__ledgerChangeListeners ??= new Map<string, LedgerChangeListener>());

/** Registers (or replaces) the listener called `name`. */
export function onLedgerChange(name: string, listener: LedgerChangeListener): void {
  listeners.set(name, listener);
}

/** Calls every listener inside the ledger write's transaction: their writes commit with it. */
export async function notifyLedgerChange(tx: Prisma.TransactionClient, change: LedgerChange): Promise<void> {
  for (const listener of listeners.values()) await listener(tx, change);
}
