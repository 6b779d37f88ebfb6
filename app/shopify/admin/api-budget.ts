// What we know of a shop's Admin API bucket, kept so that every caller of the shop spends from one
// budget: a call takes its cost before it is sent, and Shopify's answer settles the account.
// Pure; the stores that keep it are in api-budget-store.server.ts.
// https://shopify.dev/docs/api/usage/limits#the-leaky-bucket-algorithm
import type { QueryCost } from "./errors";

/** A call that took points and has not been answered yet, from any process. */
export interface CallInFlight {
  id: string;
  points: number;
  /** When it took them (ms). */
  at: number;
}

export interface Budget {
  available: number;
  /** The bucket's size; 0 until Shopify's first answer tells us the bucket. */
  maximum: number;
  /** Points restored per second; 0 until Shopify's first answer. */
  restoreRate: number;
  /** When `available` was true (ms). */
  at: number;
  inFlight: CallInFlight[];
}

/**
 * How long a call's points count as in flight. A call still unanswered after this belongs to a
 * process that died mid-call (the Admin API answers or times out well within it); forgetting it
 * returns nothing to `available` (its points restore with the bucket), it only stops holding
 * back the settling of other calls.
 */
export const IN_FLIGHT_EXPIRY_MS = 60_000;

const unknownBudget = (now: number): Budget => ({
  available: 0,
  maximum: 0,
  restoreRate: 0,
  at: now,
  inFlight: [],
});

const isKnown = (budget: Budget) => budget.restoreRate > 0 && budget.maximum > 0;

/** The budget restored to `now`. */
function restored(budget: Budget, now: number): number {
  return Math.min(budget.maximum, budget.available + (Math.max(0, now - budget.at) / 1000) * budget.restoreRate);
}

/**
 * The moment to account at: never before the budget's own `at`. A caller reads its clock before it
 * waits for the budget's lock, so another process may have written a later moment meanwhile;
 * accounting at the earlier one would move `at` back and restore that interval's points twice.
 */
const momentOf = (budget: Budget | null, now: number) => Math.max(now, budget?.at ?? now);

const live = (inFlight: CallInFlight[], now: number) => inFlight.filter((c) => now - c.at < IN_FLIGHT_EXPIRY_MS);

type Take = { taken: true; budget: Budget } | { taken: false; waitMs: number };

/** How long a call waits for the first answer to tell the bucket (ms). */
export const UNKNOWN_BUCKET_WAIT_MS = 100;

/**
 * Takes `call.points` if the budget holds them plus `reserve` (capped at the bucket's size);
 * otherwise says how long until it will. While the bucket is unknown (no answer from Shopify yet)
 * one call goes at a time: its answer tells us the bucket, and several first calls at once (two
 * workers starting together) could ask for more than it holds. The call is counted in flight
 * until settled.
 */
export function take(
  budget: Budget | null,
  call: { id: string; points: number },
  reserve: number,
  asked: number,
): Take {
  const now = momentOf(budget, asked);
  const current = budget ?? unknownBudget(now);
  const stillInFlight = live(current.inFlight, now);
  const inFlight = [...stillInFlight, { ...call, at: now }];
  if (!isKnown(current)) {
    if (stillInFlight.length > 0) return { taken: false, waitMs: UNKNOWN_BUCKET_WAIT_MS };
    return { taken: true, budget: { ...current, inFlight } };
  }
  const available = restored(current, now);
  const needed = Math.min(call.points + reserve, current.maximum);
  if (available < needed) {
    return { taken: false, waitMs: Math.ceil(((needed - available) / current.restoreRate) * 1000) };
  }
  return { taken: true, budget: { ...current, available: available - call.points, at: now, inFlight } };
}

/**
 * Shopify's answer to the call `id`, which took `taken` points. The difference between what was
 * taken and what the call cost comes back (a THROTTLED call cost nothing). The budget never
 * claims more than our own account, nor more than Shopify reported less the points of the calls
 * taken after this one and still in flight: Shopify's `currentlyAvailable` counts every call it
 * has run, from any process, but not one sent after this call's, which it has likely not seen yet.
 * Calls taken before this one were sent before it, so Shopify has most likely run them; counting
 * them again would under-credit the bucket for good (the account then never rises above it). If
 * one did arrive later, our own account still holds it. The in-flight list is in take order.
 */
export function settle(budget: Budget | null, id: string, taken: number, cost: QueryCost, asked: number): Budget {
  const now = momentOf(budget, asked);
  const current = budget ?? unknownBudget(now);
  const reported = cost.throttleStatus;
  const spent = cost.actualQueryCost ?? 0;
  const inFlight = live(current.inFlight, now);
  const mine = inFlight.findIndex((c) => c.id === id);
  const others = inFlight.filter((c) => c.id !== id);
  // This call's entry expired (or was never taken here): every other call counts as unseen.
  const unseen = mine === -1 ? others : inFlight.slice(mine + 1);
  const unseenPoints = unseen.reduce((sum, c) => sum + c.points, 0);
  const ours = isKnown(current) ? restored(current, now) + taken - spent : Number.POSITIVE_INFINITY;
  return {
    available: Math.max(0, Math.min(ours, reported.currentlyAvailable - unseenPoints)),
    maximum: reported.maximumAvailable,
    restoreRate: reported.restoreRate,
    at: now,
    inFlight: others,
  };
}

/**
 * A call `id` that ended without telling us its cost (a transport failure, an HTTP 429): it is
 * no longer in flight, and its points stay spent, since it may have run.
 */
export function release(budget: Budget | null, id: string, now: number): Budget | null {
  if (!budget) return null;
  return { ...budget, inFlight: live(budget.inFlight, now).filter((c) => c.id !== id) };
}
