import { randomUUID } from "node:crypto";
import { type Prisma, type PrismaClient } from "@prisma/client";
import { prisma } from "~/db.server";
import {
  JOB_STATUSES,
  type EnqueueOptions,
  type EnqueueResult,
  type JobCounts,
  type JobDetail,
  type JobFilter,
  type JobQueue,
  type JobStatus,
  type JobSummary,
  type JobTransaction,
} from "./job-queue";
import { checkedMaxAttempts, emptyJobCounts, jobListQuery } from "./queue-arguments";
import { isUniqueViolation } from "~/db/unique-violation";
import { insertRowsSql, isSqlTransaction, sqlParameter, sqlTimestamp, type SqlTransaction } from "~/db/sql-transaction";

// The first JobQueue: rows in the `Job` table, written with portable Prisma calls, so the same code
// runs on SQLite and PostgreSQL. The one exception is an enqueue inside a transaction on the driver
// (the webhook inbox's, app/db/sql-transaction.ts), which is SQL (insertJobsSql). The runner is
// prisma-job-runner.server.ts.

type EnqueuedListener = () => void;

export class PrismaJobQueue implements JobQueue {
  readonly enqueuesInSqlTransactions = true;
  /** Shared with PrismaJobRunner, which reads and claims the rows this queue writes. */
  readonly db: PrismaClient;
  readonly #listeners = new Set<EnqueuedListener>();
  readonly #dedupeLocks = new Map<string, Promise<unknown>>();

  constructor(options: { db?: PrismaClient } = {}) {
    this.db = options.db ?? prisma;
  }

  async enqueue(type: string, payload: unknown, options: EnqueueOptions = {}): Promise<EnqueueResult> {
    const key = options.dedupeKey;
    // The check-then-insert of a dedupeKey is serialised per key within this process. It is not an
    // interactive transaction on purpose: the SQLite driver adapter runs every query of the process
    // on one connection, so other work would be pulled into it. Across processes see
    // docs/decisions/0010-one-active-job-per-dedupe-key.md.
    const result =
      key === undefined
        ? await insertJob(this.db, type, payload, options)
        : await this.#serialised(key, () => insertJob(this.db, type, payload, options));
    if (!result.deduplicated) this.#notifyEnqueued();
    return result;
  }

  /**
   * Enqueue inside the caller's transaction, so a row and the job that processes it commit or roll
   * back together (a webhook delivery and its processing job). The in-process wake-up cannot know
   * when the caller commits, so such a job starts on the runner's next poll (pollMs), not at once.
   */
  async enqueueWith(
    tx: JobTransaction,
    type: string,
    payload: unknown,
    options: EnqueueOptions = {},
  ): Promise<EnqueueResult> {
    if (isSqlTransaction(tx)) {
      const [result] = await insertJobsSql(tx, type, [{ payload, options }]);
      return result!;
    }
    return insertJob(tx, type, payload, options, { inTransaction: true });
  }

  /**
   * Many jobs of one type in one insert, inside the caller's transaction: the webhook inbox's group
   * commit. No dedupe keys (they need a lookup per job). Like enqueueWith, they start on the next poll.
   */
  async enqueueManyWith(
    tx: JobTransaction,
    type: string,
    jobs: readonly { payload: unknown; options?: Omit<EnqueueOptions, "dedupeKey"> }[],
  ): Promise<void> {
    if (type.length === 0) throw new RangeError("A job needs a type");
    if (isSqlTransaction(tx)) {
      await insertJobsSql(tx, type, jobs);
      return;
    }
    const now = new Date();
    await tx.job.createMany({
      data: jobs.map(({ payload, options = {} }) => ({
        type,
        payload: JSON.stringify(payload) ?? "null",
        shop: options.shop ?? null,
        runAt: options.runAt ?? now,
        maxAttempts: checkedMaxAttempts(options.maxAttempts),
      })),
    });
  }

  /**
   * A running job gives up its dedupeKey: enqueueing the same key again makes a new job instead of
   * returning this one. For work that must see every change made after it started (a re-read of an
   * order): arrivals while it is queued share it, arrivals once it runs queue the next one.
   */
  async releaseDedupeKey(jobId: string): Promise<void> {
    await this.db.job.updateMany({ where: { id: jobId, status: "running" }, data: { activeDedupeKey: null } });
  }

  async pendingDedupeKeys(keys: readonly string[]): Promise<Set<string>> {
    const pending = new Set<string>();
    // Chunked: SQLite caps bound parameters per query.
    for (let i = 0; i < keys.length; i += 500) {
      const rows = await this.db.job.findMany({
        where: { activeDedupeKey: { in: keys.slice(i, i + 500) } },
        select: { activeDedupeKey: true },
      });
      for (const row of rows) if (row.activeDedupeKey !== null) pending.add(row.activeDedupeKey);
    }
    return pending;
  }

