// `npm run bench:webhooks`: webhook ingest throughput and acknowledgement latency of the app as
// production runs it — `npm start` web process(es) and an `npm run worker` process running the jobs —
// against a bare node:http baseline doing the same HMAC check and the same durable insert into the
// same database. Loopback only; every process, file and cluster it creates is gone when it ends.
// Method and findings: docs/benchmarks.md.
//
//   --db sqlite|postgres  the database (default sqlite; postgres starts a throwaway cluster)
//   --web-processes N     web processes (and baseline processes), load spread across them;
//                         more than 1 on PostgreSQL only (default 1)
//   --levels 1,8,32,64    concurrent senders per level
//   --max-deliveries N    per level (default 4000)
//   --max-seconds S       per level (default 10)
//   --warmup N            deliveries before the first level (default 300)
//   --diagnose            also run the variants in scripts/bench/targets.ts
//   --compare-app DIRS    also measure the app built from other checkouts (comma-separated scratch
//                         copies with a proposed change; node_modules may be a symlink to this one's)
//   --only NAMES          run only these targets (comma-separated; app and baseline always run)
//   --skip-build          reuse build/ instead of running `remix vite:build`
//   --write               update the figures block of docs/benchmarks.md
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { benchDatabases, type BenchDatabases, type DatabaseKind } from "./bench/database";
import type { BenchJobCounts } from "./bench/job-counts";
import { runLevel } from "./bench/load";
import { describeMachine, load1 } from "./bench/machine";
import {
  COMPARISON_HEADER,
  comparisonRows,
  figuresBlockName,
  figuresMarkdown,
  GOAL,
  meetsGoal,
  PER_PROCESS_HEADER,
  perProcessRows,
  TARGET_HEADER,
  targetRows,
  textTable,
  writeFigures,
  type TargetRun,
} from "./bench/report";
import {
  killAllServers,
  startProcess,
  startServer,
  type BenchProcess,
  type ServerProcess,
} from "./bench/server-process";
import { APP, BASELINE, DIAGNOSTIC_TARGETS, type Target } from "./bench/targets";
import {
  BENCH_API_KEY,
  BENCH_API_SECRET,
  BENCH_SHOP,
  signedOrdersCreate,
  type SignedDelivery,
} from "./bench/webhook-fixture";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TSX_CLI = join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const LOOPBACK_ONLY_FETCH = new URL("./bench/loopback-only-fetch.mjs", import.meta.url).href;

const { values: args } = parseArgs({
  options: {
    db: { type: "string", default: "sqlite" },
    "web-processes": { type: "string", default: "1" },
    levels: { type: "string", default: "1,8,32,64" },
    "max-deliveries": { type: "string", default: "4000" },
    "max-seconds": { type: "string", default: "10" },
    warmup: { type: "string", default: "300" },
    diagnose: { type: "boolean", default: false },
    "compare-app": { type: "string" },
    only: { type: "string" },
    "skip-build": { type: "boolean", default: false },
    write: { type: "boolean", default: false },
  },
});

if (args.db !== "sqlite" && args.db !== "postgres") throw new Error("--db is sqlite or postgres");
const databaseKind: DatabaseKind = args.db;
const webProcesses = Number(args["web-processes"]);
if (!Number.isInteger(webProcesses) || webProcesses < 1) throw new Error("--web-processes is a positive integer");
// Two web processes on one SQLite file would serialise on its single writer lock across processes.
if (webProcesses > 1 && databaseKind === "sqlite") throw new Error("--web-processes above 1 needs --db postgres");

const options = {
  levels: args.levels.split(",").map(Number),
  maxDeliveries: Number(args["max-deliveries"]),
  maxSeconds: Number(args["max-seconds"]),
  warmup: Number(args.warmup),
};

