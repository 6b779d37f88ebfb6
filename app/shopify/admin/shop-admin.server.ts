// The Admin client for background work (jobs have no request): unauthenticated.admin(shop)
// with the shop's offline session, wrapped in the cost-aware client.
import { SessionNotFoundError } from "@shopify/shopify-app-remix/server";
import { unauthenticated } from "~/shopify.server";
import { type CostAwareOptions, costAwareGraphql } from "./admin-client.server";
import type { AdminGraphql } from "./run-operation.server";

/** The shop's paced Admin client, or null when the shop has no offline session (uninstalled). */
export async function shopAdminGraphql(shop: string, options: CostAwareOptions = {}): Promise<AdminGraphql | null> {
  try {
    const { admin } = await unauthenticated.admin(shop);
    return costAwareGraphql(shop, admin.graphql, options);
  } catch (error) {
    if (error instanceof SessionNotFoundError) return null;
    throw error;
  }
}