  /**
   * For app/uninstalled: queued jobs of the shop will not run. A job already running finishes (its
   * handler should notice the shop is gone and throw PermanentJobError rather than retry).
   */
  async cancelJobsForShop(shop: string): Promise<number> {
    const { count } = await this.db.job.updateMany({
      where: { shop, status: "queued" },
      data: { status: "cancelled", finishedAt: new Date(), activeDedupeKey: null },
    });
    return count;
  }

  async deleteJobsForShop(shop: string, { except }: { except?: string } = {}): Promise<number> {
    const { count } = await this.db.job.deleteMany({ where: { shop, ...(except ? { NOT: { id: except } } : {}) } });
    return count;
  }

  /**
   * Puts a dead job back in the queue with a fresh set of attempts. Refused (false) when the job is
   * not dead, or when another job with the same dedupeKey is already queued or running.
   */
  async retryDeadJob(id: string): Promise<boolean> {
    const job = await this.db.job.findUnique({ where: { id }, select: { status: true, dedupeKey: true } });
    if (job?.status !== "dead") return false;
    if (job.dedupeKey !== null && (await findActiveJobId(this.db, job.dedupeKey)) !== null) return false;
    let count: number;
    try {
      ({ count } = await this.db.job.updateMany({
        where: { id, status: "dead" },
        data: {
          status: "queued",
          attempts: 0,
          runAt: new Date(),
          lockedAt: null,
          lockedBy: null,
          finishedAt: null,
          activeDedupeKey: job.dedupeKey,
        },
      }));
    } catch (error) {
      // The key became active in another process meanwhile.
      if (isUniqueViolation(error)) return false;
      throw error;
    }
    if (count === 1) this.#notifyEnqueued();
    return count === 1;
  }

  /**
   * Deletes succeeded and cancelled jobs that finished before `finishedBefore`, so the table does
   * not grow without bound. Dead jobs are kept for someone to look at and retry or delete by hand.
   */
  async pruneFinishedJobs(finishedBefore: Date): Promise<number> {
    const { count } = await this.db.job.deleteMany({
      where: { status: { in: ["succeeded", "cancelled"] }, finishedAt: { lt: finishedBefore } },
    });
    return count;
  }

  async getJob(id: string, shop: string): Promise<JobSummary | null> {
    const row = await this.db.job.findFirst({ where: { id, shop }, select: SUMMARY });
    return row === null ? null : { ...row, status: toJobStatus(row.status) };
  }

  async listJobs(filter: JobFilter & { take?: number } = {}): Promise<JobSummary[]> {
    const rows = await this.db.job.findMany({ ...listQuery(filter), select: SUMMARY });
    return rows.map((row) => ({ ...row, status: toJobStatus(row.status) }));
  }

  async listJobDetails(filter: JobFilter & { take?: number } = {}): Promise<JobDetail[]> {
    const rows = await this.db.job.findMany({ ...listQuery(filter), select: { ...SUMMARY, payload: true } });
    return rows.map((row) => ({
      ...row,
      status: toJobStatus(row.status),
      payload: JSON.parse(row.payload) as unknown,
    }));
  }

  /** Jobs per status, every status present (zero when none); all shops when `shop` is omitted. */
  async jobCounts(shop?: string): Promise<JobCounts> {
    const groups = await this.db.job.groupBy({ by: ["status"], where: { shop }, _count: { _all: true } });
    const counts = emptyJobCounts();
    for (const group of groups) counts[toJobStatus(group.status)] += group._count._all;
    return counts;
  }

