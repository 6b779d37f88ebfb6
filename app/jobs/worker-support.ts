// What both JobWorker implementations share (prisma-job-runner.server.ts, pg-boss-job-worker.server.ts):
// logging, error text, and runUntilIdle's waiting loop, so the two keep one behaviour.
import type { RunSummary } from "./job-queue";

export interface JobLogger {
  info(message: string, fields: Record<string, unknown>): void;
  warn(message: string, fields: Record<string, unknown>): void;
  error(message: string, fields: Record<string, unknown>): void;
}

export const CONSOLE_LOGGER: JobLogger = {
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
