// Where a shop's Admin API budget lives (api-budget.ts). Several processes calling Shopify for one
// shop (workers, web processes) must spend from one budget, or each paces on its own idea of the
// bucket and together they overdraw it: on PostgreSQL the budget is a row, read and written under
// a transaction lock. One SQLite process keeps it in memory (demo, small shops: one worker).
import { prisma } from "~/db.server";
import { isPostgresUrl } from "~/db/database-url";
import { lockForTransaction } from "~/db/transaction-lock.server";
import { env } from "~/env.server";
import { type Budget, settle, take } from "./api-budget";
import type { QueryCost } from "./errors";

export interface BudgetStore {
  /** Takes `cost` points, or says how long to wait before asking again (api-budget.ts take). */
  take(shop: string, cost: number, reserve: number, now: number): Promise<{ taken: true } | { waitMs: number }>;
  /** Shopify's answer to a call that took `taken` points. */
  settle(shop: string, taken: number, cost: QueryCost, now: number): Promise<void>;
}

export class MemoryBudgetStore implements BudgetStore {
  readonly #budgets = new Map<string, Budget>();

  async take(shop: string, cost: number, reserve: number, now: number) {
    const result = take(this.#budgets.get(shop) ?? null, cost, reserve, now);
    if (!result.taken) return { waitMs: result.waitMs };
    if (result.budget) this.#budgets.set(shop, result.budget);
    return { taken: true as const };
  }

  async settle(shop: string, taken: number, cost: QueryCost, now: number) {
    this.#budgets.set(shop, settle(this.#budgets.get(shop) ?? null, taken, cost, now));
  }

  clear(): void {
    this.#budgets.clear();
  }
}

const toBudget = (row: { available: number; maximum: number; restoreRate: number; at: Date }): Budget => ({
  ...row,
  at: row.at.getTime(),
});
const toRow = (budget: Budget) => ({ ...budget, at: new Date(budget.at) });
const lockKey = (shop: string) => `admin-api-budget ${shop}`;

export class DatabaseBudgetStore implements BudgetStore {
  async take(shop: string, cost: number, reserve: number, now: number) {
    return prisma.$transaction(async (tx) => {
      await lockForTransaction(tx, lockKey(shop));
      const row = await tx.adminApiBudget.findUnique({ where: { shop } });
      const result = take(row ? toBudget(row) : null, cost, reserve, now);
      if (!result.taken) return { waitMs: result.waitMs };
      if (row && result.budget) await tx.adminApiBudget.update({ where: { shop }, data: toRow(result.budget) });
      return { taken: true as const };
    });
  }

  async settle(shop: string, taken: number, cost: QueryCost, now: number) {
    await prisma.$transaction(async (tx) => {
      await lockForTransaction(tx, lockKey(shop));
      const row = await tx.adminApiBudget.findUnique({ where: { shop } });
      const data = toRow(settle(row ? toBudget(row) : null, taken, cost, now));
      await tx.adminApiBudget.upsert({ where: { shop }, create: { shop, ...data }, update: data });
    });
  }
}

declare global {
  var __adminApiBudgets: BudgetStore | undefined;
}

/** The process's store: shared through the database on PostgreSQL, in memory on SQLite. */
export function budgetStore(): BudgetStore {
  globalThis.__adminApiBudgets ??= isPostgresUrl(env.DATABASE_URL)
    ? new DatabaseBudgetStore()
    : new MemoryBudgetStore();
  return globalThis.__adminApiBudgets;
}

/** Forgets every budget this process keeps in memory (tests). */
export function forgetMemoryBudgets(): void {
  if (globalThis.__adminApiBudgets instanceof MemoryBudgetStore) globalThis.__adminApiBudgets.clear();
}