  /** In-process wake-up: the runner subscribes so a job starts without waiting for the next poll. */
  onEnqueued(listener: EnqueuedListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #notifyEnqueued(): void {
    for (const listener of this.#listeners) listener();
  }

  async #serialised<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#dedupeLocks.get(key) ?? Promise.resolve();
    const current = previous.catch(() => undefined).then(work);
    this.#dedupeLocks.set(key, current);
    try {
      return await current;
    } finally {
      if (this.#dedupeLocks.get(key) === current) this.#dedupeLocks.delete(key);
    }
  }
}

async function insertJob(
  db: PrismaClient | Prisma.TransactionClient,
  type: string,
  payload: unknown,
  options: EnqueueOptions,
  { inTransaction = false }: { inTransaction?: boolean } = {},
): Promise<EnqueueResult> {
  const maxAttempts = checkedMaxAttempts(options.maxAttempts);
  if (type.length === 0) throw new RangeError("A job needs a type");
  const dedupeKey = options.dedupeKey ?? null;
  if (dedupeKey !== null) {
    const existing = await findActiveJobId(db, dedupeKey);
    if (existing !== null) return { id: existing, deduplicated: true };
  }
  try {
    const job = await db.job.create({
      data: {
        type,
        // `undefined` (and other values JSON cannot carry) become null rather than an unparsable row.
        payload: JSON.stringify(payload) ?? "null",
        shop: options.shop ?? null,
        runAt: options.runAt ?? new Date(),
        maxAttempts,
        dedupeKey,
        activeDedupeKey: dedupeKey,
      },
      select: { id: true },
    });
    return { id: job.id, deduplicated: false };
  } catch (error) {
    // Another process enqueued the same key between our check and our insert. Not inside the
    // caller's transaction: Postgres aborts a transaction at its first error, so the caller's
    // transaction must fail and be retried whole.
    if (dedupeKey !== null && !inTransaction && isUniqueViolation(error)) {
      const existing = await findActiveJobId(db, dedupeKey);
      if (existing !== null) return { id: existing, deduplicated: true };
    }
    throw error;
  }
}

const JOB_COLUMNS = [
  "id",
  "shop",
  "type",
  "payload",
  "status",
  "attempts",
  "maxAttempts",
  "runAt",
  "dedupeKey",
  "activeDedupeKey",
  "createdAt",
  "updatedAt",
] as const;

/**
 * The rows insertJob and createMany write, in SQL, inside a transaction on the driver. Every column
 * is given: the schema's defaults that Prisma fills in itself (the id, `@updatedAt`) have no SQL
 * default, and SQLite's `CURRENT_TIMESTAMP` is not the text Prisma writes (sqlTimestamp). A job's
 * id is a UUID, as pg-boss's are; ids are opaque everywhere they are read.
 */
async function insertJobsSql(
  tx: SqlTransaction,
  type: string,
  jobs: readonly { payload: unknown; options?: EnqueueOptions }[],
): Promise<EnqueueResult[]> {
  if (type.length === 0) throw new RangeError("A job needs a type");
  const now = sqlTimestamp(tx.dialect, new Date());
  const results: EnqueueResult[] = [];
  const rows: unknown[][] = [];
  for (const { payload, options = {} } of jobs) {
    const dedupeKey = options.dedupeKey ?? null;
    if (dedupeKey !== null) {
      const { rows } = await tx.executeSql(
        `SELECT "id" FROM "Job" WHERE "activeDedupeKey" = ${sqlParameter(tx.dialect, 1)}`,
        [dedupeKey],
      );
      const existing = rows[0] as { id: string } | undefined;
      if (existing !== undefined) {
        results.push({ id: existing.id, deduplicated: true });
        continue;
      }
    }
    const id = randomUUID();
    rows.push([
      id,
      options.shop ?? null,
      type,
      // `undefined` (and other values JSON cannot carry) become null rather than an unparsable row.
      JSON.stringify(payload) ?? "null",
      "queued",
      0,
      checkedMaxAttempts(options.maxAttempts),
      options.runAt === undefined ? now : sqlTimestamp(tx.dialect, options.runAt),
      dedupeKey,
      dedupeKey,
      now,
      now,
    ]);
    results.push({ id, deduplicated: false });
  }
  if (rows.length > 0) {
    const { text, values } = insertRowsSql(tx.dialect, "Job", JOB_COLUMNS, rows);
    await tx.executeSql(text, values);
  }
  return results;
}

async function findActiveJobId(db: PrismaClient | Prisma.TransactionClient, dedupeKey: string): Promise<string | null> {
  // activeDedupeKey is set exactly while a job is queued or running and has not released its key
  // (releaseDedupeKey); its unique index makes this a point lookup.
  const job = await db.job.findUnique({ where: { activeDedupeKey: dedupeKey }, select: { id: true } });
  return job?.id ?? null;
}

// What JobSummary shows: never the payload (customer data), nor how this implementation locks a row.
const SUMMARY = {
  id: true,
  shop: true,
  type: true,
  status: true,
  attempts: true,
  maxAttempts: true,
  runAt: true,
  lastError: true,
  dedupeKey: true,
  createdAt: true,
  finishedAt: true,
} as const;

function listQuery(filter: JobFilter & { take?: number }) {
  const { shop, type, statuses, take } = jobListQuery(filter);
  return {
    // `undefined`, not null, is Prisma's "any" (null would match only rows without a shop).
    where: {
      shop: shop ?? undefined,
      type: type ?? undefined,
      status: statuses === null ? undefined : { in: [...statuses] },
    },
    orderBy: [{ createdAt: "desc" as const }, { id: "desc" as const }],
    take,
  };
}

function toJobStatus(value: string): JobStatus {
  const status = JOB_STATUSES.find((candidate) => candidate === value);
  if (status === undefined) throw new Error(`Unknown job status in the database: ${value}`);
  return status;
}
