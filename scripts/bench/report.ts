// The printed table and the generated figures section of docs/benchmarks.md.
import { readFileSync, writeFileSync } from "node:fs";
import { format, resolveConfig } from "prettier";
import type { LevelResult } from "./load";
import type { Machine } from "./machine";
import type { Target } from "./targets";

export interface TargetRun {
  target: Target;
  /** serverCpu: the web processes' (or the baseline's) CPU, 1 = one core; workerCpu: the worker's. */
  levels: (LevelResult & { serverCpu: number; workerCpu?: number; load1: number })[];
  /** Rows found after the server stopped, against 200s received (warm-up included). */
  verified: {
    acknowledged: number;
    deliveries: number;
    jobs: number;
    queued: number;
    orphans: number;
    failed: number;
    ok: boolean;
  };
}

/** Issue 12: per web process, at least 500 deliveries/s and p99 under 100 ms (judged at concurrency 32). */
export const GOAL = { perSecond: 500, p99Ms: 100, concurrency: 32 };

const ms = (value: number) => (Number.isNaN(value) ? "–" : value < 10 ? value.toFixed(1) : value.toFixed(0));
const rate = (value: number) => value.toFixed(0);

export function meetsGoal(app: LevelResult): boolean {
  return app.perServer.every((share) => share.perSecond >= GOAL.perSecond && share.p99 < GOAL.p99Ms);
}

export function comparisonRows(app: TargetRun, baseline: TargetRun): string[][] {
  return app.levels.map((level) => {
    const base = baseline.levels.find((b) => b.concurrency === level.concurrency);
    return [
      String(level.concurrency),
      rate(level.perSecond),
      ms(level.p50),
      ms(level.p99),
      base ? rate(base.perSecond) : "–",
      base ? ms(base.p50) : "–",
      base ? ms(base.p99) : "–",
      base ? `${(level.perSecond / base.perSecond).toFixed(2)}×` : "–",
      meetsGoal(level) ? "yes" : "no",
    ];
  });
}

export const COMPARISON_HEADER = [
  "concurrency",
  "app /s",
  "app p50 ms",
  "app p99 ms",
  "baseline /s",
  "baseline p50 ms",
  "baseline p99 ms",
  "app ÷ baseline",
  "goal met (each web process)",
];

/** With several web processes: each one's share of a level, beside the total in the comparison. */
export function perProcessRows(app: TargetRun): string[][] {
  return app.levels.flatMap((level) =>
    level.perServer.map((share, index) => [
      String(level.concurrency),
      `web ${index + 1}`,
      rate(share.perSecond),
      ms(share.p50),
      ms(share.p99),
    ]),
  );
}

export const PER_PROCESS_HEADER = ["concurrency", "process", "deliveries/s", "p50 ms", "p99 ms"];

export function targetRows(runs: TargetRun[]): string[][] {
  return runs.flatMap((run) =>
    run.levels.map((level) => [
      run.target.name,
      String(level.concurrency),
      rate(level.perSecond),
      ms(level.p50),
      ms(level.p99),
      `${Math.round(level.serverCpu * 100)}%`,
      level.workerCpu === undefined ? "–" : `${Math.round(level.workerCpu * 100)}%`,
      level.perSecond > 0 ? ((level.serverCpu / level.perSecond) * 1000).toFixed(2) : "–",
      level.load1.toFixed(2),
    ]),
  );
}

export const TARGET_HEADER = [
  "target",
  "concurrency",
  "deliveries/s",
  "p50 ms",
  "p99 ms",
  "server CPU",
  "worker CPU",
  "server CPU ms/delivery",
  "load (1 min)",
];

export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map((_, i) => (i === 0 ? "---" : "---:"))), ...rows.map(line)].join("\n");
}

export interface RunInfo {
  date: string;
  /** The command line's options, as given (e.g. `--db postgres --web-processes 2`). */
  command: string;
  database: string;
  webProcesses: number;
  machine: Machine;
  loadBefore: number;
  loadMax: number;
  options: { levels: number[]; maxDeliveries: number; maxSeconds: number; warmup: number; payloadBytes: number };
}

export function figuresMarkdown(info: RunInfo, app: TargetRun, baseline: TargetRun, all: TargetRun[]): string {
  const { machine, options } = info;
  const verified = all
    .map(
      (r) =>
        `${r.target.name}: ${r.verified.acknowledged} acknowledged, ${r.verified.deliveries} deliveries + ${r.verified.jobs} jobs recorded (${r.verified.queued} still queued), ${r.verified.orphans} without a job, ${r.verified.failed} failed — ${r.verified.ok ? "ok" : "MISMATCH"}`,
    )
    .map((l) => `- ${l}`)
    .join("\n");
  const parts = [
    `Run ${info.date} with \`npm run bench:webhooks -- ${info.command}\`: ` +
      `${machine.nproc} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}, ${info.database}; ` +
      `${info.webProcesses} web process${info.webProcesses > 1 ? "es" : ""} and 1 worker process. ` +
      `Load average (1 min) ${info.loadBefore.toFixed(2)} before the run, at most ${info.loadMax.toFixed(2)} during it ` +
      `(the load generator itself shares the two cores). Levels ${options.levels.join(", ")}; each level sends at most ` +
      `${options.maxDeliveries} deliveries or runs ${options.maxSeconds} s, after ${options.warmup} warm-up deliveries; ` +
      `payload ${options.payloadBytes} bytes.`,
    markdownTable(COMPARISON_HEADER, comparisonRows(app, baseline)),
  ];
  if (info.webProcesses > 1) {
    parts.push(
      "Each web process's share (the table above is their total):",
      markdownTable(PER_PROCESS_HEADER, perProcessRows(app)),
    );
  }
  if (all.length > 2) {
    parts.push(
      "Every target, with the server processes' and the worker's CPU use during the level (100% = one core) and the server processes' CPU time per acknowledged delivery:",
      markdownTable(TARGET_HEADER, targetRows(all)),
      all.map((r) => `- **${r.target.name}**: ${r.target.description}`).join("\n"),
    );
  }
  parts.push("Verification (rows counted after each server stopped):", verified);
  return parts.join("\n\n");
}

/** One generated block per database and number of web processes, e.g. `postgres, 2 web processes`. */
export function figuresBlockName(database: string, webProcesses: number): string {
  return `${database}, ${webProcesses} web process${webProcesses > 1 ? "es" : ""}`;
}

/**
 * Replaces the run's generated block of docs/benchmarks.md (the prose around it is written by hand)
 * and formats the file with the project's Prettier settings, so `npm run format:check` stays green.
 */
export async function writeFigures(file: string, block: string, figures: string): Promise<void> {
  const FIGURES_START = `<!-- bench:webhooks figures (${block}): generated by \`npm run bench:webhooks -- --write\` -->`;
  const FIGURES_END = `<!-- end bench:webhooks figures (${block}) -->`;
  const text = readFileSync(file, "utf8");
  const start = text.indexOf(FIGURES_START);
  const end = text.indexOf(FIGURES_END);
  if (start < 0 || end < start) throw new Error(`${file} has no ${FIGURES_START} … ${FIGURES_END} block`);
  const updated = `${text.slice(0, start + FIGURES_START.length)}\n\n${figures}\n\n${text.slice(end)}`;
  writeFileSync(file, await format(updated, { ...(await resolveConfig(file)), filepath: file }));
}
