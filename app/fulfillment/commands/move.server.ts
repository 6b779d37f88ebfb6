// Move an FO (or some lines) to another location. Shopify moves only what the destination
// stocks, so the original can keep some items.
// https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderMove
import { moveFulfillmentOrder } from "~/shopify/admin/fulfillment-order-move.server";
import { childrenOf, type FulfillmentCommand, mutated } from "./command.server";
import type { CommandLine } from "./lines";

interface Move {
  locationId: string;
  lines: readonly CommandLine[];
}

export const move = (input: Move): FulfillmentCommand => ({
  intent: "move",
  async mutate({ graphql }, { fo }) {
    const r = await moveFulfillmentOrder(graphql, {
      fulfillmentOrderId: fo.id,
      newLocationId: input.locationId,
      lines: [...input.lines],
    });
    const original = r.originalId ?? fo.id;
    return mutated([original, r.movedId, r.remainingId], childrenOf(original, "moved", r.movedId));
  },
});
