// What the figures were measured on.
import { readFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { sqliteVersion } from "./database";

export interface Machine {
  nproc: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  sqlite: string;
}

export function describeMachine(): Machine {
  const cpuinfo = readFileSync("/proc/cpuinfo", "utf8");
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? "unknown";
  return {
    nproc: cpus().length,
    cpuModel: model.trim(),
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    sqlite: sqliteVersion(),
  };
}

/** The 1-minute load average, which counts every process on the machine, the benchmark's own included. */
export function load1(): number {
  return loadavg()[0]!;
}
