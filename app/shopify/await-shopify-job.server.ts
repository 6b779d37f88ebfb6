// Waiting for an asynchronous Shopify job (orderCancel answers with one) without holding a
// worker for long: a few job(id) reads, then give the work back to the job runner.
// https://shopify.dev/docs/api/admin-graphql/latest/queries/job
import { readJobDone } from "./admin/job-status.server";
import type { AdminGraphql } from "./admin/run-operation.server";

export interface AwaitJobOptions {
  sleep?: (ms: number) => Promise<void>;
  /** First wait between job(id) polls; it doubles up to MAX_POLL_MS. */
  pollMs?: number;
  /** Polls before giving up with ShopifyJobStillRunning. */
  pollAttempts?: number;
}

/** Thrown while Shopify is still working: the job runner retries with backoff, nothing is lost. */
export class ShopifyJobStillRunning extends Error {
  override readonly name = "ShopifyJobStillRunning";
}

const MAX_POLL_MS = 2_000;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * "done" once Shopify reports the job done, "unknown" when Shopify no longer knows the job (the
 * caller re-reads the object it changed). Throws ShopifyJobStillRunning after `pollAttempts`.
 */
export async function awaitShopifyJob(
  graphql: AdminGraphql,
  jobId: string,
  stillRunningMessage: string,
  options: AwaitJobOptions = {},
): Promise<"done" | "unknown"> {
  const sleep = options.sleep ?? defaultSleep;
  // Short first waits: a cancel job often finishes in well under a second, and one cheap job(id)
  // read (cost 1) is less than the bucket refills meanwhile. Then back off.
  let pollMs = options.pollMs ?? 100;
  const attempts = options.pollAttempts ?? 12;
  for (let poll = 0; poll < attempts; poll += 1) {
    const done = await readJobDone(graphql, jobId);
    if (done === true) return "done";
    if (done === null) return "unknown";
    await sleep(pollMs);
    pollMs = Math.min(MAX_POLL_MS, pollMs * 2);
  }
  throw new ShopifyJobStillRunning(stillRunningMessage);
}
