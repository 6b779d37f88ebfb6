import { randomBytes } from "node:crypto";
import { fromPrisma, PgBoss, type Db } from "pg-boss";
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
import { isSqlTransaction } from "~/db/sql-transaction";

// The JobQueue on pg-boss 12 (docs/decisions/0038-pg-boss-job-queue.md), for PostgreSQL. Its jobs
// live in the `pgboss` schema of the app's own database, so `enqueueWith` can write them in the
// caller's Prisma transaction. How the contract maps onto pg-boss:
// - one queue per job type, policy `exclusive`: a unique index over (name, singleton_key) while a
//   job is created, retry or active (pg-boss plans.js createIndexJobPolicyExclusive, job_i6;
//   https://pgboss.io/api/queues). A dedupeKey is the singleton key; a job without one gets a key
//   of its own (`~<id>`), since on that policy keyless jobs would all share the empty key;
// - the shop, the dedupeKey and the payload travel in the job's data (an envelope), so jobs can be
//   filtered, cancelled and deleted by shop;
// - pg-boss's states map onto ours: created and retry = queued, active = running, completed =
//   succeeded, failed = dead, cancelled = cancelled.
// Reads and the transitions pg-boss has no call for are small statements on `pgboss.job` in this
// file and the worker (pg-boss-job-worker.server.ts), each saying which of pg-boss's own statements
// it follows.

export const PGBOSS_SCHEMA = "pgboss";
/** pg-boss deletes a job still created after its retention; ours never expire unrun (~10 years). */
const RETENTION_SECONDS = 10 * 365 * 24 * 60 * 60;
/**
 * pg-boss fails a job active longer than its expiration (https://pgboss.io/api/queues,
 * expireInSeconds). The embedded runner has no such bound and long reconciles are legitimate, so
 * it is pg-boss's maximum (24 h, attorney.js MAX_EXPIRATION_HOURS); leases are ours (the worker).
 */
const EXPIRE_SECONDS = 24 * 60 * 60;
const JOB_TYPE = /^[\w.\-/]+$/;

/** What we store as a pg-boss job's data. */
export interface JobEnvelope {
  shop: string | null;
  dedupeKey: string | null;
  payload: unknown;
}

/** The singleton key a job holds while it has no dedupeKey (or has released it): unique to it. */
const ownKey = (id: string): string => `~${id}`;

interface PgBossJobQueueOptions {
  connectionString: string;
  /** Maintenance (supervision) on this instance; off for a process that only enqueues. */
  supervise?: boolean;
  logger?: { error(message: string, fields: Record<string, unknown>): void };
}

/**
 * pg-boss runs its statements on whatever `db` it is given (https://pgboss.io/api/jobs#send, "db"):
 * a driver transaction's `executeSql` is that interface already; a Prisma one goes through pg-boss's
 * Prisma adapter, which runs them with `tx.$queryRawUnsafe` (adapters/prisma.js).
 */
function dbOf(tx: JobTransaction): Db {
  return isSqlTransaction(tx) ? tx : fromPrisma(tx);
}

export class PgBossJobQueue implements JobQueue {
  readonly enqueuesInSqlTransactions = true;
  readonly boss: PgBoss;
  readonly #queues = new Map<string, Promise<void>>();
  readonly #listeners = new Set<() => void>();
  #starting: Promise<PgBoss> | undefined;

  constructor(options: PgBossJobQueueOptions) {
    // A web process enqueues only: `supervise: false` and `schedule: false` keep maintenance and
    // cron off while start() still opens the pool and installs or checks the schema
    // (https://pgboss.io/api/constructor, "supervise", "schedule", "migrate"; index.js #doStart).
    this.boss = new PgBoss({
      connectionString: options.connectionString,
      schema: PGBOSS_SCHEMA,
      supervise: options.supervise ?? false,
      schedule: false,
      migrate: true,
      max: 5,
      application_name: "fulfillment-desk",
    });
    const logger = options.logger ?? { error: (message, fields) => console.warn(message, fields) };
    // pg-boss is an EventEmitter: an `error` without a listener would crash the process
    // (https://pgboss.io/api/events#error).
    this.boss.on("error", (error) => logger.error("jobs: pg-boss error", { error: String(error) }));
  }

