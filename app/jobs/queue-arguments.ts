// How both JobQueue implementations read their callers' arguments (prisma-job-queue.server.ts,
// pg-boss-job-queue.server.ts): maxAttempts, a listing's filter, the counts' shape. The defaults
// and bounds job-queue.ts promises are decided once here. Pure: no I/O.
import { JOB_STATUSES, type JobCounts, type JobFilter, type JobStatus } from "./job-queue";

const DEFAULT_MAX_ATTEMPTS = 8;
const DEFAULT_TAKE = 50;
const MAX_TAKE = 500;

/** An enqueue's maxAttempts, or 8; refused unless a positive integer. */
export function checkedMaxAttempts(value: number | undefined): number {
  const maxAttempts = value ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new RangeError(`maxAttempts must be a positive integer, got ${maxAttempts}`);
  }
  return maxAttempts;
}

/** A listing's filter with its defaults applied: null means "any". */
interface JobListQuery {
  shop: string | null;
  type: string | null;
  statuses: readonly JobStatus[] | null;
  /** How many jobs at most: `take`, or 50, kept within 1..500. */
  take: number;
}

export function jobListQuery(filter: JobFilter & { take?: number }): JobListQuery {
  return {
    shop: filter.shop ?? null,
    type: filter.type ?? null,
    statuses: filter.statuses ?? null,
    take: Math.min(Math.max(filter.take ?? DEFAULT_TAKE, 1), MAX_TAKE),
  };
}

/** Every status at zero, for jobCounts to add its groups to. */
export function emptyJobCounts(): JobCounts {
  return Object.fromEntries(JOB_STATUSES.map((status) => [status, 0])) as JobCounts;
}
