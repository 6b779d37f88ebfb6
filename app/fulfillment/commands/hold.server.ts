// Hold an FO (or some of its lines) with our handle, and release our own holds — never another
// app's: Shopify lets any app release any hold, so the check is ours.
// https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderHold
// https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderReleaseHold
import { createHash } from "node:crypto";
import { holdFulfillmentOrder } from "~/shopify/admin/fulfillment-order-hold.server";
import { releaseHolds as releaseHoldsMutation } from "~/shopify/admin/fulfillment-order-release-hold.server";
import { ACTION_MESSAGES as M } from "../actions/messages";
import { OUR_HOLD_HANDLE_PREFIX } from "../actions/contract";
import { childrenOf, type FulfillmentCommand, mutated, refused } from "./command.server";
import type { CommandLine } from "./lines";

/** Our hold handle: deterministic per submission, so even a lost idempotency row can't hold twice. */
export function ourHoldHandle(shop: string, submissionKey: string): string {
  const short = createHash("sha256").update(`${shop}\n${submissionKey}`).digest("hex").slice(0, 10);
  return `${OUR_HOLD_HANDLE_PREFIX}-${short}`;
}

interface Hold {
  reason: string;
  reasonNotes: string | null;
  notifyMerchant: boolean;
  /** Our handle (ourHoldHandle): the hold is ours to release later. */
  handle: string;
  /** Empty = the whole FO. */
  lines: readonly CommandLine[];
}

export const hold = (input: Hold): FulfillmentCommand => ({
  intent: "hold",
  async mutate({ graphql }, { fo }) {
    const r = await holdFulfillmentOrder(graphql, {
      fulfillmentOrderId: fo.id,
      reason: input.reason,
      reasonNotes: input.reasonNotes,
      notifyMerchant: input.notifyMerchant,
      handle: input.handle,
      lines: [...input.lines],
    });
    const held = r.heldFulfillmentOrderId ?? fo.id;
    return mutated(
      [held, r.remainingFulfillmentOrderId],
      childrenOf(held, "partial_hold", r.remainingFulfillmentOrderId),
      { partly: r.remainingFulfillmentOrderId !== null },
    );
  },
});

interface ReleaseHolds {
  /** Our holds to release; empty = all of ours. */
  holdIds: readonly string[];
}

export const releaseHolds = (input: ReleaseHolds): FulfillmentCommand => ({
  intent: "release-holds",
  async mutate({ graphql }, { fo }) {
    // Ids the ledger knows as someone else's are refused here; ids it doesn't know at all (the
    // caller has just checked the ledger against Shopify) aren't on this FO, so Shopify refuses
    // them without releasing anything.
    const errors = input.holdIds.flatMap((holdId, i) => {
      const known = fo.holds.find((h) => h.id === holdId);
      return known && !known.heldByRequestingApp
        ? [{ field: `holdIds.${i}`, message: M.notOurHold(known.heldByAppTitle ?? "Shopify") }]
        : [];
    });
    if (errors.length) return refused(errors);
    const holdIds = input.holdIds.length
      ? [...input.holdIds]
      : fo.holds.filter((h) => h.heldByRequestingApp).map((h) => h.id);
    const r = await releaseHoldsMutation(graphql, { fulfillmentOrderId: fo.id, holdIds });
    return mutated([r.fulfillmentOrderId ?? fo.id], [], { released: holdIds.length });
  },
});
