// What both JobWorker implementations share (prisma-job-runner.server.ts, pg-boss-job-worker.server.ts):
// their settings and defaults, the handlers, onDead hooks and schedules they are given, logging,
// error text, and runUntilIdle's waiting loop, so the two keep one behaviour.
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { DEFAULT_BACKOFF, type BackoffPolicy } from "./backoff";
import {
  PermanentJobError,
  type DeadLetterHook,
  type JobContext,
  type JobHandler,
  type RunSummary,
  type ScheduleDefinition,
} from "./job-queue";
import { Scheduler } from "./schedule.server";

export interface JobLogger {
  info(message: string, fields: Record<string, unknown>): void;
  warn(message: string, fields: Record<string, unknown>): void;
  error(message: string, fields: Record<string, unknown>): void;
}

const CONSOLE_LOGGER: JobLogger = {
  info: (message, fields) => console.info(message, fields),
  warn: (message, fields) => console.warn(message, fields),
  error: (message, fields) => console.error(message, fields),
};

const MAX_ERROR_LENGTH = 2_000;

/** A job's error as stored and logged: its name and message, cut to a bounded length. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH)}…` : text;
}

/**
 * runUntilIdle without `asOf`: passes until nothing is due, waiting for retries and follow-ups that
 * fall due within `timeoutMs`; throws if jobs are still due when the time is up.
 */
export async function runPassesUntilIdle({
  pass,
  nextRunAt,
  clock,
  timeoutMs,
}: {
  pass: () => Promise<RunSummary>;
  /** When the earliest queued job (of the types run) is due; null when none is queued. */
  nextRunAt: () => Promise<Date | null>;
  clock: () => Date;
  timeoutMs: number;
}): Promise<RunSummary> {
  const deadline = Date.now() + timeoutMs;
  const total: RunSummary = { ran: 0, succeeded: 0, retried: 0, dead: 0 };
  for (;;) {
    const summary = await pass();
    total.ran += summary.ran;
    total.succeeded += summary.succeeded;
    total.retried += summary.retried;
    total.dead += summary.dead;
    const next = await nextRunAt();
    if (next === null) return total;
    const waitMs = next.getTime() - clock().getTime();
    if (Date.now() + Math.max(waitMs, 0) > deadline) {
      if (waitMs <= 0) throw new Error(`runUntilIdle timed out after ${timeoutMs} ms with jobs still due`);
      return total;
    }
    if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
  }
}

export const DEFAULT_LEASE_MS = 5 * 60_000;

/** How a worker is made, whichever queue it runs. */
export interface WorkerSettings {
  /** Names this worker in logs and in the jobs it holds; unique per instance by default. */
  id?: string;
  /** A running job without a sign of life for this long is taken as abandoned by a dead process. */
  leaseMs?: number;
  backoff?: Partial<BackoffPolicy>;
  /** Recurring enqueues started and stopped together with the worker; a fresh one by default. */
  scheduler?: Scheduler;
  logger?: JobLogger;
  /** Injected so tests can move time instead of sleeping through a lease. */
  clock?: () => Date;
  random?: () => number;
}

/**
 * What a worker is set up with, held by both implementations: its settings with their defaults, the
 * handler and onDead hook of each job type, and its schedules (delegated to its Scheduler).
 */
export class WorkerSetup {
  readonly id: string;
  readonly leaseMs: number;
  readonly backoff: BackoffPolicy;
  readonly scheduler: Scheduler;
  readonly logger: JobLogger;
  readonly clock: () => Date;
  /** No clock was injected: `clock` reads the real time. */
  readonly realClock: boolean;
  readonly random: () => number;
  readonly #handlers = new Map<string, JobHandler>();
  readonly #onDead = new Map<string, DeadLetterHook>();

  constructor(settings: WorkerSettings) {
    this.id = settings.id ?? `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
    this.leaseMs = settings.leaseMs ?? DEFAULT_LEASE_MS;
    this.backoff = { ...DEFAULT_BACKOFF, ...settings.backoff };
    this.scheduler = settings.scheduler ?? new Scheduler();
    this.logger = settings.logger ?? CONSOLE_LOGGER;
    this.realClock = settings.clock === undefined;
    this.clock = settings.clock ?? (() => new Date());
    this.random = settings.random ?? Math.random;
  }

  /** JobWorker.register: a type registered again gets the new handler, and the new hook or none. */
  register<P>(type: string, handler: JobHandler<P>, options: { onDead?: DeadLetterHook<P> } = {}): void {
    this.#handlers.set(type, handler as JobHandler);
    if (options.onDead) this.#onDead.set(type, options.onDead as DeadLetterHook);
    else this.#onDead.delete(type);
  }

  /** The types with a handler, in the order they were first registered. */
  types(): string[] {
    return [...this.#handlers.keys()];
  }

  every(schedule: ScheduleDefinition): void {
    this.scheduler.every(schedule);
  }

  triggerSchedule(name: string): Promise<void> {
    return this.scheduler.trigger(name);
  }

  /**
   * Runs the type's handler; a type without one is dead-lettered at once. `payload` is read only
   * once a handler is found, inside the attempt, so a payload that cannot be read fails the attempt.
   */
  async run(type: string, payload: () => unknown, context: JobContext): Promise<void> {
    const handler = this.#handlers.get(type);
    if (handler === undefined) throw new PermanentJobError(`No handler registered for job type "${type}"`);
    await handler(payload(), context);
  }

  /** Tells the type's onDead hook, if any, that a job was dead-lettered; the hook's own error is logged. */
  async deadLettered(
    type: string,
    payload: () => unknown,
    job: { jobId: string; shop: string | null; error: string },
  ): Promise<void> {
    const hook = this.#onDead.get(type);
    if (!hook) return;
    try {
      await hook(payload(), job);
    } catch (hookError) {
      this.logger.error("jobs: onDead hook failed", { jobId: job.jobId, type, error: describeError(hookError) });
    }
  }
}

/** start()'s check of its `concurrency`, the same for both workers. */
export function checkConcurrency(concurrency: number): void {
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError("concurrency must be at least 1");
}
