// A cost-aware Admin GraphQL client per shop. Shopify meters GraphQL by calculated query cost
// in a leaky bucket per shop and app, and answers THROTTLED (HTTP 200) when the bucket cannot
// cover a query (https://shopify.dev/docs/api/usage/limits#graphql-admin-api-rate-limits).
// This wrapper reads `extensions.cost.throttleStatus` from every response, waits before a call
// the bucket could not afford, waits and retries on THROTTLED, retries reads on 5xx/network
// errors with backoff, and never retries a mutation that may have run.
import {
  GraphqlQueryError,
  HttpInternalError,
  HttpMaxRetriesError,
  HttpRequestError,
  HttpThrottlingError,
} from "@shopify/shopify-api";
import type { QueryCost, ThrottleStatus } from "./errors";
import type { AdminGraphql } from "./run-operation.server";

interface Bucket extends ThrottleStatus {
  /** When currentlyAvailable was read (ms). */
  at: number;
}

export interface ClientStats {
  calls: number;
  throttledRetries: number;
  readRetries: number;
  waitedMs: number;
}

export interface CostAwareOptions {
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /**
   * Cost to budget for a query never seen before. Shopify's single-query maximum by default, so
   * the first call of an operation waits for room instead of risking THROTTLED; after that the
   * client paces on the cost Shopify reported for it.
   */
  defaultCost?: number;
  maxThrottleRetries?: number;
  /**
   * Points to leave in the bucket for other callers: a background caller (automation) waits
   * until the bucket holds its query's cost plus this, so a merchant's own action, which is never
   * paced, still finds room.
   */
  reservePoints?: number;
  maxReadRetries?: number;
  readBackoffMs?: number;
  stats?: ClientStats;
}

/** https://shopify.dev/docs/api/usage/limits#graphql-admin-api-rate-limits */
const MAX_SINGLE_QUERY_COST = 1000;

const buckets = new Map<string, Bucket>();
const lastCost = new Map<string, number>();

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const isMutation = (document: string) => /^\s*(#graphql\s*)?mutation\b/.test(document);

export function newClientStats(): ClientStats {
  return { calls: 0, throttledRetries: 0, readRetries: 0, waitedMs: 0 };
}

/** The shop's bucket as last reported, restored to `now`. */
function estimatedBucket(shop: string, now: number = Date.now()): ThrottleStatus | null {
  const bucket = buckets.get(shop);
  if (!bucket) return null;
  const restored = bucket.currentlyAvailable + ((now - bucket.at) / 1000) * bucket.restoreRate;
  return { ...bucket, currentlyAvailable: Math.min(bucket.maximumAvailable, restored) };
}

function remember(shop: string, cost: QueryCost | undefined, document: string, now: number) {
  if (!cost?.throttleStatus) return;
  buckets.set(shop, { ...cost.throttleStatus, at: now });
  if (typeof cost.requestedQueryCost === "number") lastCost.set(document, cost.requestedQueryCost);
}

/** Forgets what we know of every bucket (tests). */
export function resetCostTracking(): void {
  buckets.clear();
  lastCost.clear();
}

function throttledCost(error: unknown): QueryCost | undefined | null {
  if (!(error instanceof GraphqlQueryError)) return null;
  const body = error.body as {
    errors?: { graphQLErrors?: { extensions?: { code?: string } }[] };
    extensions?: { cost?: QueryCost };
  };
  const throttled = body?.errors?.graphQLErrors?.some((e) => e.extensions?.code === "THROTTLED");
  return throttled ? body.extensions?.cost : null;
}

const isTransportFailure = (error: unknown) =>
  error instanceof HttpInternalError ||
  error instanceof HttpRequestError ||
  error instanceof HttpMaxRetriesError ||
  error instanceof TypeError;

export function costAwareGraphql(shop: string, graphql: AdminGraphql, options: CostAwareOptions = {}): AdminGraphql {
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? Date.now;
  const maxThrottleRetries = options.maxThrottleRetries ?? 20;
  const maxReadRetries = options.maxReadRetries ?? 4;
  const readBackoffMs = options.readBackoffMs ?? 250;
  const stats = options.stats;
  const reserve = options.reservePoints ?? 0;

  const wait = async (ms: number) => {
    if (ms <= 0) return;
    if (stats) stats.waitedMs += ms;
    await sleep(ms);
  };

  // Wait until the bucket, as last reported and restored since, can afford `cost`.
  const pace = async (cost: number) => {
    const bucket = estimatedBucket(shop, now());
    if (!bucket || bucket.restoreRate <= 0) return;
    const needed = Math.min(cost + reserve, bucket.maximumAvailable);
    if (bucket.currentlyAvailable < needed) {
      await wait(Math.ceil(((needed - bucket.currentlyAvailable) / bucket.restoreRate) * 1000));
    }
  };

  return async (query, requestOptions) => {
    const mutation = isMutation(query);
    let throttles = 0;
    let readFailures = 0;
    for (;;) {
      await pace(lastCost.get(query) ?? options.defaultCost ?? MAX_SINGLE_QUERY_COST);
      if (stats) stats.calls += 1;
      try {
        const response = await graphql(query, requestOptions);
        const body = (await response.clone().json()) as { extensions?: { cost?: QueryCost } };
        remember(shop, body.extensions?.cost, query, now());
        return response;
      } catch (error) {
        if (error instanceof Response) throw error;
        const throttled = throttledCost(error);
        if (throttled !== null && throttles < maxThrottleRetries) {
          // THROTTLED means the query did not run, so even a mutation is safe to send again.
          throttles += 1;
          if (stats) stats.throttledRetries += 1;
          remember(shop, throttled, query, now());
          if (!throttled) await wait(1000);
          continue;
        }
        if (error instanceof HttpThrottlingError && throttles < maxThrottleRetries) {
          throttles += 1;
          if (stats) stats.throttledRetries += 1;
          await wait((error.response.retryAfter ?? 1) * 1000);
          continue;
        }
        if (!mutation && isTransportFailure(error) && readFailures < maxReadRetries) {
          readFailures += 1;
          if (stats) stats.readRetries += 1;
          await wait(readBackoffMs * 2 ** (readFailures - 1) * (0.5 + Math.random()));
          continue;
        }
        throw error;
      }
    }
  };
}
