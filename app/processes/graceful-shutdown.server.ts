// SIGTERM (a deploy, a scale-down) and SIGINT (Ctrl-C) start one graceful shutdown: the process
// stops taking work, lets what it holds finish within a bound, closes the database and exits 0.
// A second signal means "now": the process exits at once, with the conventional 128 + signal code.
import type { AddressInfo } from "node:net";

const SIGNAL_NUMBERS = { SIGINT: 2, SIGTERM: 15 } as const;

export function exitGracefullyOnSignals(name: string, drain: () => Promise<void>): void {
  let draining = false;
  const onSignal = (signal: keyof typeof SIGNAL_NUMBERS) => {
    if (draining) {
      console.warn(`${name}: ${signal} again, exiting without waiting`);
      process.exit(128 + SIGNAL_NUMBERS[signal]);
    }
    draining = true;
    console.info(`${name}: ${signal}, shutting down`);
    drain().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`${name}: shutdown failed`, error);
        process.exit(1);
      },
    );
  };
  for (const signal of Object.keys(SIGNAL_NUMBERS) as (keyof typeof SIGNAL_NUMBERS)[]) process.on(signal, onSignal);
}

/** Waits for `work` at most `ms`; says which came first. */
export async function settledWithin(work: Promise<unknown>, ms: number): Promise<"settled" | "timed-out"> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timed-out">((resolve) => {
    timer = setTimeout(() => resolve("timed-out"), ms);
  });
  try {
    return await Promise.race([
      work.then(
        () => "settled" as const,
        () => "settled" as const,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** What a process prints once it listens; the tests read the port from it (PORT=0). */
export function announceListening(name: string, address: AddressInfo | string | null): void {
  const port = typeof address === "object" && address !== null ? address.port : address;
  console.info(`${name}: listening on port ${port}`);
}
