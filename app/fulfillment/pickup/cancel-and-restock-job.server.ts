// The background half of the pickup board's cancel and restock: the job type, and queueing it.
// Its handler (runPickupCancelJob, registered in app/background.server.ts) finishes any
// cancellation a request left "cancelling" (Shopify still working, no answer, a crash).
import type { Prisma } from "@prisma/client";
import type { JobQueue } from "~/jobs/job-queue";

export const PICKUP_CANCEL_JOB = "pickup.cancel-order";

/**
 * Due this long after the request queued it: by then the request has either finished the
 * cancellation itself (the job then has nothing to do) or stopped waiting for it.
 */
const PICKUP_CANCEL_JOB_DELAY_MS = 30_000;

export interface PickupCancelJobPayload {
  shop: string;
  cancellationId: string;
}

/** The queue, able to add a job inside the transaction that creates the cancellation. */
export type PickupCancelQueue = Pick<JobQueue, "enqueueWith">;

export function enqueuePickupCancelJob(
  queue: PickupCancelQueue,
  tx: Prisma.TransactionClient,
  cancellation: { id: string; shop: string },
  now: Date,
) {
  return queue.enqueueWith(
    tx,
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
