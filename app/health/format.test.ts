import { describe, expect, it } from "vitest";
import { formatDuration, isReconcileInProgress, runsWithUnaccounted } from "./format";

describe("formatDuration", () => {
  it.each([
    [40, "40 ms"],
    [999, "999 ms"],
    [2_500, "2.5 s"],
    [12_340, "12.3 s"],
    [60_000, "1 min"],
    [75_000, "1 min 15 s"],
  ])("shows %i ms as %s", (ms, shown) => {
    expect(formatDuration(ms)).toBe(shown);
  });
});

describe("the reconciliation screen's helpers", () => {
  it("counts the runs whose report did not add up", () => {
    expect(runsWithUnaccounted([{ unaccounted: 0 }, { unaccounted: 2 }, { unaccounted: 1 }])).toBe(2);
  });

  it("keeps polling while a sync is queued or a run is still open, and stops after", () => {
    expect(isReconcileInProgress({ activeReconciles: [{}], runs: [] })).toBe(true);
    expect(isReconcileInProgress({ activeReconciles: [], runs: [{ status: "running" }] })).toBe(true);
    expect(isReconcileInProgress({ activeReconciles: [], runs: [{ status: "succeeded" }, { status: "failed" }] })).toBe(
      false,
    );
  });
});
