// Where a shop's Admin API budget lives (api-budget.ts). Several processes calling Shopify for one
// shop (workers, web processes) must spend from one budget, or each paces on its own idea of the
// bucket and together they overdraw it: the budget is then a row, read and written under a
// transaction lock (on SQLite, under the write lock every transaction takes first, ADR 0046).
// A single process (development, the demo) keeps it in memory.
import { randomUUID } from "node:crypto";
import type { Prisma } from "@prisma/client";
import { prisma } from "~/db.server";
import { isPostgresUrl } from "~/db/database-url";
import { lockForTransaction } from "~/db/transaction-lock.server";
import { env } from "~/env.server";
import { type Budget, type CallInFlight, release, settle, take } from "./api-budget";
import type { QueryCost } from "./errors";

export interface BudgetStore {
  /**
   * Takes `cost` points for a call, or says how long to wait before asking again (api-budget.ts
   * take). The call is in flight until `settle` or `release` names it.
   */
  take(
    shop: string,
    cost: number,
    reserve: number,
    now: number,
  ): Promise<{ taken: true; call: string } | { waitMs: number }>;
  /** Shopify's answer to the call, which took `taken` points. */
  settle(shop: string, call: string, taken: number, cost: QueryCost, now: number): Promise<void>;
  /** The call ended without Shopify's cost (it failed in transport): its points stay spent. */
  release(shop: string, call: string, now: number): Promise<void>;
}

export class MemoryBudgetStore implements BudgetStore {
  readonly #budgets = new Map<string, Budget>();

  async take(shop: string, cost: number, reserve: number, now: number) {
    const call = randomUUID();
    const result = take(this.#budgets.get(shop) ?? null, { id: call, points: cost }, reserve, now);
    if (!result.taken) return { waitMs: result.waitMs };
    this.#budgets.set(shop, result.budget);
    return { taken: true as const, call };
  }

  async settle(shop: string, call: string, taken: number, cost: QueryCost, now: number) {
    this.#budgets.set(shop, settle(this.#budgets.get(shop) ?? null, call, taken, cost, now));
  }

  async release(shop: string, call: string, now: number) {
    const budget = release(this.#budgets.get(shop) ?? null, call, now);
    if (budget) this.#budgets.set(shop, budget);
  }

  clear(): void {
    this.#budgets.clear();
  }
}

type BudgetRow = { available: number; maximum: number; restoreRate: number; at: Date; inFlight: Prisma.JsonValue };

const toBudget = (row: BudgetRow): Budget => ({
  available: row.available,
  maximum: row.maximum,
  restoreRate: row.restoreRate,
  at: row.at.getTime(),
  inFlight: row.inFlight as unknown as CallInFlight[],
});
const toRow = (budget: Budget) => ({
  available: budget.available,
  maximum: budget.maximum,
  restoreRate: budget.restoreRate,
  at: new Date(budget.at),
  inFlight: budget.inFlight as unknown as Prisma.InputJsonValue,
});
const lockKey = (shop: string) => `admin-api-budget ${shop}`;

/**
 * The budget as a row, read and written under a transaction lock, so every process calling for
 * the shop spends from it (PostgreSQL).
 */
export class DatabaseBudgetStore implements BudgetStore {
  async #update(shop: string, change: (budget: Budget | null) => Budget | null) {
    await prisma.$transaction(async (tx) => {
      await lockForTransaction(tx, lockKey(shop));
      const row = await tx.adminApiBudget.findUnique({ where: { shop } });
      const budget = change(row ? toBudget(row) : null);
      if (!budget) return;
      const data = toRow(budget);
      await tx.adminApiBudget.upsert({ where: { shop }, create: { shop, ...data }, update: data });
    });
  }

  async take(shop: string, cost: number, reserve: number, now: number) {
    const call = randomUUID();
    let refused: { waitMs: number } | null = null;
    await this.#update(shop, (budget) => {
      const result = take(budget, { id: call, points: cost }, reserve, now);
      if (result.taken) return result.budget;
      refused = { waitMs: result.waitMs };
      return null;
    });
    return refused ?? { taken: true as const, call };
  }

  async settle(shop: string, call: string, taken: number, cost: QueryCost, now: number) {
    await this.#update(shop, (budget) => settle(budget, call, taken, cost, now));
  }

  async release(shop: string, call: string, now: number) {
    await this.#update(shop, (budget) => release(budget, call, now));
  }
}

declare global {
  var __adminApiBudgets: BudgetStore | undefined;
}

/**
 * Whether other processes may call Shopify for the same shops: always on PostgreSQL; on SQLite in
 * production, where the web and worker processes share one file (docs/decisions/0034). Development
 * and the demo are one process, and keep the budget in memory.
 */
export function budgetIsShared(config: { DATABASE_URL: string; NODE_ENV: string }): boolean {
  return isPostgresUrl(config.DATABASE_URL) || config.NODE_ENV === "production";
}

/** The process's store: in the database when processes share the shop's bucket, else in memory. */
export function budgetStore(): BudgetStore {
  globalThis.__adminApiBudgets ??= budgetIsShared(env) ? new DatabaseBudgetStore() : new MemoryBudgetStore();
  return globalThis.__adminApiBudgets;
}

/** Forgets every budget this process keeps in memory (tests). */
export function forgetMemoryBudgets(): void {
  if (globalThis.__adminApiBudgets instanceof MemoryBudgetStore) globalThis.__adminApiBudgets.clear();
}
