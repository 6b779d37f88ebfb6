// Merge an FO with its siblings at the same location into one new FO, so one fulfillment request
// covers them all (an accepted post-purchase offer's items arrive in an FO of their own).
// https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderMerge
import { mergeFulfillmentOrders } from "~/shopify/admin/fulfillment-order-merge.server";
import { childrenOf, type FulfillmentCommand, mutated } from "./command.server";

export const merge = (input: { siblingIds: readonly string[] }): FulfillmentCommand => ({
  intent: "merge",
  async mutate({ graphql }, { fo }) {
    const ids = [fo.id, ...input.siblingIds];
    const mergedId = await mergeFulfillmentOrders(
      graphql,
      ids.map((fulfillmentOrderId) => ({ fulfillmentOrderId, lines: [] })),
    );
    return mutated([mergedId, ...ids], childrenOf(fo.id, "merged", mergedId));
  },
});
