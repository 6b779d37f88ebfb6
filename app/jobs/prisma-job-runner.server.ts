import { type PrismaClient } from "@prisma/client";
import { retryDelayMs } from "./backoff";
import {
  isPermanentJobError,
  PermanentJobError,
  type DeadLetterHook,
  type JobContext,
  type JobHandler,
  type JobWorker,
  type RunSummary,
  type RunUntilIdleOptions,
  type ScheduleDefinition,
  type WorkerStartOptions,
} from "./job-queue";
import { type PrismaJobQueue } from "./prisma-job-queue.server";
import {
  checkConcurrency,
  describeError as describe,
  runPassesUntilIdle,
  WorkerSetup,
  type WorkerSettings,
} from "./worker-support.server";

export { DEFAULT_LEASE_MS, type JobLogger } from "./worker-support.server";

// Runs the jobs of PrismaJobQueue in this process. Delivery is at-least-once:
// - claiming is one conditional updateMany (status "queued" → "running"); the database decides
//   which runner wins a row, so two processes never both start the same attempt;
// - a claimed job holds a lease (lockedAt, renewed while it runs); when a process dies, its jobs
//   are re-queued once the lease expires and run again, so handlers must be idempotent;
// - every later status write is fenced on the claim token (lockedBy), so a runner that lost its
//   lease cannot overwrite the outcome recorded by the runner that took the job over.

/** `id` identifies this process in `lockedBy`. */
interface JobRunnerOptions extends WorkerSettings {
  queue: PrismaJobQueue;
}

interface ClaimedJob {
  id: string;
  type: string;
  shop: string | null;
  payload: string;
  attempts: number;
  maxAttempts: number;
  /** The claim token written to lockedBy; every later write of this attempt is conditional on it. */
  lockedBy: string;
  /** The time this attempt's outcome is recorded at: the runner's clock, or a pass's `asOf`. */
  now: () => Date;
}

type Outcome = "succeeded" | "retried" | "dead" | "lost";

export class PrismaJobRunner implements JobWorker {
  readonly id: string;
  readonly #queue: PrismaJobQueue;
  readonly #db: PrismaClient;
  readonly #setup: WorkerSetup;
  readonly #inFlight = new Map<string, Promise<Outcome>>();
  // Claim tokens of jobs running in this process, with how many jobs each covers (heartbeat).
  readonly #heldTokens = new Map<string, number>();
  #claimSequence = 0;
  #started = false;
  #concurrency = 4;
  #pollTimer: NodeJS.Timeout | undefined;
  #heartbeatTimer: NodeJS.Timeout | undefined;
  #unsubscribe: (() => void) | undefined;
  #pumping: Promise<void> | undefined;
  #pumpAgain = false;
  #lastReapAt = 0;

