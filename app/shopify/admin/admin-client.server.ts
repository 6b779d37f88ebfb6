// A cost-aware Admin GraphQL client per shop. Shopify meters GraphQL by calculated query cost
// in a leaky bucket per shop and app, and answers THROTTLED (HTTP 200) when the bucket cannot
// cover a query (https://shopify.dev/docs/api/usage/limits#graphql-admin-api-rate-limits).
// This wrapper takes each call's cost from the shop's budget before sending it (waiting while the
// budget cannot afford it), settles the budget from `extensions.cost` in every answer, waits and
// retries on THROTTLED, retries reads on 5xx/network errors with backoff, and never retries a
// mutation that may have run. The budget is shared by every process on PostgreSQL
// (api-budget-store.server.ts), so two workers never overdraw the bucket.
import {
  GraphqlQueryError,
  HttpInternalError,
  HttpMaxRetriesError,
  HttpRequestError,
  HttpThrottlingError,
} from "@shopify/shopify-api";
import { type BudgetStore, budgetStore, forgetMemoryBudgets } from "./api-budget-store.server";
import type { QueryCost } from "./errors";
import type { AdminGraphql } from "./run-operation.server";

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
  /** Where the shop's budget is kept; the process's store by default. */
  budget?: BudgetStore;
}

/** https://shopify.dev/docs/api/usage/limits#graphql-admin-api-rate-limits */
const MAX_SINGLE_QUERY_COST = 1000;

// The cost Shopify last requested for each operation: what its next call takes from the budget.
const lastCost = new Map<string, number>();

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const isMutation = (document: string) => /^\s*(#graphql\s*)?mutation\b/.test(document);

export function newClientStats(): ClientStats {
  return { calls: 0, throttledRetries: 0, readRetries: 0, waitedMs: 0 };
}

/** Forgets what this process knows of every bucket and operation (tests). */
export function resetCostTracking(): void {
  forgetMemoryBudgets();
  lastCost.clear();
}

// The cost Shopify sent with a GraphQL error (THROTTLED carries one), if any.
function errorCost(error: unknown): QueryCost | undefined {
  if (!(error instanceof GraphqlQueryError)) return undefined;
  return (error.body as { extensions?: { cost?: QueryCost } } | undefined)?.extensions?.cost;
}

function isThrottled(error: unknown): boolean {
  if (!(error instanceof GraphqlQueryError)) return false;
  const body = error.body as { errors?: { graphQLErrors?: { extensions?: { code?: string } }[] } } | undefined;
  return body?.errors?.graphQLErrors?.some((e) => e.extensions?.code === "THROTTLED") ?? false;
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

  const budget = options.budget ?? budgetStore();

  // Wait until the budget can afford `cost` (plus the reserve), and take it for one call.
  const takeFromBudget = async (cost: number) => {
    for (;;) {
      const result = await budget.take(shop, cost, reserve, now());
      if ("taken" in result) return result.call;
      await wait(result.waitMs);
    }
  };

  // Settles the call from Shopify's answer, or, when the answer carries no cost, only ends it.
  const settleBudget = async (call: string, taken: number, cost: QueryCost | null | undefined, query: string) => {
    if (!cost?.throttleStatus) return budget.release(shop, call, now());
    await budget.settle(shop, call, taken, cost, now());
    if (typeof cost.requestedQueryCost === "number") lastCost.set(query, cost.requestedQueryCost);
  };

  return async (query, requestOptions) => {
    const mutation = isMutation(query);
    let throttles = 0;
    let readFailures = 0;
    for (;;) {
      const cost = lastCost.get(query) ?? options.defaultCost ?? MAX_SINGLE_QUERY_COST;
      const call = await takeFromBudget(cost);
      if (stats) stats.calls += 1;
      let response: Response;
      try {
        response = await graphql(query, requestOptions);
      } catch (error) {
        // Every call that took points ends in the budget, answered or not.
        const answered = errorCost(error);
        await settleBudget(call, cost, answered, query);
        if (error instanceof Response) throw error;
        if (isThrottled(error) && throttles < maxThrottleRetries) {
          // THROTTLED means the query did not run, so even a mutation is safe to send again.
          throttles += 1;
          if (stats) stats.throttledRetries += 1;
          if (!answered) await wait(1000);
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
      // An unreadable body is the caller's error to report (runOperation); here it only means no cost.
      const body = (await response
        .clone()
        .json()
        .catch(() => ({}))) as { extensions?: { cost?: QueryCost } };
      await settleBudget(call, cost, body.extensions?.cost, query);
      return response;
    }
  };
}