  /**
   * Starts pg-boss once: opens its pool and installs or migrates the `pgboss` schema. pg-boss
   * serialises its migration with an advisory lock, so processes starting together are safe
   * (contractor.js); `attempts` rides out a database that is still coming up
   * (https://pgboss.io/api/ops#start-options).
   */
  ready(): Promise<PgBoss> {
    this.#starting ??= this.boss.start({ attempts: 3 }).catch((error: unknown) => {
      this.#starting = undefined;
      throw error;
    });
    return this.#starting;
  }

  async close(): Promise<void> {
    if (this.#starting === undefined) return;
    await this.#starting.catch(() => undefined);
    this.#starting = undefined;
    this.#queues.clear();
    await this.boss.stop({ graceful: true, close: true });
  }

  /**
   * Creates the type's queue if it does not exist. pg-boss's create_queue inserts with
   * `ON CONFLICT DO NOTHING` under an advisory lock (plans.js createQueue), so two processes
   * creating the same queue at once both succeed with one queue.
   */
  ensureQueue(type: string): Promise<void> {
    if (!JOB_TYPE.test(type)) {
      return Promise.reject(new RangeError(`A job type is letters, digits, "_", ".", "-" or "/"; got "${type}"`));
    }
    let created = this.#queues.get(type);
    if (created === undefined) {
      created = this.ready()
        .then((boss) =>
          boss.createQueue(type, {
            policy: "exclusive",
            retentionSeconds: RETENTION_SECONDS,
            // 0 keeps completed jobs until pruneFinishedJobs deletes them (https://pgboss.io/api/queues).
            deleteAfterSeconds: 0,
            expireInSeconds: EXPIRE_SECONDS,
          }),
        )
        .catch((error: unknown) => {
          this.#queues.delete(type);
          throw error;
        });
      this.#queues.set(type, created);
    }
    return created;
  }

  /** Runs one statement on pg-boss's pool. */
  async sql<T>(text: string, values: unknown[] = []): Promise<T[]> {
    const boss = await this.ready();
    const { rows } = await boss.getDb().executeSql(text, values);
    return rows as T[];
  }

  async enqueue(type: string, payload: unknown, options: EnqueueOptions = {}): Promise<EnqueueResult> {
    const result = await this.#send(undefined, type, payload, options);
    if (!result.deduplicated) for (const listener of this.#listeners) listener();
    return result;
  }

  /**
   * In-process wake-up, as the embedded queue has: a worker of this process fetches a job enqueued
   * here at once instead of on its next poll. Not for enqueueWith: the caller has not committed yet.
   */
  onEnqueued(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * In the caller's transaction through pg-boss's `db` option (dbOf): the job exists if and only if
   * the transaction commits.
   */
  enqueueWith(
    tx: JobTransaction,
    type: string,
    payload: unknown,
    options: EnqueueOptions = {},
  ): Promise<EnqueueResult> {
    return this.#send(dbOf(tx), type, payload, options);
  }

  /** One `insert` statement for the batch, in the caller's transaction (https://pgboss.io/api/jobs#insert). */
  async enqueueManyWith(
    tx: JobTransaction,
    type: string,
    jobs: readonly { payload: unknown; options?: Omit<EnqueueOptions, "dedupeKey"> }[],
  ): Promise<void> {
    await this.ensureQueue(type);
    if (jobs.length === 0) return;
    const rows = jobs.map(({ payload, options = {} }) => {
      const id = newJobId();
      return { id, ...jobOptions(options), singletonKey: ownKey(id), data: envelope(payload, options, null) };
    });
    await this.boss.insert(type, rows, { db: dbOf(tx) });
  }

  async #send(db: Db | undefined, type: string, payload: unknown, options: EnqueueOptions): Promise<EnqueueResult> {
    const base = jobOptions(options);
    await this.ensureQueue(type);
    const dedupeKey = options.dedupeKey ?? null;
    // A holder can finish (or release its key) between the refused insert and the read of it;
    // then the key is free and the send is tried again, as the embedded queue would insert.
    for (let tries = 0; tries < 5; tries += 1) {
      const id = newJobId();
      const sent = await this.boss.send(type, envelope(payload, options, dedupeKey), {
        ...base,
        id,
        singletonKey: dedupeKey ?? ownKey(id),
        ...(db ? { db } : {}),
      });
      if (sent !== null) return { id: sent, deduplicated: false };
      // `send` answers null when the unique index turned the insert away: another job of the type
      // holds the key (https://pgboss.io/api/jobs#send). Its insert is `ON CONFLICT DO NOTHING`, so
      // the caller's transaction is not aborted; the holder is read in the same transaction.
      const holder = await this.#holder(db, type, dedupeKey ?? ownKey(id));
      if (holder !== null) return { id: holder, deduplicated: true };
    }
    throw new Error(`pg-boss kept refusing a "${type}" job whose key no job holds`);
  }

  async #holder(db: Db | undefined, type: string, key: string): Promise<string | null> {
    const text = `SELECT id FROM ${PGBOSS_SCHEMA}.job WHERE name = $1 AND singleton_key = $2 AND state <= 'active' LIMIT 1`;
    const rows = db ? (await db.executeSql(text, [type, key])).rows : await this.sql(text, [type, key]);
    return (rows[0] as { id: string } | undefined)?.id ?? null;
  }

  async pendingDedupeKeys(keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    // No bulk call in pg-boss (findJobs takes one key of one queue): one read of the keys held
    // by created, retry or active jobs, the states job_i6 covers.
    const rows = await this.sql<{ key: string }>(
      `SELECT DISTINCT singleton_key AS key FROM ${PGBOSS_SCHEMA}.job WHERE singleton_key = ANY($1::text[]) AND state <= 'active'`,
      [[...keys]],
    );
    return new Set(rows.map((row) => row.key));
  }

  async releaseDedupeKey(jobId: string): Promise<void> {
    if (!isUuid(jobId)) return;
    // pg-boss has no call to drop a running job's singleton key: the job takes a key of its own,
    // so the dedupeKey's index slot is free for a new job (keeps data.dedupeKey for the screens).
    await this.sql(`UPDATE ${PGBOSS_SCHEMA}.job SET singleton_key = $2 WHERE id = $1 AND state = 'active'`, [
      jobId,
      ownKey(jobId),
    ]);
  }

  async cancelJobsForShop(shop: string): Promise<number> {
    // pg-boss's cancel() also cancels active jobs (plans.js cancelJobs: state < 'completed'); the
    // contract lets a running job finish, so this is that statement limited to created and retry.
    const rows = await this.sql<{ id: string }>(
      `UPDATE ${PGBOSS_SCHEMA}.job SET state = 'cancelled', completed_on = now()
       WHERE state < 'active' AND data->>'shop' = $1 RETURNING id`,
      [shop],
    );
    return rows.length;
  }

  async deleteJobsForShop(shop: string, { except }: { except?: string } = {}): Promise<number> {
    // deleteJob() needs each job's queue and id; the shop is in the data, so one delete by it.
    const rows = await this.sql<{ id: string }>(
      `DELETE FROM ${PGBOSS_SCHEMA}.job WHERE data->>'shop' = $1 AND id::text <> $2 RETURNING id`,
      [shop, except ?? ""],
    );
    return rows.length;
  }

  async retryDeadJob(id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    // pg-boss's retry() grants one more attempt on top of the used ones (plans.js retryJobs); the
    // contract gives a fresh set. So the job goes back to created as if just sent: no attempt
    // started, due now, its dedupeKey held again. If another job holds that key, job_i6 refuses
    // the update (unique violation) and the job stays dead.
    try {
      const rows = await this.sql<{ id: string }>(
        `UPDATE ${PGBOSS_SCHEMA}.job
         SET state = 'created', retry_count = 0, started_on = NULL, completed_on = NULL, heartbeat_on = NULL,
             start_after = now(), keep_until = now() + make_interval(secs => $2),
             singleton_key = COALESCE(data->>'dedupeKey', '~' || id::text)
         WHERE id = $1 AND state = 'failed' RETURNING id`,
        [id, RETENTION_SECONDS],
      );
      return rows.length === 1;
    } catch (error) {
      if ((error as { code?: string }).code === "23505") return false;
      throw error;
    }
  }

  async pruneFinishedJobs(finishedBefore: Date): Promise<number> {
    // Retention by pg-boss (deleteAfterSeconds) is per queue and relative to completion; the
    // contract prunes up to a moment, so one delete. Failed (dead) jobs are kept.
    const rows = await this.sql<{ id: string }>(
      `DELETE FROM ${PGBOSS_SCHEMA}.job WHERE state IN ('completed', 'cancelled') AND completed_on < $1 RETURNING id`,
      [finishedBefore],
    );
    return rows.length;
  }

  async getJob(id: string, shop: string): Promise<JobSummary | null> {
    if (!isUuid(id)) return null;
    const rows = await this.sql<JobRow>(
      `SELECT ${COLUMNS} FROM ${PGBOSS_SCHEMA}.job WHERE id = $1 AND data->>'shop' = $2`,
      [id, shop],
    );
    return rows[0] ? toSummary(rows[0]) : null;
  }

  async listJobs(filter: JobFilter & { take?: number } = {}): Promise<JobSummary[]> {
    return (await this.#list(filter)).map(toSummary);
  }

  async listJobDetails(filter: JobFilter & { take?: number } = {}): Promise<JobDetail[]> {
    return (await this.#list(filter)).map((row) => ({ ...toSummary(row), payload: row.data.payload }));
  }

  async jobCounts(shop?: string): Promise<JobCounts> {
    const rows = await this.sql<{ state: string; count: number }>(
      `SELECT state::text AS state, count(*)::int AS count FROM ${PGBOSS_SCHEMA}.job
       WHERE ($1::text IS NULL OR data->>'shop' = $1) GROUP BY state`,
      [shop ?? null],
    );
    const counts = emptyJobCounts();
    for (const row of rows) counts[toJobStatus(row.state)] += row.count;
    return counts;
  }

  /** /readyz: one cheap read of pg-boss's job table over its pool. */
  async ping(): Promise<void> {
    await this.sql(`SELECT 1 FROM ${PGBOSS_SCHEMA}.job LIMIT 1`);
  }

  async #list(filter: JobFilter & { take?: number }): Promise<JobRow[]> {
    const { shop, type, statuses, take } = jobListQuery(filter);
    const states = statuses?.flatMap((status) => STATES_OF[status]) ?? null;
    return this.sql<JobRow>(
      `SELECT ${COLUMNS} FROM ${PGBOSS_SCHEMA}.job
       WHERE ($1::text IS NULL OR data->>'shop' = $1) AND ($2::text IS NULL OR name = $2)
         AND ($3::text[] IS NULL OR state::text = ANY($3::text[]))
       ORDER BY created_on DESC, id DESC LIMIT $4`,
      [shop, type, states, take],
    );
  }
}

function jobOptions(options: Omit<EnqueueOptions, "dedupeKey">) {
  const maxAttempts = checkedMaxAttempts(options.maxAttempts);
  return {
    // pg-boss counts retries after the first attempt (https://pgboss.io/api/queues, retryLimit).
    retryLimit: maxAttempts - 1,
    // The worker sets each retry's time by our backoff (backoff.ts) right after the failure; pg-boss's
    // own backoff (at least 1 s) only keeps the job from being fetched again before that update.
    retryDelay: 1,
    retryBackoff: true,
    retentionSeconds: RETENTION_SECONDS,
    deleteAfterSeconds: 0,
    expireInSeconds: EXPIRE_SECONDS,
    ...(options.runAt ? { startAfter: options.runAt } : {}),
  };
}

function envelope(payload: unknown, options: EnqueueOptions, dedupeKey: string | null): JobEnvelope {
  // `undefined` (and other values JSON cannot carry) become null, as in the embedded queue.
  const json = JSON.stringify(payload);
  return {
    shop: options.shop ?? null,
    dedupeKey,
    payload: json === undefined ? null : (JSON.parse(json) as unknown),
  };
}

let lastMs = 0;
let sequence = 0;
/**
 * A UUID in the layout of version 7 (time first), with a per-process sequence after the time: jobs
 * sent in one transaction share `created_on`, and newest-first listings then fall back on the id.
 */
function newJobId(): string {
  const now = Date.now();
  sequence = now === lastMs ? (sequence + 1) & 0xfff : 0;
  lastMs = now;
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const isUuid = (value: string): boolean =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

interface JobRow {
  id: string;
  name: string;
  state: string;
  data: JobEnvelope;
  attempts: number;
  max_attempts: number;
  start_after: Date;
  last_error: string | null;
  created_on: Date;
  completed_on: Date | null;
}

// An attempt has started once started_on is set; pg-boss then counts each later claim in
// retry_count (plans.js fetchNextJob), so attempts = retry_count + 1.
const COLUMNS = `id::text AS id, name, state::text AS state, data,
  CASE WHEN started_on IS NULL THEN 0 ELSE retry_count + 1 END AS attempts,
  retry_limit + 1 AS max_attempts, start_after, output->>'message' AS last_error, created_on, completed_on`;

const STATES_OF: Record<JobStatus, string[]> = {
  queued: ["created", "retry"],
  running: ["active"],
  succeeded: ["completed"],
  dead: ["failed"],
  cancelled: ["cancelled"],
};

function toJobStatus(state: string): JobStatus {
  const status = JOB_STATUSES.find((candidate) => STATES_OF[candidate].includes(state));
  if (status === undefined) throw new Error(`Unknown pg-boss job state: ${state}`);
  return status;
}

function toSummary(row: JobRow): JobSummary {
  return {
    id: row.id,
    shop: row.data.shop,
    type: row.name,
    status: toJobStatus(row.state),
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    runAt: row.start_after,
    lastError: row.last_error,
    dedupeKey: row.data.dedupeKey,
    createdAt: row.created_on,
    finishedAt: row.completed_on,
  };
}