  constructor(options: JobRunnerOptions) {
    this.#queue = options.queue;
    this.#db = options.queue.db;
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

  /** Re-queues jobs abandoned by dead processes, then runs due jobs until stop(). */
  async start({ concurrency = 4, pollMs = 250 }: WorkerStartOptions = {}): Promise<void> {
    if (this.#started) return;
    checkConcurrency(concurrency);
    this.#started = true;
    this.#concurrency = concurrency;
    try {
      await this.requeueAbandoned();
    } catch (error) {
      this.#started = false;
      throw error;
    }
    this.#unsubscribe = this.#queue.onEnqueued(() => this.#wake());
    this.#pollTimer = setInterval(() => this.#wake(), pollMs);
    this.#pollTimer.unref();
    this.#setup.scheduler.start();
    this.#wake();
  }

  /** Stops claiming and waits for the jobs already running to finish. */
  async stop(): Promise<void> {
    if (!this.#started) return;
    this.#started = false;
    await this.#setup.scheduler.stop();
    clearInterval(this.#pollTimer);
    this.#unsubscribe?.();
    await this.#pumping;
    await Promise.allSettled(this.#inFlight.values());
  }

  /**
   * Claims and runs every job due by `asOf` (default now), once, as if the clock read `asOf`: the
   * retries it schedules fall due after it and are left for a later pass.
   */
  async runDue({
    concurrency = 4,
    asOf,
    types,
  }: { concurrency?: number; asOf?: Date; types?: readonly string[] } = {}): Promise<RunSummary> {
    const cutoff = asOf ?? this.#setup.clock();
    const now = asOf === undefined ? this.#setup.clock : () => asOf;
    const summary: RunSummary = { ran: 0, succeeded: 0, retried: 0, dead: 0 };
    await this.requeueAbandoned();
    for (;;) {
      const jobs = await this.#claim(concurrency, cutoff, types, now);
      if (jobs.length === 0) return summary;
      const outcomes = await Promise.all(jobs.map((job) => this.#track(job)));
      for (const outcome of outcomes) {
        summary.ran += 1;
        if (outcome !== "lost") summary[outcome] += 1;
      }
    }
  }

  /**
   * Without `asOf`: runs due jobs, waiting for retries and follow-up jobs that fall due within
   * `timeoutMs`, until nothing due remains; throws if jobs are still due when the time is up. With
   * `asOf`: one pass (runDue) as if the clock read `asOf`.
   */
  async runUntilIdle({ asOf, types, concurrency, timeoutMs = 30_000 }: RunUntilIdleOptions = {}): Promise<RunSummary> {
    const passOptions = { concurrency: concurrency ?? this.#concurrency, asOf, types };
    if (asOf !== undefined) return this.runDue(passOptions);
    return runPassesUntilIdle({
      pass: () => this.runDue(passOptions),
      nextRunAt: async () => {
        const next = await this.#db.job.findFirst({
          where: { status: "queued", ...typeFilter(types) },
          orderBy: { runAt: "asc" },
          select: { runAt: true },
        });
        return next?.runAt ?? null;
      },
      clock: this.#setup.clock,
      timeoutMs,
    });
  }

  /**
   * Jobs left "running" by another runner whose lease expired were abandoned by a process that
   * died: they go back to the queue, or to dead-letter when that was their last attempt (a job that
   * keeps killing its process must not loop forever). This runner's own jobs are never touched.
   */
  async requeueAbandoned(): Promise<{ requeued: number; dead: number }> {
    const now = this.#setup.clock();
    this.#lastReapAt = now.getTime();
    const abandoned = {
      status: "running",
      lockedAt: { lt: new Date(now.getTime() - this.#setup.leaseMs) },
      NOT: { lockedBy: { startsWith: `${this.id}/` } },
    };
    // One by one, so exactly the runner that dead-letters a job calls its onDead hook.
    const lastAttempts = await this.#db.job.findMany({
      where: { ...abandoned, attempts: { gte: this.#db.job.fields.maxAttempts } },
      select: { id: true, type: true, payload: true, shop: true },
    });
    const lastError = "Lease expired on the last attempt: the process running it stopped before finishing";
    let deadCount = 0;
    for (const job of lastAttempts) {
      const { count } = await this.#db.job.updateMany({
        where: { ...abandoned, id: job.id, attempts: { gte: this.#db.job.fields.maxAttempts } },
        data: { status: "dead", finishedAt: now, activeDedupeKey: null, lastError },
      });
      if (count === 0) continue;
      deadCount += 1;
      await this.#deadLettered({ id: job.id, type: job.type, payload: job.payload, shop: job.shop }, lastError);
    }
    const dead = { count: deadCount };
    const requeued = await this.#db.job.updateMany({
      where: abandoned,
      data: {
        status: "queued",
        lockedAt: null,
        lockedBy: null,
        lastError: "Lease expired: the process running it stopped before finishing; re-queued",
      },
    });
    if (requeued.count + dead.count > 0) {
      this.#setup.logger.warn("jobs: re-queued jobs abandoned by a stopped process", {
        runner: this.id,
        requeued: requeued.count,
        dead: dead.count,
      });
    }
    return { requeued: requeued.count, dead: dead.count };
  }

  #wake(): void {
    if (!this.#started) return;
    if (this.#pumping) {
      this.#pumpAgain = true;
      return;
    }
    this.#pumping = this.#pump()
      .catch((error: unknown) =>
        this.#setup.logger.error("jobs: polling failed", { runner: this.id, error: describe(error) }),
      )
      .finally(() => {
        this.#pumping = undefined;
        if (this.#pumpAgain) this.#wake();
      });
  }

  async #pump(): Promise<void> {
    do {
      this.#pumpAgain = false;
      if (this.#setup.clock().getTime() - this.#lastReapAt >= Math.min(this.#setup.leaseMs / 4, 60_000)) {
        await this.requeueAbandoned();
      }
      while (this.#started && this.#inFlight.size < this.#concurrency) {
        const jobs = await this.#claim(
          this.#concurrency - this.#inFlight.size,
          this.#setup.clock(),
          undefined,
          this.#setup.clock,
        );
        if (jobs.length === 0) break;
        for (const job of jobs) void this.#track(job).finally(() => this.#wake());
      }
    } while (this.#pumpAgain && this.#started);
  }

  /**
   * Picks due candidates, then claims them with one conditional updateMany. The row's status is
   * the lock: a candidate another runner claimed in between no longer matches `status: "queued"`.
   * The fresh token in lockedBy tells which of the candidates this runner won.
   */
  async #claim(
    limit: number,
    cutoff: Date,
    types: readonly string[] | undefined,
    now: () => Date,
  ): Promise<ClaimedJob[]> {
    for (;;) {
      const candidates = await this.#db.job.findMany({
        where: { status: "queued", runAt: { lte: cutoff }, ...typeFilter(types) },
        orderBy: [{ runAt: "asc" }, { createdAt: "asc" }],
        take: limit,
        select: { id: true },
      });
      if (candidates.length === 0) return [];
      this.#claimSequence += 1;
      const lockedBy = `${this.id}/${this.#claimSequence}`;
      const { count } = await this.#db.job.updateMany({
        where: { id: { in: candidates.map((candidate) => candidate.id) }, status: "queued" },
        data: { status: "running", lockedAt: now(), lockedBy, attempts: { increment: 1 } },
      });
      // Lost every candidate to another runner: look again rather than report an empty queue.
      if (count === 0) continue;
      const claimed = await this.#db.job.findMany({
        where: { lockedBy, status: "running" },
        select: { id: true, type: true, shop: true, payload: true, attempts: true, maxAttempts: true },
      });
      return claimed.map((job) => ({ ...job, lockedBy, now }));
    }
  }

  async #track(job: ClaimedJob): Promise<Outcome> {
    this.#holdToken(job.lockedBy);
    const run = this.#execute(job).finally(() => {
      this.#inFlight.delete(job.id);
      this.#releaseToken(job.lockedBy);
    });
    this.#inFlight.set(job.id, run);
    return run;
  }

  async #execute(job: ClaimedJob): Promise<Outcome> {
    const context: JobContext = { jobId: job.id, shop: job.shop, attempt: job.attempts, maxAttempts: job.maxAttempts };
    let failure: unknown;
    try {
      await this.#setup.run(job.type, () => parsePayload(job.payload), context);
    } catch (error) {
      failure = error ?? new Error("Job failed without an error");
    }
    try {
      return failure === undefined ? await this.#succeed(job) : await this.#fail(job, failure);
    } catch (error) {
      // The work may have happened; the lease will expire and the job run again (at-least-once).
      this.#setup.logger.error("jobs: could not record a job's outcome", { ...logFields(job), error: describe(error) });
      return "lost";
    }
  }

  async #succeed(job: ClaimedJob): Promise<Outcome> {
    const now = job.now();
    const written = await this.#finish(job, { status: "succeeded", finishedAt: now, activeDedupeKey: null });
    return written ? "succeeded" : "lost";
  }

  async #fail(job: ClaimedJob, error: unknown): Promise<Outcome> {
    const now = job.now();
    const lastError = describe(error);
    if (isPermanentJobError(error) || job.attempts >= job.maxAttempts) {
      const written = await this.#finish(job, { status: "dead", finishedAt: now, activeDedupeKey: null, lastError });
      if (!written) return "lost";
      this.#setup.logger.error("jobs: dead-lettered", { ...logFields(job), error: lastError });
      await this.#deadLettered(job, lastError);
      return "dead";
    }
    const runAt = new Date(now.getTime() + retryDelayMs(job.attempts, this.#setup.backoff, this.#setup.random));
    const written = await this.#finish(job, { status: "queued", runAt, lockedAt: null, lockedBy: null, lastError });
    if (written) this.#setup.logger.warn("jobs: failed, will retry", { ...logFields(job), runAt, error: lastError });
    return written ? "retried" : "lost";
  }

  #deadLettered(job: Pick<ClaimedJob, "id" | "type" | "payload" | "shop">, error: string): Promise<void> {
    return this.#setup.deadLettered(job.type, () => parsePayload(job.payload), {
      jobId: job.id,
      shop: job.shop,
      error,
    });
  }

  /** Writes the attempt's outcome only if this runner still holds the job (fenced on the token). */
  async #finish(
    job: ClaimedJob,
    data: {
      status: string;
      finishedAt?: Date;
      activeDedupeKey?: null;
      runAt?: Date;
      lockedAt?: null;
      lockedBy?: null;
      lastError?: string;
    },
  ): Promise<boolean> {
    const { count } = await this.#db.job.updateMany({
      where: { id: job.id, status: "running", lockedBy: job.lockedBy },
      data,
    });
    if (count === 0) {
      this.#setup.logger.warn("jobs: lease lost before the outcome was recorded; another runner owns the job now", {
        ...logFields(job),
        outcome: data.status,
      });
    }
    return count === 1;
  }

  // One heartbeat per runner renews the lease of every job it is running, so a job that runs
  // longer than leaseMs (a large reconcile) is not mistaken for abandoned.
  #holdToken(token: string): void {
    this.#heldTokens.set(token, (this.#heldTokens.get(token) ?? 0) + 1);
    if (this.#heartbeatTimer !== undefined) return;
    this.#heartbeatTimer = setInterval(() => void this.#renewLeases(), Math.max(this.#setup.leaseMs / 3, 10));
    this.#heartbeatTimer.unref();
  }

  #releaseToken(token: string): void {
    const remaining = (this.#heldTokens.get(token) ?? 1) - 1;
    if (remaining > 0) this.#heldTokens.set(token, remaining);
    else this.#heldTokens.delete(token);
    if (this.#heldTokens.size === 0) {
      clearInterval(this.#heartbeatTimer);
      this.#heartbeatTimer = undefined;
    }
  }

  async #renewLeases(): Promise<void> {
    try {
      await this.#db.job.updateMany({
        where: { status: "running", lockedBy: { in: [...this.#heldTokens.keys()] } },
        data: { lockedAt: this.#setup.clock() },
      });
    } catch (error) {
      this.#setup.logger.warn("jobs: could not renew leases", { runner: this.id, error: describe(error) });
    }
  }
}

function parsePayload(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new PermanentJobError("The job's payload is not valid JSON");
  }
}

// Never the payload: it can carry customer data (docs: log { shop, operation }, not payloads).
function logFields(job: ClaimedJob): Record<string, unknown> {
  return { jobId: job.id, type: job.type, shop: job.shop, attempt: job.attempts, maxAttempts: job.maxAttempts };
}

function typeFilter(types: readonly string[] | undefined): { type?: { in: string[] } } {
  return types === undefined ? {} : { type: { in: [...types] } };
}
