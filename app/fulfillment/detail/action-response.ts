// How an ActionResult answers over HTTP: 422 when the input or Shopify refused it, 409 when
// the page was stale or the action isn't available now, 200 otherwise. Pure.
import { z } from "zod";
import type { ActionResult } from "~/fulfillment/actions/contract";

export function httpStatusOf(result: ActionResult): number {
  if (result.ok) return 200;
  switch (result.kind) {
    case "invalid":
    case "user-errors":
      return 422;
    case "stale":
    case "unavailable":
      return 409;
  }
}

/** The detail route's :id, once Remix has decoded it. */
export const FulfillmentOrderIdParam = z.string().regex(/^gid:\/\/shopify\/FulfillmentOrder\/\d+$/);

export { actorOf } from "~/shopify/staff-actor";

/**
 * A fulfillment action form's submission (it always carries an idempotency key). Pages don't
 * revalidate on their own after one: the form that sent it toasts the answer first, then
 * revalidates — otherwise fresh data could unmount the form (an action that is no longer
 * available) before it had shown the answer.
 */
export const isFulfillmentActionSubmission = (formData: FormData | undefined) =>
  formData?.has("idempotencyKey") === true;
