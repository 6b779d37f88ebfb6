import { describe, expect, it } from "vitest";
import { type PriorityCalls, yieldCpu } from "./cpu-priority.server";
import { readProcessEnv } from "./process-env.server";

function thread(nice: number, failure?: Error): PriorityCalls & { nice: number } {
  return {
    nice,
    get() {
      return this.nice;
    },
    set(value) {
      if (failure) throw failure;
      this.nice = value;
    },
  };
}

const env = (values: Record<string, string>) => ({ NODE_ENV: "production", ...values }) as NodeJS.ProcessEnv;

describe("the worker's CPU priority", () => {
  it("is nice 10 unless WORKER_NICE says otherwise, and WORKER_NICE is 0–19", () => {
    expect(readProcessEnv(env({})).WORKER_NICE).toBe(10);
    expect(readProcessEnv(env({ WORKER_NICE: "0" })).WORKER_NICE).toBe(0);
    expect(() => readProcessEnv(env({ WORKER_NICE: "20" }))).toThrow(/WORKER_NICE/);
    expect(() => readProcessEnv(env({ WORKER_NICE: "-5" }))).toThrow(/WORKER_NICE/);
    expect(() => readProcessEnv(env({ WORKER_NICE: "low" }))).toThrow(/WORKER_NICE/);
  });

  it("raises the nice value of a thread started at 0", () => {
    const main = thread(0);
    expect(yieldCpu(10, main)).toEqual({ kind: "lowered", from: 0, to: 10 });
    expect(main.nice).toBe(10);
  });

  it("leaves a thread already as nice or nicer as it is, since going back needs privileges", () => {
    const niced = thread(15);
    expect(yieldCpu(10, niced)).toEqual({ kind: "unchanged", nice: 15 });
    expect(niced.nice).toBe(15);
    expect(yieldCpu(0, thread(0))).toEqual({ kind: "unchanged", nice: 0 });
  });

  it("reports a refusal instead of failing the worker's start", () => {
    const refused = thread(0, new Error("EACCES: permission denied"));
    expect(yieldCpu(10, refused)).toEqual({ kind: "failed", reason: "EACCES: permission denied" });
    expect(refused.nice).toBe(0);
  });
});
