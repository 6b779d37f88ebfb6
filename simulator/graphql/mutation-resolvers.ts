// Mutation fields: each delegates to an operation and shapes Shopify's payload.
import {
  cancelFulfillmentOrder,
  submitCancellationRequest,
  submitFulfillmentRequest,
} from "../operations/fulfillment-requests";
import { createFulfillment, prepareForPickup, type FulfillmentCreateArgs } from "../operations/fulfillments";
import { placeHold, releaseHold, type HoldInput } from "../operations/holds";
import { mergeFulfillmentOrders, type MergeInput } from "../operations/merge";
import { moveFulfillmentOrder } from "../operations/move";
import { orderCancelJobResult, startOrderCancel, type OrderCancelArgs } from "../operations/order-cancel";
import { splitFulfillmentOrders, type SplitInput } from "../operations/split";
import type { LineItemQuantity } from "../domain/fulfillment-order-records";
import { field, type ResolverMap } from "./context";

type Items = LineItemQuantity[] | null | undefined;

/** Plain UserError objects carry no `code`; typed user errors do. */
function plain(errors: { field: string[]; message: string }[]) {
  return errors.map(({ field: f, message }) => ({ field: f, message }));
}

export const mutationResolvers: ResolverMap = {
  Mutation: {
    fulfillmentOrderSubmitFulfillmentRequest: field<unknown>((_s, args, ctx) => {
      const r = submitFulfillmentRequest(ctx.state, ctx.shop, {
        id: String(args.id),
        message: args.message as string | null,
        notifyCustomer: args.notifyCustomer as boolean | null,
        fulfillmentOrderLineItems: args.fulfillmentOrderLineItems as Items,
      });
      return {
        originalFulfillmentOrder: r.original,
        submittedFulfillmentOrder: r.submitted,
        unsubmittedFulfillmentOrder: r.unsubmitted,
        userErrors: plain(r.userErrors),
      };
    }),
    fulfillmentOrderSubmitCancellationRequest: field<unknown>((_s, args, ctx) => {
      const r = submitCancellationRequest(ctx.state, ctx.shop, {
        id: String(args.id),
        message: args.message as string | null,
      });
      return { fulfillmentOrder: r.fo, userErrors: plain(r.userErrors) };
    }),
    fulfillmentOrderCancel: field<unknown>((_s, args, ctx) => {
      const r = cancelFulfillmentOrder(ctx.state, ctx.shop, { id: String(args.id) });
      return {
        fulfillmentOrder: r.fo,
        replacementFulfillmentOrder: r.replacement,
        userErrors: r.userErrors.map((e) => ({ ...e, code: null })),
      };
    }),
    fulfillmentOrderHold: field<unknown>((_s, args, ctx) => {
      const r = placeHold(ctx.state, ctx.shop, String(args.id), args.fulfillmentHold as HoldInput, ctx.app);
      return {
        fulfillmentHold: r.hold,
        fulfillmentOrder: r.fo,
        remainingFulfillmentOrder: r.remaining,
        userErrors: r.userErrors,
      };
    }),
    fulfillmentOrderReleaseHold: field<unknown>((_s, args, ctx) => {
      const r = releaseHold(
        ctx.state,
        ctx.shop,
        { id: String(args.id), holdIds: args.holdIds as string[] | null, externalId: args.externalId as string | null },
        ctx.app,
      );
      return { fulfillmentOrder: r.fo, userErrors: r.userErrors };
    }),
    fulfillmentOrderLineItemsPreparedForPickup: field<unknown>((_s, args, ctx) => {
      const input = args.input as { lineItemsByFulfillmentOrder: { fulfillmentOrderId: string }[] };
      const r = prepareForPickup(
        ctx.state,
        ctx.shop,
        input.lineItemsByFulfillmentOrder.map((x) => x.fulfillmentOrderId),
      );
      return { userErrors: r.userErrors };
    }),
    fulfillmentCreate: field<unknown>((_s, args, ctx) => {
      const r = createFulfillment(ctx.state, ctx.shop, args.fulfillment as FulfillmentCreateArgs, "merchant_app");
      return { fulfillment: r.fulfillment, userErrors: plain(r.userErrors) };
    }),
    fulfillmentOrderMove: field<unknown>((_s, args, ctx) => {
      const r = moveFulfillmentOrder(ctx.state, ctx.shop, {
        id: String(args.id),
        newLocationId: String(args.newLocationId),
        fulfillmentOrderLineItems: args.fulfillmentOrderLineItems as Items,
      });
      return {
        movedFulfillmentOrder: r.moved,
        originalFulfillmentOrder: r.original,
        remainingFulfillmentOrder: r.remaining,
        userErrors: r.userErrors.map((e) => ({ ...e, code: null })),
      };
    }),
    fulfillmentOrderSplit: field<unknown>((_s, args, ctx) => {
      const r = splitFulfillmentOrders(ctx.state, ctx.shop, args.fulfillmentOrderSplits as SplitInput[]);
      return {
        fulfillmentOrderSplits: r.splits?.map((x) => ({ ...x, replacementFulfillmentOrder: null })) ?? null,
        userErrors: r.userErrors,
      };
    }),
    fulfillmentOrderMerge: field<unknown>((_s, args, ctx) => {
      const r = mergeFulfillmentOrders(ctx.state, ctx.shop, args.fulfillmentOrderMergeInputs as MergeInput[]);
      return {
        fulfillmentOrderMerges: r.merged?.map((fulfillmentOrder) => ({ fulfillmentOrder })) ?? null,
        userErrors: r.userErrors,
      };
    }),
    orderCancel: field<unknown>((_s, args, ctx) => {
      const r = startOrderCancel(ctx.state, ctx.shop, args as unknown as OrderCancelArgs);
      return {
        job: r.job,
        jobResult: r.job ? orderCancelJobResult(ctx.state, r.job) : null,
        orderCancelUserErrors: r.userErrors,
        userErrors: plain(r.userErrors),
      };
    }),
  },
};
