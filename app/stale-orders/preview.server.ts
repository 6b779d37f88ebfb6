// Reads the candidates from Shopify (paged, through the caller's cost-aware client) and builds the
// dry run. Both the screen's preview and a run's confirmation go through here, so a run only ever
// cancels what a fresh preview on the server says is eligible.
import { fetchStaleOrderCandidatesPage } from "~/shopify/admin/stale-order-candidates.server";
import type { AdminGraphql } from "~/shopify/admin/run-operation.server";
import {
  candidateSearch,
  includedFinancialStatuses,
  type StaleOrderPolicySettings,
  type StaleOrderSnapshot,
} from "./policy";
import { buildPreview, type StaleOrderPreview } from "./preview";

/** A bound on one preview, so a shop with a huge backlog still gets an answer; the rest waits for the next run. */
const MAX_PREVIEW_ORDERS = 2_000;

export async function previewStaleOrders(
  graphql: AdminGraphql,
  policy: StaleOrderPolicySettings,
  now: Date = new Date(),
): Promise<StaleOrderPreview> {
  const orders: StaleOrderSnapshot[] = [];
  for (const status of includedFinancialStatuses(policy)) {
    const search = candidateSearch(status, policy, now);
    let after: string | null = null;
    do {
      const page = await fetchStaleOrderCandidatesPage(graphql, search, after);
      orders.push(...page.orders);
      after = page.nextCursor;
    } while (after !== null && orders.length < MAX_PREVIEW_ORDERS);
  }
  return buildPreview(orders, policy, now);
}
