// When a failed job runs again. Pure, so the policy is tested without a database or a clock.

export interface BackoffPolicy {
  /** Delay after the first failure, before jitter. */
  baseMs: number;
  /** Ceiling for any single delay. */
  maxMs: number;
}

// 15 s doubling to at most an hour: eight attempts span about half an hour, enough to ride out a
// Shopify incident or a throttled shop without hammering it.
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 15_000, maxMs: 60 * 60_000 };

/**
 * Delay before the retry that follows failed attempt `attempt` (1-based): exponential, capped, with
 * "equal jitter" (half fixed, half random) so jobs that failed together do not retry in lockstep
 * yet never retry sooner than half the nominal delay. Always at least 1 ms, so a retry is never due
 * in the same pass that failed it.
 */
export function retryDelayMs(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const nominal = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  const half = nominal / 2;
  return Math.max(1, Math.round(half + random() * half));
}
