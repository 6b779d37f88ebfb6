// What we know of a shop's Admin API bucket, kept so that every caller of the shop spends from one
// budget: a call takes its cost before it is sent, and Shopify's answer settles the account.
// Pure; the stores that keep it are in api-budget-store.server.ts.
// https://shopify.dev/docs/api/usage/limits#the-leaky-bucket-algorithm
import type { QueryCost } from "./errors";

export interface Budget {
  available: number;
  maximum: number;
  /** Points restored per second. */
  restoreRate: number;
  /** When `available` was true (ms). */
  at: number;
}

/** The budget restored to `now`. */
function restored(budget: Budget, now: number): number {
  return Math.min(budget.maximum, budget.available + (Math.max(0, now - budget.at) / 1000) * budget.restoreRate);
}

type Take = { taken: true; budget: Budget | null } | { taken: false; waitMs: number };

/**
 * Takes `cost` if the budget holds `cost + reserve` (capped at the bucket's size); otherwise says
 * how long until it will. An unknown budget (no answer from Shopify yet) lets the call go: its
 * answer tells us the bucket.
 */
export function take(budget: Budget | null, cost: number, reserve: number, now: number): Take {
  if (!budget || budget.restoreRate <= 0) return { taken: true, budget };
  const available = restored(budget, now);
  const needed = Math.min(cost + reserve, budget.maximum);
  if (available >= needed) return { taken: true, budget: { ...budget, available: available - cost, at: now } };
  return { taken: false, waitMs: Math.ceil(((needed - available) / budget.restoreRate) * 1000) };
}

/**
 * Shopify's answer to a call that took `taken` points: the difference between what was taken and
 * what the call cost comes back (a THROTTLED call cost nothing), and the budget never claims more
 * than Shopify reported, which already counts every call it has seen, from any process.
 */
export function settle(budget: Budget | null, taken: number, cost: QueryCost, now: number): Budget {
  const reported = cost.throttleStatus;
  const spent = cost.actualQueryCost ?? 0;
  const ours = budget ? restored(budget, now) + taken - spent : Number.POSITIVE_INFINITY;
  return {
    available: Math.max(0, Math.min(ours, reported.currentlyAvailable)),
    maximum: reported.maximumAvailable,
    restoreRate: reported.restoreRate,
    at: now,
  };
}
