import type { JobWithMetadata } from "pg-boss";
import { retryDelayMs } from "./backoff";
import {
  isPermanentJobError,
  type DeadLetterHook,
  type JobContext,
  type JobHandler,
  type JobWorker,
  type RunSummary,
  type RunUntilIdleOptions,
  type ScheduleDefinition,
  type WorkerStartOptions,
} from "./job-queue";
import { PGBOSS_SCHEMA, type JobEnvelope, type PgBossJobQueue } from "./pg-boss-job-queue.server";
import {
  checkConcurrency,
  describeError as describe,
  runPassesUntilIdle,
  WorkerSetup,
  type WorkerSettings,
} from "./worker-support.server";

// Runs the jobs of PgBossJobQueue (docs/decisions/0038-pg-boss-job-queue.md). It claims with
// pg-boss's fetch() (`FOR UPDATE SKIP LOCKED`, so two processes never claim one attempt;
// https://pgboss.io/api/jobs#fetch) and settles with complete()/fail()/touch() passed the attempt
// it fetched ({ id, retryCount }), which pg-boss fences on: once the job was taken over, the old
// holder's settle changes nothing (types.d.ts JobAttempt; plans.js attemptFence). A loop of its own
// instead of work(), so runUntilIdle can run exactly the due jobs of some types as of a moment.
//
// Leases: fetch() and touch() stamp heartbeat_on; a job active without a heartbeat for leaseMs
// (JOB_LEASE_MS) was left by a process that died, and the next worker to look fails that attempt
// through fail() (fenced): pg-boss re-queues it as a retry, or marks it failed on its last attempt,
// and then this worker calls the type's onDead. pg-boss's own heartbeat monitor
// (https://pgboss.io/api/queues, heartbeatSeconds) is not used: its floor is 10 s, it judges by the
// database clock only, and it would dead-letter without our onDead.

type Job = JobWithMetadata<JobEnvelope>;
type Outcome = "succeeded" | "retried" | "dead" | "lost";

interface Attempt {
  job: Job;
  /** The time this attempt's outcome is recorded at: the worker's clock, or a pass's `asOf`. */
  now: () => Date;
}

const LEASE_EXPIRED = "Lease expired: the process running it stopped before finishing; re-queued";
const LEASE_EXPIRED_LAST = "Lease expired on the last attempt: the process running it stopped before finishing";

interface PgBossJobWorkerOptions extends WorkerSettings {
  queue: PgBossJobQueue;
}

export class PgBossJobWorker implements JobWorker {
  readonly id: string;
  readonly #queue: PgBossJobQueue;
  readonly #setup: WorkerSetup;
  readonly #inFlight = new Map<string, { attempt: Attempt; run: Promise<Outcome> }>();
  #started = false;
  #concurrency = 4;
  #pollTimer: NodeJS.Timeout | undefined;
  #heartbeatTimer: NodeJS.Timeout | undefined;
  #pumping: Promise<void> | undefined;
  #pumpAgain = false;
  #unsubscribe: (() => void) | undefined;
  #lastReapAt = 0;

  constructor(options: PgBossJobWorkerOptions) {
    this.#queue = options.queue;
    this.#setup = new WorkerSetup(options);
    this.id = this.#setup.id;
  }

  register<P>(type: string, handler: JobHandler<P>, options?: { onDead?: DeadLetterHook<P> }): void {
    this.#setup.register(type, handler, options);
  }

  every(schedule: ScheduleDefinition): void {
    this.#setup.every(schedule);
  }

  triggerSchedule(name: string): Promise<void> {
    return this.#setup.triggerSchedule(name);
  }

  get started(): boolean {
    return this.#started;
  }

