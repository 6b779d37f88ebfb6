import { describe, expect, it } from "vitest";
import { DEFAULT_BACKOFF, retryDelayMs } from "./backoff";

describe("retryDelayMs", () => {
  const policy = { baseMs: 1_000, maxMs: 10_000 };

  it.each([
    { attempt: 1, low: 500, high: 1_000 },
    { attempt: 2, low: 1_000, high: 2_000 },
    { attempt: 3, low: 2_000, high: 4_000 },
    { attempt: 4, low: 4_000, high: 8_000 },
    { attempt: 5, low: 5_000, high: 10_000 },
    { attempt: 40, low: 5_000, high: 10_000 },
  ])("doubles per attempt and caps at maxMs, jittered between half and all of it (attempt $attempt)", (row) => {
    expect(retryDelayMs(row.attempt, policy, () => 0)).toBe(row.low);
    expect(retryDelayMs(row.attempt, policy, () => 1)).toBe(row.high);
  });

  it("never schedules a retry in the same millisecond, even with a zero base", () => {
    expect(retryDelayMs(1, { baseMs: 0, maxMs: 0 }, () => 0)).toBe(1);
  });

  it("spreads eight default attempts over roughly half an hour", () => {
    const nominal = [1, 2, 3, 4, 5, 6, 7].reduce(
      (sum, attempt) => sum + retryDelayMs(attempt, DEFAULT_BACKOFF, () => 1),
      0,
    );
    expect(nominal).toBe(1_905_000);
  });
});
