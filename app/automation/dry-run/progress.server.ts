// How far a long dry run has got, for the screen to poll while the run's own request is still
// open. In-process memory: a run and its polls reach the same server process (the app runs one,
// like its job runner); a poll that reaches another sees "unknown" and the screen keeps its spinner.

export interface DryRunProgress {
  replayed: number;
  total: number;
  done: boolean;
}

/** A finished run's progress is kept this long for a last poll, then forgotten. */
const KEEP_MS = 10 * 60_000;
/** At most this many runs are tracked at once (a client cannot grow the map without bound). */
const MAX_RUNS = 1_000;

const runs = new Map<string, DryRunProgress & { at: number }>();
const keyOf = (shop: string, runId: string) => `${shop} ${runId}`;

function prune(now: number) {
  for (const [key, run] of runs) if (now - run.at > KEEP_MS) runs.delete(key);
  while (runs.size >= MAX_RUNS) runs.delete(runs.keys().next().value!);
}

/** Starts tracking a run of `total` FOs; returns the callbacks the run reports through. */
export function trackDryRun(shop: string, runId: string, total: number) {
  const now = Date.now();
  prune(now);
  const key = keyOf(shop, runId);
  runs.set(key, { replayed: 0, total, done: false, at: now });
  const update = (replayed: number, done: boolean) =>
    runs.set(key, { replayed: Math.min(replayed, total), total, done, at: Date.now() });
  return { progress: (replayed: number) => update(replayed, false), finish: () => update(total, true) };
}

/** The run's progress, only to the shop that started it. */
export function dryRunProgress(shop: string, runId: string): DryRunProgress | null {
  const run = runs.get(keyOf(shop, runId));
  return run ? { replayed: run.replayed, total: run.total, done: run.done } : null;
}