  /**
   * Polls every `pollMs` (default 500 ms, pg-boss's own minimum polling interval;
   * https://pgboss.io/api/workers, pollingIntervalSeconds) for due jobs of the registered types.
   */
  async start({ concurrency = 4, pollMs = 500 }: WorkerStartOptions = {}): Promise<void> {
    if (this.#started) return;
    checkConcurrency(concurrency);
    await this.#queue.ready();
    this.#started = true;
    this.#concurrency = concurrency;
    this.#pollTimer = setInterval(() => this.#wake(), pollMs);
    this.#pollTimer.unref();
    this.#unsubscribe = this.#queue.onEnqueued(() => this.#wake());
    this.#setup.scheduler.start();
    this.#wake();
  }

  /**
   * Stops fetching and the schedules and waits for running jobs; the runtime then closes the
   * queue's pool (stopJobRuntime), which this worker shares with the process's producers.
   */
  async stop(): Promise<void> {
    if (!this.#started) return;
    this.#started = false;
    await this.#setup.scheduler.stop();
    clearInterval(this.#pollTimer);
    this.#unsubscribe?.();
    await this.#pumping;
    await Promise.allSettled([...this.#inFlight.values()].map((entry) => entry.run));
  }

  async runUntilIdle({ asOf, types, concurrency, timeoutMs = 30_000 }: RunUntilIdleOptions = {}): Promise<RunSummary> {
    const limit = concurrency ?? this.#concurrency;
    if (asOf !== undefined) return this.#runDue(limit, asOf, types);
    return runPassesUntilIdle({
      pass: () => this.#runDue(limit, undefined, types),
      nextRunAt: async () => {
        const [next] = await this.#queue.sql<{ run_at: Date | null }>(
          `SELECT min(start_after) AS run_at FROM ${PGBOSS_SCHEMA}.job
           WHERE state < 'active' AND ($1::text[] IS NULL OR name = ANY($1::text[]))`,
          [types ? [...types] : null],
        );
        return next?.run_at ?? null;
      },
      clock: this.#setup.clock,
      timeoutMs,
    });
  }

  /** Runs every job due by `asOf` (default now) once; the retries it schedules fall due after it. */
  async #runDue(
    concurrency: number,
    asOf: Date | undefined,
    types: readonly string[] | undefined,
  ): Promise<RunSummary> {
    const now = asOf === undefined ? this.#setup.clock : () => asOf;
    const summary: RunSummary = { ran: 0, succeeded: 0, retried: 0, dead: 0 };
    await this.#reapAbandoned();
    const names = types ? [...types] : await this.#queueNames();
    // Due by `asOf`, else by this worker's clock (a test's, or the real one), as the embedded runner
    // claims by its clock: fetch() alone would judge by PostgreSQL's now().
    await this.#bringForward(names, asOf ?? this.#setup.clock());
    for (;;) {
      const attempts: Attempt[] = [];
      for (const name of names) {
        if (attempts.length >= concurrency) break;
        attempts.push(...(await this.#fetch(name, concurrency - attempts.length)).map((job) => ({ job, now })));
      }
      if (attempts.length === 0) return summary;
      const outcomes = await Promise.all(attempts.map((attempt) => this.#track(attempt)));
      for (const outcome of outcomes) {
        summary.ran += 1;
        if (outcome !== "lost") summary[outcome] += 1;
      }
    }
  }

  /**
   * The database's clock cannot be moved, so jobs due by `asOf` (a delayed job, a retry) are made
   * due now. fetch() has `ignoreStartAfter` (https://pgboss.io/api/jobs#fetch), but that takes every
   * future job, not those due by a moment. Only runUntilIdle passes do this (tests, manual runs);
   * a started worker's loop fetches by PostgreSQL's clock. The converse is not possible: a worker
   * whose clock is behind PostgreSQL's still takes the jobs due by PostgreSQL's.
   */
  async #bringForward(names: string[], asOf: Date): Promise<void> {
    await this.#queue.sql(
      `UPDATE ${PGBOSS_SCHEMA}.job SET start_after = now()
       WHERE state < 'active' AND name = ANY($1::text[]) AND start_after > now() AND start_after <= $2`,
      [names, asOf],
    );
  }

  async #queueNames(): Promise<string[]> {
    const rows = await this.#queue.sql<{ name: string }>(`SELECT name FROM ${PGBOSS_SCHEMA}.queue ORDER BY name`);
    return rows.map((row) => row.name);
  }

  async #fetch(name: string, batchSize: number): Promise<Job[]> {
    await this.#queue.ensureQueue(name);
    return this.#queue.boss.fetch<JobEnvelope>(name, { batchSize, includeMetadata: true });
  }

  #wake(): void {
    if (!this.#started) return;
    if (this.#pumping) {
      // A job enqueued while a pass is under way may have missed its fetch: pass again after it.
      this.#pumpAgain = true;
      return;
    }
    this.#pumping = this.#pump()
      .catch((error: unknown) =>
        this.#setup.logger.error("jobs: polling failed", { runner: this.id, error: describe(error) }),
      )
      .finally(() => {
        this.#pumping = undefined;
        if (this.#pumpAgain) {
          this.#pumpAgain = false;
          this.#wake();
        }
      });
  }

  async #pump(): Promise<void> {
    if (this.#setup.clock().getTime() - this.#lastReapAt >= Math.min(this.#setup.leaseMs / 4, 60_000))
      await this.#reapAbandoned();
    let fetched = true;
    while (this.#started && fetched && this.#inFlight.size < this.#concurrency) {
      fetched = false;
      for (const name of this.#setup.types()) {
        const room = this.#concurrency - this.#inFlight.size;
        if (!this.#started || room <= 0) break;
        const jobs = await this.#fetch(name, room);
        for (const job of jobs) {
          fetched = true;
          void this.#track({ job, now: this.#setup.clock }).finally(() => this.#wake());
        }
      }
    }
  }

  /**
   * Fails the attempts of jobs whose holder stopped heartbeating for leaseMs (by this worker's
   * clock). fail() with the attempt is fenced, so of several workers looking, one fails it; pg-boss
   * decides retry or failed by retry_count against retry_limit (plans.js failJobsBody).
   */
  async #reapAbandoned(): Promise<void> {
    const now = this.#setup.clock();
    this.#lastReapAt = now.getTime();
    const held = [...this.#inFlight.keys()];
    const abandoned = await this.#queue.sql<{
      id: string;
      name: string;
      retry_count: number;
      last: boolean;
      data: JobEnvelope;
    }>(
      `SELECT id::text AS id, name, retry_count, retry_count >= retry_limit AS last, data FROM ${PGBOSS_SCHEMA}.job
       WHERE state = 'active' AND COALESCE(heartbeat_on, started_on) < $1 AND NOT (id::text = ANY($2::text[]))`,
      [new Date(now.getTime() - this.#setup.leaseMs), held],
    );
    let requeued = 0;
    let dead = 0;
    for (const job of abandoned) {
      const message = job.last ? LEASE_EXPIRED_LAST : LEASE_EXPIRED;
      const response = await this.#queue.boss.fail(job.name, { id: job.id, retryCount: job.retry_count }, { message });
      if (!affected(response)) continue;
      if (job.last) {
        dead += 1;
        await this.#deadLettered(job.id, job.name, job.data, message);
      } else {
        requeued += 1;
        // Due again at once, as the embedded runner re-queues an abandoned job: the attempt did not
        // fail, its process went away (pg-boss's fail() set a backoff).
        await this.#queue.sql(
          `UPDATE ${PGBOSS_SCHEMA}.job SET start_after = now() WHERE id = $1 AND state = 'retry' AND retry_count = $2`,
          [job.id, job.retry_count],
        );
      }
    }
    if (requeued + dead > 0) {
      this.#setup.logger.warn("jobs: re-queued jobs abandoned by a stopped process", {
        runner: this.id,
        requeued,
        dead,
      });
    }
  }

  async #track(attempt: Attempt): Promise<Outcome> {
    const run = this.#execute(attempt).finally(() => {
      this.#inFlight.delete(attempt.job.id);
      if (this.#inFlight.size === 0) {
        clearInterval(this.#heartbeatTimer);
        this.#heartbeatTimer = undefined;
      }
    });
    this.#inFlight.set(attempt.job.id, { attempt, run });
    this.#heartbeatTimer ??= setInterval(() => void this.#heartbeat(), Math.max(this.#setup.leaseMs / 3, 10));
    this.#heartbeatTimer.unref();
    return run;
  }

