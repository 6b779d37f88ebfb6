// Helpers shared by the reconciliation and jobs screens. Moments are formatted in the shop's time zone by
// useShopFormat() (app/components/shop-format-context.tsx), like every other screen.

/** 40 → "40 ms", 2_500 → "2.5 s", 75_000 → "1 min 15 s". */
export function formatDuration(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
}

/** Runs in the list whose report did not add up: the screen must say so. */
export function runsWithUnaccounted(runs: readonly { unaccounted: number }[]): number {
  return runs.filter((run) => run.unaccounted > 0).length;
}

/** A queued or running sync, or a run still open: the screen polls until this is false. */
export function isReconcileInProgress(view: {
  activeReconciles: readonly unknown[];
  runs: readonly { status: string }[];
}) {
  return view.activeReconciles.length > 0 || view.runs.some((run) => run.status === "running");
}
