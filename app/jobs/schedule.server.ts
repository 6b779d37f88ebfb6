// Recurring enqueues (the reconcile sweep: one job per active shop every 15 minutes). A schedule
// only enqueues; the work itself runs as ordinary jobs, with their retries and dead-lettering.
// Every process runs the same timers, so schedules enqueue with a dedupeKey: the duplicates
// collapse onto the job already queued or running. Callers define schedules through JobWorker.every.
import type { ScheduleDefinition } from "./job-queue";

interface ScheduleLogger {
  warn(message: string, fields: Record<string, unknown>): void;
}

export class Scheduler {
  readonly #definitions = new Map<string, ScheduleDefinition>();
  readonly #timers = new Map<string, NodeJS.Timeout>();
  readonly #inProgress = new Map<string, Promise<void>>();
  readonly #logger: ScheduleLogger;
  #started = false;

  constructor(options: { logger?: ScheduleLogger } = {}) {
    this.#logger = options.logger ?? { warn: (message, fields) => console.warn(message, fields) };
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

  /** Enqueues for one schedule now. Skipped while its previous enqueue is still in progress. */
  async trigger(name: string): Promise<void> {
    const definition = this.#definitions.get(name);
    if (definition === undefined) throw new Error(`No schedule named "${name}"`);
    const running = this.#inProgress.get(name);
    if (running !== undefined) return running;
    const enqueue = definition
      .enqueue()
      .catch((error: unknown) => {
        // The next tick tries again; one failed enqueue must not stop the schedule.
        this.#logger.warn("jobs: a scheduled enqueue failed", { schedule: name, error: String(error) });
      })
      .finally(() => this.#inProgress.delete(name));
    this.#inProgress.set(name, enqueue);
    return enqueue;
  }

  #arm(definition: ScheduleDefinition): void {
    clearInterval(this.#timers.get(definition.name));
    const timer = setInterval(() => void this.trigger(definition.name), definition.intervalMs);
    timer.unref();
    this.#timers.set(definition.name, timer);
    if (definition.runOnStart) void this.trigger(definition.name);
  }
}

declare global {
  var __jobScheduler: Scheduler | undefined;
}

/** The process-wide scheduler, kept across Vite HMR reloads; the table runner starts and stops it. */
export function getScheduler(): Scheduler {
  globalThis.__jobScheduler ??= new Scheduler();
  return globalThis.__jobScheduler;
}