  /** touch() renews heartbeat_on of the attempts this worker holds (https://pgboss.io/api/jobs#touch). */
  async #heartbeat(): Promise<void> {
    const byName = new Map<string, { id: string; retryCount: number }[]>();
    for (const { attempt } of this.#inFlight.values()) {
      const { name, id, retryCount } = attempt.job;
      byName.set(name, [...(byName.get(name) ?? []), { id, retryCount }]);
    }
    for (const [name, attempts] of byName) {
      try {
        await this.#queue.boss.touch(name, attempts);
      } catch (error) {
        this.#setup.logger.warn("jobs: could not renew leases", { runner: this.id, error: describe(error) });
      }
    }
  }

  async #execute(attempt: Attempt): Promise<Outcome> {
    const { job } = attempt;
    const context: JobContext = {
      jobId: job.id,
      shop: job.data.shop,
      attempt: job.retryCount + 1,
      maxAttempts: job.retryLimit + 1,
    };
    let failure: unknown;
    try {
      await this.#setup.run(job.name, () => job.data.payload, context);
    } catch (error) {
      failure = error ?? new Error("Job failed without an error");
    }
    try {
      return failure === undefined ? await this.#succeed(attempt) : await this.#fail(attempt, failure);
    } catch (error) {
      // The work may have happened; the lease will lapse and the job run again (at-least-once).
      this.#setup.logger.error("jobs: could not record a job's outcome", { ...logFields(job), error: describe(error) });
      return "lost";
    }
  }

  async #succeed({ job, now }: Attempt): Promise<Outcome> {
    const response = await this.#queue.boss.complete(job.name, { id: job.id, retryCount: job.retryCount });
    if (!affected(response)) return this.#lost(job, "succeeded");
    // complete() stamps the database's time; a worker on a test clock or an `asOf` pass records its own.
    if (!this.#setup.realClock || now !== this.#setup.clock) {
      await this.#queue.sql(`UPDATE ${PGBOSS_SCHEMA}.job SET completed_on = $2 WHERE id = $1 AND state = 'completed'`, [
        job.id,
        now(),
      ]);
    }
    return "succeeded";
  }

  async #fail({ job, now }: Attempt, error: unknown): Promise<Outcome> {
    const message = describe(error);
    const attempt = job.retryCount + 1;
    if (isPermanentJobError(error) || attempt >= job.retryLimit + 1) {
      // A permanent error skips the retries left: the terminal branch of pg-boss's own fail
      // statement (plans.js failJobsBody, forceTerminal, what perJobResults' `deadletter` does),
      // fenced on the attempt as fail() is.
      const rows = await this.#queue.sql<{ id: string }>(
        `UPDATE ${PGBOSS_SCHEMA}.job SET state = 'failed', completed_on = $4, output = $3::jsonb, heartbeat_on = NULL
         WHERE id = $1 AND state = 'active' AND retry_count = $2 RETURNING id`,
        [job.id, job.retryCount, JSON.stringify({ message }), now()],
      );
      if (rows.length === 0) return this.#lost(job, "dead");
      this.#setup.logger.error("jobs: dead-lettered", { ...logFields(job), error: message });
      await this.#deadLettered(job.id, job.name, job.data, message);
      return "dead";
    }
    const response = await this.#queue.boss.fail(job.name, { id: job.id, retryCount: job.retryCount }, { message });
    if (!affected(response)) return this.#lost(job, "retried");
    const runAt = await this.#deferRetry(job.id, job.retryCount, attempt, now());
    this.#setup.logger.warn("jobs: failed, will retry", { ...logFields(job), runAt, error: message });
    return "retried";
  }

  /** The retry falls due by our backoff from the attempt's time (pg-boss set a provisional one). */
  async #deferRetry(id: string, retryCount: number, attempt: number, from: Date): Promise<Date> {
    const runAt = new Date(from.getTime() + retryDelayMs(attempt, this.#setup.backoff, this.#setup.random));
    await this.#queue.sql(
      `UPDATE ${PGBOSS_SCHEMA}.job SET start_after = $3 WHERE id = $1 AND state = 'retry' AND retry_count = $2`,
      [id, retryCount, runAt],
    );
    return runAt;
  }

  #lost(job: Job, outcome: string): Outcome {
    this.#setup.logger.warn("jobs: lease lost before the outcome was recorded; another runner owns the job now", {
      ...logFields(job),
      outcome,
    });
    return "lost";
  }

  #deadLettered(jobId: string, type: string, data: JobEnvelope, error: string): Promise<void> {
    return this.#setup.deadLettered(type, () => data.payload, { jobId, shop: data.shop, error });
  }
}

function affected(response: unknown): boolean {
  return ((response as { affected?: number }).affected ?? 0) > 0;
}

// Never the payload: it can carry customer data.
function logFields(job: Job): Record<string, unknown> {
  return {
    jobId: job.id,
    type: job.name,
    shop: job.data.shop,
    attempt: job.retryCount + 1,
    maxAttempts: job.retryLimit + 1,
  };
}
