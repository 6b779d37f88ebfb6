// Counts what Shopify charged: every Admin call answered, whether it failed, and its points
// (actual cost after refunds), into the meter the caller picks for the query. For benchmarks.
import type { AdminGraphql } from "~/shopify/admin/run-operation.server";

export interface CallMeter {
  calls: number;
  failed: number;
  points: number;
}

export function meteredGraphql(graphql: AdminGraphql, meterFor: (query: string) => CallMeter): AdminGraphql {
  return async (query, options) => {
    const meter = meterFor(query);
    meter.calls += 1;
    try {
      const response = await graphql(query, options);
      const body = (await response.clone().json()) as {
        errors?: unknown;
        extensions?: { cost?: { actualQueryCost: number | null; requestedQueryCost: number } };
      };
      if (body.errors) meter.failed += 1;
      const cost = body.extensions?.cost;
      meter.points += cost ? (cost.actualQueryCost ?? cost.requestedQueryCost) : 0;
      return response;
    } catch (error) {
      meter.failed += 1;
      throw error;
    }
  };
}
