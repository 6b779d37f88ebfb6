// Fulfil: ship with tracking, or hand a pickup order to the customer. Since 2024-10 an app can't
// fulfil another fulfillment service's FOs; the gate (supportedActions) says so first.
// https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentCreate
import { fromJsonColumn } from "~/db/json-column";
import { createFulfillment } from "~/shopify/admin/fulfillment-create.server";
import { markPreparedForPickup } from "~/shopify/admin/fulfillment-order-line-items-prepared-for-pickup.server";
import { ACTION_MESSAGES as M } from "../actions/messages";
import { markFulfillmentOrdersPreparedForPickup } from "../ledger.server";
import { type FulfillmentCommand, mutated, refused } from "./command.server";
import { type CommandLine, coversEverything } from "./lines";

interface Fulfil {
  lines: readonly CommandLine[];
  tracking: { company: string | null; number: string | null; url: string | null };
  notifyCustomer: boolean;
}

export const fulfil = (input: Fulfil): FulfillmentCommand => ({
  intent: "fulfil",
  async mutate({ graphql }, { fo }) {
    const r = await createFulfillment(graphql, {
      fulfillmentOrderId: fo.id,
      lines: [...input.lines],
      tracking: input.tracking,
      notifyCustomer: input.notifyCustomer,
    });
    return mutated([fo.id, ...r.fulfillmentOrderIds]);
  },
});

/** The customer collected a pickup order: a fulfillment without tracking, no shipping email. */
export const pickedUp = (input: { lines: readonly CommandLine[] }): FulfillmentCommand => ({
  intent: "picked-up",
  async mutate({ graphql }, { fo }) {
    const r = await createFulfillment(graphql, {
      fulfillmentOrderId: fo.id,
      lines: [...input.lines],
      tracking: null,
      notifyCustomer: false,
    });
    return mutated([fo.id, ...r.fulfillmentOrderIds]);
  },
});

/**
 * Ready for pickup is all-or-nothing: Shopify marks whole FOs.
 * https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderLineItemsPreparedForPickup
 */
export const readyForPickup = (input: { lines: readonly CommandLine[] }): FulfillmentCommand => ({
  intent: "ready-for-pickup",
  async mutate({ graphql, shop, source, actor }, { fo, row }) {
    const open = fromJsonColumn<{ id: string; remainingQuantity: number }[]>(row.lineItems);
    if (!coversEverything(open, input.lines)) return refused([{ field: "lines", message: M.wholeForPickup }]);
    await markPreparedForPickup(graphql, [fo.id]);
    return mutated([fo.id], [], {
      // Shopify's FulfillmentOrder has no "prepared" field: the ledger is the only record.
      afterwards: async () => void (await markFulfillmentOrdersPreparedForPickup(shop, [fo.id], { source, actor })),
    });
  },
});
