// The background half of the pickup board's cancel and restock: the job type, and queueing it.
// Its handler (runPickupCancelJob, registered in app/background.server.ts) finishes any
// cancellation a request left "cancelling" (Shopify still working, no answer, a crash).
import type { JobQueue } from "~/jobs/job-queue";

export const PICKUP_CANCEL_JOB = "pickup.cancel-order";

/**
 * Due this long after the request queued it: by then the request has either finished the
 * cancellation itself (the job then has nothing to do) or stopped waiting for it.
 */
export const PICKUP_CANCEL_JOB_DELAY_MS = 30_000;

export interface PickupCancelJobPayload {
  shop: string;
  cancellationId: string;
}

export function enqueuePickupCancelJob(queue: JobQueue, cancellation: { id: string; shop: string }, now: Date) {
  return queue.enqueue(
    PICKUP_CANCEL_JOB,
    { shop: cancellation.shop, cancellationId: cancellation.id } satisfies PickupCancelJobPayload,
    {
      shop: cancellation.shop,
      runAt: new Date(now.getTime() + PICKUP_CANCEL_JOB_DELAY_MS),
      // Cancelling is slow on Shopify's side; the job yields while Shopify works and tries again.
      maxAttempts: 20,
      dedupeKey: `pickup:cancel:${cancellation.id}`,
    },
  );
}
