// `npm run bench:automation`: automatic fulfillment requests at flash-sale volume — 1,000 orders a
// minute for 5 minutes on a Standard-plan bucket (2,000 points, 100/s), webhooks shuffled, 10%
// duplicated and 5% dropped (repaired by the sweep). Runs scripts/bench/automation-run.test.ts
// (simulator and app on one fake clock) and prints its figures. Method and findings: docs/benchmarks.md.
//
//   --quick          1 minute of orders instead of 5 (development; a few minutes on 2 cores)
//   --seconds S      seconds of orders (default 300)
//   --per-minute N   orders a minute (default 1000)
//   --seed N         the disorder's seed (default 42)
//   --db NAME        sqlite (default) or postgresql: the vitest project it runs in (PostgreSQL: a
//                    throwaway cluster the test setup starts; the Admin API budget is shared in it)
//   --workers N      job workers sharing the queue and the shop's bucket (default 1)
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { describeMachine, load1 } from "./bench/machine";

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    seconds: { type: "string" },
    "per-minute": { type: "string", default: "1000" },
    seed: { type: "string", default: "42" },
    db: { type: "string", default: "sqlite" },
    workers: { type: "string", default: "1" },
  },
});
const seconds = values.seconds ?? (values.quick ? "60" : "300");
if (values.db !== "sqlite" && values.db !== "postgresql") {
  console.error(`--db must be sqlite or postgresql, not "${values.db}"`);
  process.exit(2);
}
if (!/^[1-8]$/.test(values.workers)) {
  console.error(`--workers must be 1 to 8, not "${values.workers}"`);
  process.exit(2);
}

interface Figures {
  failedCalls: number;
  doubleSubmissions: number;
  eligibleFos: number;
  eligibleRequested: number;
  elapsedSeconds: number;
  boundSeconds: number;
  ratio: number;
  [key: string]: unknown;
}

const machine = describeMachine();
const loadBefore = load1();
const dir = mkdtempSync(join(tmpdir(), "bench-automation-"));
const out = join(dir, "figures.json");
try {
  console.log(
    `${values["per-minute"]} orders/min for ${seconds} s on a Standard bucket (2,000 points, 100/s), ` +
      `${values.db}, ${values.workers} worker(s). ` +
      "Fake clock: simulated time moves only on order arrivals and bucket waits, so the times below are " +
      "bucket time, not this machine's CPU time.",
  );
  const started = Date.now();
  const result = spawnSync(
    process.execPath,
    ["node_modules/vitest/vitest.mjs", "run", "--project", values.db, "scripts/bench/automation-run.test.ts"],
    {
      env: {
        ...process.env,
        AUTOMATION_BENCH_SECONDS: seconds,
        AUTOMATION_BENCH_PER_MINUTE: values["per-minute"],
        AUTOMATION_BENCH_SEED: values.seed,
        AUTOMATION_BENCH_WORKERS: values.workers,
        // The PostgreSQL half must run: refuse a local skip setting inherited from the shell.
        FD_TEST_POSTGRES: values.db === "postgresql" ? "" : process.env.FD_TEST_POSTGRES,
        AUTOMATION_BENCH_OUT: out,
        AUTOMATION_BENCH_PROGRESS: "1",
      },
      stdio: ["ignore", "pipe", "inherit"],
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  for (const line of result.stdout.split("\n")) if (line.startsWith("bench:")) console.log(line);
  const figures = JSON.parse(readFileSync(out, "utf8")) as Figures;
  console.log(JSON.stringify(figures, null, 2));
  console.log(
    `${machine.nproc} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}, SQLite ${machine.sqlite}; ` +
      `load average ${loadBefore.toFixed(2)} before, ${load1().toFixed(2)} after; ${((Date.now() - started) / 1000).toFixed(0)} s real`,
  );
  const checks: [string, boolean][] = [
    [`failed calls ${figures.failedCalls} (must be 0)`, figures.failedCalls === 0],
    [`double submissions ${figures.doubleSubmissions} (must be 0)`, figures.doubleSubmissions === 0],
    [
      `eligible FOs requested ${figures.eligibleRequested}/${figures.eligibleFos}`,
      figures.eligibleRequested === figures.eligibleFos,
    ],
    [
      `all requested after ${figures.elapsedSeconds} s; bound 1.2 × ${figures.boundSeconds} s ` +
        `(submissions' cost + one order read per order, at 100 points/s): ratio ${figures.ratio}`,
      figures.ratio <= 1.2,
    ],
  ];
  for (const [text, ok] of checks) console.log(`${ok ? "PASS" : "FAIL"}: ${text}`);
  if (result.status !== 0) console.log(result.stdout.split("\n").slice(-60).join("\n"));
  process.exitCode = result.status === 0 && checks.every(([, ok]) => ok) ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
