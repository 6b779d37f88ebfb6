// Recurring enqueues (the reconcile sweep, the daily stale-order run, pruning). A schedule only
// enqueues; the work itself runs as ordinary jobs, with their retries and dead-lettering.
//
// Once per period across all instances: time is cut into whole intervals since the Unix epoch
// (a daily schedule's periods start at UTC midnight), and every worker, whenever it started,
// checks the current period at each tick. The first to claim the period in the database
// (schedule-claims.server.ts) enqueues; the others see it taken and do nothing. A tick comes at
// least once a minute, so a period whose enqueue failed, or whose claimer died, is still run
// within it, and a worker restarted more often than a day still runs the daily schedule.
// Callers define schedules through JobWorker.every.
import type { ScheduleDefinition } from "./job-queue";
import { DatabaseScheduleClaims, type ScheduleClaims, type SchedulePeriod } from "./schedule-claims.server";

interface ScheduleLogger {
  warn(message: string, fields: Record<string, unknown>): void;
}

/** Ticks come at least this often, whatever the interval. */
const MAX_TICK_MS = 60_000;
/** A claim not completed for this long belongs to a process that died mid-enqueue. */
const STALE_CLAIM_MS = 10 * 60_000;
/** Periods kept in the claims table per schedule, for support; older ones are deleted. */
const PERIODS_KEPT = 30;

function periodOf(intervalMs: number, now: Date): Date {
  return new Date(Math.floor(now.getTime() / intervalMs) * intervalMs);
}

export class Scheduler {
  readonly #definitions = new Map<string, ScheduleDefinition>();
  readonly #timers = new Map<string, NodeJS.Timeout>();
  readonly #inProgress = new Map<string, Promise<void>>();
  readonly #logger: ScheduleLogger;
  readonly #claims: ScheduleClaims;
  readonly #clock: () => Date;
  #started = false;

  constructor(options: { logger?: ScheduleLogger; claims?: ScheduleClaims; clock?: () => Date } = {}) {
    this.#logger = options.logger ?? { warn: (message, fields) => console.warn(message, fields) };
    this.#claims = options.claims ?? new DatabaseScheduleClaims();
    this.#clock = options.clock ?? (() => new Date());
  }

  every(definition: ScheduleDefinition): void {
    if (!(definition.intervalMs > 0)) throw new RangeError(`Schedule "${definition.name}" needs a positive interval`);
    this.#definitions.set(definition.name, definition);
    if (this.#started) this.#arm(definition);
  }

  get names(): string[] {
    return [...this.#definitions.keys()];
  }

  start(): void {
    if (this.#started) return;
    this.#started = true;
    for (const definition of this.#definitions.values()) this.#arm(definition);
  }

  /** Clears the timers and waits for enqueues already in progress, so none lands after it returns. */
  async stop(): Promise<void> {
    this.#started = false;
    for (const timer of this.#timers.values()) clearInterval(timer);
    this.#timers.clear();
    await Promise.allSettled(this.#inProgress.values());
  }

  /**
   * Enqueues for one schedule now, whether or not its period already ran (a manual run, a test).
   * Skipped while its previous enqueue is still in progress.
   */
  async trigger(name: string): Promise<void> {
    const definition = this.#definitions.get(name);
    if (definition === undefined) throw new Error(`No schedule named "${name}"`);
    await this.#exclusively(name, async () => {
      await definition.enqueue();
    });
  }

  /** What a tick does: enqueues if no process has run the current period yet. */
  async tick(name: string): Promise<void> {
    const definition = this.#definitions.get(name);
    if (definition === undefined) throw new Error(`No schedule named "${name}"`);
    await this.#exclusively(name, () => this.#runPeriod(definition));
  }

  async #runPeriod(definition: ScheduleDefinition): Promise<void> {
    const now = this.#clock();
    const period: SchedulePeriod = { name: definition.name, periodStart: periodOf(definition.intervalMs, now) };
    const staleBefore = new Date(now.getTime() - Math.min(STALE_CLAIM_MS, definition.intervalMs));
    if (!(await this.#claims.claim(period, now, staleBefore))) return;
    try {
      await definition.enqueue();
    } catch (error) {
      await this.#claims.release(period);
      throw error;
    }
    await this.#claims.complete(period, this.#clock());
    const keepFrom = period.periodStart.getTime() - PERIODS_KEPT * definition.intervalMs;
    await this.#claims.forgetBefore(definition.name, new Date(keepFrom));
  }

  #exclusively(name: string, work: () => Promise<void>): Promise<void> {
    const running = this.#inProgress.get(name);
    if (running !== undefined) return running;
    const run = work()
      .catch((error: unknown) => {
        // The next tick tries again; one failed enqueue must not stop the schedule.
        this.#logger.warn("jobs: a scheduled enqueue failed", { schedule: name, error: String(error) });
      })
      .finally(() => this.#inProgress.delete(name));
    this.#inProgress.set(name, run);
    return run;
  }

  #arm(definition: ScheduleDefinition): void {
    clearInterval(this.#timers.get(definition.name));
    const tickMs = Math.min(definition.intervalMs, MAX_TICK_MS);
    const timer = setInterval(() => void this.tick(definition.name), tickMs);
    timer.unref();
    this.#timers.set(definition.name, timer);
    if (definition.runOnStart) void this.tick(definition.name);
  }
}

declare global {
  var __jobScheduler: Scheduler | undefined;
}

/** The process-wide scheduler, kept across Vite HMR reloads; the worker starts and stops it. */
export function getScheduler(): Scheduler {
  globalThis.__jobScheduler ??= new Scheduler();
  return globalThis.__jobScheduler;
}