/** `npm run build`: the Remix build, then the process entries (build/processes/{web,worker}.js). */
function build(root: string): void {
  console.log(`Building the app in ${root} (npm run build)…`);
  const steps = [
    ["node_modules/@remix-run/dev/dist/cli.js", "vite:build"],
    ["node_modules/vite/bin/vite.js", "build", "--config", "vite.processes.config.ts"],
  ];
  for (const step of steps) {
    const result = spawnSync(process.execPath, step, {
      cwd: root,
      env: { ...process.env, NODE_ENV: "production" },
      encoding: "utf8",
    });
    if (result.status !== 0) throw new Error(`${step.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  }
}

function serverEnv(target: Target, databaseUrl: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    SHOPIFY_API_KEY: BENCH_API_KEY,
    SHOPIFY_API_SECRET: BENCH_API_SECRET,
    SHOPIFY_APP_URL: "http://127.0.0.1",
    DATABASE_URL: databaseUrl,
    // `npm start`'s settings (app/processes/process-env.server.ts): any free port, loopback only.
    PORT: "0",
    HOST: "127.0.0.1",
    ...target.env,
  };
}

/** The app's processes run their real entries; the preload only keeps the worker's Admin API calls local. */
const appEntry = (entry: string) => ["--import", LOOPBACK_ONLY_FETCH, `build/processes/${entry}.js`];

interface Started {
  servers: ServerProcess[];
  worker: BenchProcess | undefined;
}

async function start(target: Target, databaseUrl: string): Promise<Started> {
  const env = serverEnv(target, databaseUrl);
  const root = target.env.BENCH_APP_ROOT ?? ROOT;
  const path = "/webhooks/orders/create";
  const servers = [];
  for (let i = 0; i < webProcesses; i += 1) {
    servers.push(
      target.kind === "app"
        ? await startServer(root, appEntry("web"), env, path)
        : await startServer(ROOT, ["--import", "tsx", "scripts/bench/baseline-server.ts"], env, path),
    );
  }
  const worker =
    target.kind === "app" && target.worker
      ? await startProcess(root, appEntry("worker"), env, /^worker: running jobs and schedules$/)
      : undefined;
  return { servers, worker };
}

/**
 * The target's jobs, counted by the app's own JobQueue (scripts/bench/job-counts.ts) in a child
 * process with the servers' environment, so it reads the queue they wrote: pg-boss on PostgreSQL
 * unless JOB_QUEUE says otherwise. The baseline writes the embedded queue's `Job` rows itself.
 */
function countJobs(target: Target, databaseUrl: string): BenchJobCounts {
  const env = {
    ...serverEnv(target, databaseUrl),
    ...(target.kind === "baseline" ? { JOB_QUEUE: "embedded" } : {}),
    // Only counts: no pg-boss maintenance in the counting process.
    JOB_RUNNER: "off",
    BENCH_SHOP,
  };
  const result = spawnSync(process.execPath, [TSX_CLI, "scripts/bench/job-counts.ts"], {
    cwd: ROOT,
    env,
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`job-counts failed:\n${result.stdout}\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split("\n").at(-1) ?? "{}") as BenchJobCounts;
}

let loadMax = 0;

async function measure(target: Target, databases: BenchDatabases, delivery: SignedDelivery): Promise<TargetRun> {
  const databaseUrl = await databases.fresh(target.name, target.journal);
  const { servers, worker } = await start(target, databaseUrl);
  const urls = servers.map((server) => server.url);
  const serversCpu = () => servers.reduce((sum, server) => sum + server.cpuSeconds(), 0);
  const levels: TargetRun["levels"] = [];
  let acknowledged = 0;
  let failed = 0;
  try {
    const warm = await runLevel({
      urls,
      concurrency: 8,
      maxDeliveries: options.warmup,
      maxSeconds: 60,
      delivery,
    });
    acknowledged += warm.acknowledged;
    failed += warm.failed;
    for (const concurrency of options.levels) {
      const cpuBefore = serversCpu();
      const workerCpuBefore = worker?.cpuSeconds() ?? 0;
      const result = await runLevel({ urls, concurrency, ...options, delivery });
      const load = load1();
      loadMax = Math.max(loadMax, load);
      const serverCpu = (serversCpu() - cpuBefore) / result.seconds;
      const workerCpu = worker ? (worker.cpuSeconds() - workerCpuBefore) / result.seconds : undefined;
      levels.push({ ...result, serverCpu, workerCpu, load1: load });
      acknowledged += result.acknowledged;
      failed += result.failed;
      const failures = result.failed ? `  failures: ${JSON.stringify(result.failures)}` : "";
      console.log(
        `  ${target.name} c=${concurrency}: ${result.perSecond.toFixed(0)}/s p50 ${result.p50.toFixed(1)} ms ` +
          `p99 ${result.p99.toFixed(1)} ms cpu ${Math.round(serverCpu * 100)}%` +
          `${workerCpu === undefined ? "" : ` worker ${Math.round(workerCpu * 100)}%`} load ${load.toFixed(2)}` +
          `${result.perServer.length > 1 ? ` (${result.perServer.map((s) => s.perSecond.toFixed(0)).join(" + ")}/s)` : ""}${failures}`,
      );
    }
  } finally {
    // The web processes first: every acknowledged delivery is committed by then, whatever the worker does.
    await Promise.all(servers.map((server) => server.stop()));
    await worker?.stop();
  }
  const deliveries = await databases.countDeliveries(databaseUrl);
  const { webhookJobs, queued } = countJobs(target, databaseUrl);
  // Each job is written in its delivery's transaction (app/webhooks/inbox.server.ts): as many jobs as
  // deliveries means none is without one.
  const counts = { deliveries, jobs: webhookJobs, queued, orphans: Math.max(0, deliveries - webhookJobs) };
  const ok = failed === 0 && counts.deliveries === acknowledged && counts.jobs === acknowledged && counts.orphans === 0;
  if (!ok) {
    for (const process of [...servers, ...(worker ? [worker] : [])]) {
      if (process.output.length) console.error(process.output.slice(-20).join("\n"));
    }
  }
  return { target, levels, verified: { acknowledged, ...counts, failed, ok } };
}

async function main(): Promise<number> {
  const machine = describeMachine();
  const loadBefore = load1();
  loadMax = loadBefore;
  const compareRoots = args["compare-app"]?.split(",").map((dir) => resolve(dir)) ?? [];
  if (!args["skip-build"]) [ROOT, ...compareRoots].forEach(build);
  const dir = mkdtempSync(join(tmpdir(), "bench-webhooks-"));
  let databases: BenchDatabases | undefined;
  const cleanup = () => {
    killAllServers();
    databases?.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  process.once("SIGINT", () => (cleanup(), process.exit(130)));
  try {
    const delivery = signedOrdersCreate(ROOT);
    databases = await benchDatabases(databaseKind, ROOT, dir);
    const only = args.only?.split(",");
    const diagnostics = args.diagnose
      ? DIAGNOSTIC_TARGETS.filter((t) => (!only || only.includes(t.name)) && (databaseKind === "sqlite" || t.postgres))
      : [];
    const compared = compareRoots.map((root): Target => ({
      name: `app@${basename(root)}`,
      kind: "app",
      journal: "wal",
      env: { BENCH_APP_ROOT: root },
      worker: true,
      description: `the app built from ${root}`,
    }));
    const targets = [APP, BASELINE, ...diagnostics, ...compared];
    const runs: TargetRun[] = [];
    for (const target of targets) {
      console.log(`${target.name}: ${target.description}`);
      runs.push(await measure(target, databases, delivery));
    }
    const [app, baseline] = runs as [TargetRun, TargetRun];

    const database = await databases.describe();
    console.log(
      `\n${machine.nproc} × ${machine.cpuModel}, Node ${machine.node}, ${database}, ${webProcesses} web process(es); ` +
        `load average ${loadBefore.toFixed(2)} before, max ${loadMax.toFixed(2)} during\n`,
    );
    console.log(textTable(COMPARISON_HEADER, comparisonRows(app, baseline)));
    if (webProcesses > 1) console.log(`\n${textTable(PER_PROCESS_HEADER, perProcessRows(app))}`);
    if (runs.length > 2) console.log(`\n${textTable(TARGET_HEADER, targetRows(runs))}`);
    for (const run of runs) {
      const v = run.verified;
      console.log(
        `${run.target.name}: ${v.acknowledged} acknowledged, ${v.deliveries} deliveries + ${v.jobs} jobs recorded (${v.queued} still queued), ` +
          `${v.orphans} without a job, ${v.failed} failed — ${v.ok ? "ok" : "MISMATCH"}`,
      );
    }
    const judged = app.levels.find((l) => l.concurrency === GOAL.concurrency);
    const goal = `Goal (each web process ≥ ${GOAL.perSecond}/s and p99 < ${GOAL.p99Ms} ms at concurrency ${GOAL.concurrency})`;
    console.log(judged ? `${goal} ${meetsGoal(judged) ? "met" : "NOT met"}.` : `${goal}: level not run.`);

    if (args.write) {
      const figures = figuresMarkdown(
        {
          date: new Date().toISOString(),
          command: process.argv.slice(2).join(" "),
          database,
          webProcesses,
          machine,
          loadBefore,
          loadMax,
          options: { ...options, payloadBytes: delivery.bytes },
        },
        app,
        baseline,
        runs,
      );
      const block = figuresBlockName(databaseKind, webProcesses);
      await writeFigures(join(ROOT, "docs/benchmarks.md"), block, figures);
      console.log("Updated docs/benchmarks.md.");
    }
    return runs.every((r) => r.verified.ok) ? 0 : 1;
  } finally {
    cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    killAllServers();
    process.exit(1);
  },
);
