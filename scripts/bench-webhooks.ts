// `npm run bench:webhooks`: webhook ingest throughput and acknowledgement latency of the app's
// production build, against a bare node:http baseline doing the same HMAC check and the same
// durable insert. Loopback only; every process and file it creates is gone when it ends.
// Method and findings: docs/benchmarks.md.
//
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
import { countRecorded, freshDatabase, migrateTemplate, storeBenchSession } from "./bench/database";
import { runLevel } from "./bench/load";
import { describeMachine, load1 } from "./bench/machine";
import {
  COMPARISON_HEADER,
  comparisonRows,
  figuresMarkdown,
  meetsGoal,
  TARGET_HEADER,
  targetRows,
  textTable,
  writeFigures,
  type TargetRun,
} from "./bench/report";
import { killAllServers, startServer } from "./bench/server-process";
import { APP, BASELINE, DIAGNOSTIC_TARGETS, type Target } from "./bench/targets";
import { BENCH_API_KEY, BENCH_API_SECRET, signedOrdersCreate, type SignedDelivery } from "./bench/webhook-fixture";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

const { values: args } = parseArgs({
  options: {
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

const options = {
  levels: args.levels.split(",").map(Number),
  maxDeliveries: Number(args["max-deliveries"]),
  maxSeconds: Number(args["max-seconds"]),
  warmup: Number(args.warmup),
};

function build(root: string): void {
  console.log(`Building the app in ${root} (remix vite:build)…`);
  const result = spawnSync(process.execPath, ["node_modules/@remix-run/dev/dist/cli.js", "vite:build"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production" },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`remix vite:build failed:\n${result.stdout}\n${result.stderr}`);
}

function serverEnv(target: Target, databaseFile: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    SHOPIFY_API_KEY: BENCH_API_KEY,
    SHOPIFY_API_SECRET: BENCH_API_SECRET,
    SHOPIFY_APP_URL: "http://127.0.0.1",
    DATABASE_URL: `file:${databaseFile}`,
    // Ingest alone: deliveries are recorded and their jobs left queued.
    ...(target.env.BENCH_JOB_RUNNER === "running" ? {} : { JOB_RUNNER: "off" }),
    ...target.env,
  };
}

let loadMax = 0;

async function measure(target: Target, template: string, dir: string, delivery: SignedDelivery): Promise<TargetRun> {
  const file = freshDatabase(template, dir, target.name, target.journal);
  await storeBenchSession(file);
  const script = target.kind === "app" ? "scripts/bench/app-server.ts" : "scripts/bench/baseline-server.ts";
  const server = await startServer(ROOT, script, serverEnv(target, file), "/webhooks/orders/create");
  const levels: TargetRun["levels"] = [];
  let acknowledged = 0;
  let failed = 0;
  try {
    const warm = await runLevel({
      url: server.url,
      concurrency: 8,
      maxDeliveries: options.warmup,
      maxSeconds: 60,
      delivery,
    });
    acknowledged += warm.acknowledged;
    failed += warm.failed;
    for (const concurrency of options.levels) {
      const cpuBefore = server.cpuSeconds();
      const result = await runLevel({ url: server.url, concurrency, ...options, delivery });
      const load = load1();
      loadMax = Math.max(loadMax, load);
      const serverCpu = (server.cpuSeconds() - cpuBefore) / result.seconds;
      levels.push({ ...result, serverCpu, load1: load });
      acknowledged += result.acknowledged;
      failed += result.failed;
      const failures = result.failed ? `  failures: ${JSON.stringify(result.failures)}` : "";
      console.log(
        `  ${target.name} c=${concurrency}: ${result.perSecond.toFixed(0)}/s p50 ${result.p50.toFixed(1)} ms ` +
          `p99 ${result.p99.toFixed(1)} ms cpu ${Math.round(serverCpu * 100)}% load ${load.toFixed(2)}${failures}`,
      );
    }
  } finally {
    await server.stop();
  }
  const counts = countRecorded(file);
  const ok = failed === 0 && counts.deliveries === acknowledged && counts.jobs === acknowledged && counts.orphans === 0;
  if (!ok && server.output.length) console.error(server.output.slice(-20).join("\n"));
  return { target, levels, verified: { acknowledged, ...counts, failed, ok } };
}

async function main(): Promise<number> {
  const machine = describeMachine();
  const loadBefore = load1();
  loadMax = loadBefore;
  const compareRoots = args["compare-app"]?.split(",").map((dir) => resolve(dir)) ?? [];
  if (!args["skip-build"]) [ROOT, ...compareRoots].forEach(build);
  const dir = mkdtempSync(join(tmpdir(), "bench-webhooks-"));
  const cleanup = () => {
    killAllServers();
    rmSync(dir, { recursive: true, force: true });
  };
  process.once("SIGINT", () => (cleanup(), process.exit(130)));
  try {
    const delivery = signedOrdersCreate(ROOT);
    const template = migrateTemplate(ROOT, dir);
    const only = args.only?.split(",");
    const diagnostics = args.diagnose ? DIAGNOSTIC_TARGETS.filter((t) => !only || only.includes(t.name)) : [];
    const compared = compareRoots.map((root): Target => ({
      name: `app@${basename(root)}`,
      kind: "app",
      journal: "delete",
      env: { BENCH_APP_ROOT: root },
      description: `the app built from ${root}`,
    }));
    const targets = [APP, BASELINE, ...diagnostics, ...compared];
    const runs: TargetRun[] = [];
    for (const target of targets) {
      console.log(`${target.name}: ${target.description}`);
      runs.push(await measure(target, template, dir, delivery));
    }
    const [app, baseline] = runs as [TargetRun, TargetRun];

    console.log(
      `\n${machine.nproc} × ${machine.cpuModel}, Node ${machine.node}, SQLite ${machine.sqlite}; ` +
        `load average ${loadBefore.toFixed(2)} before, max ${loadMax.toFixed(2)} during\n`,
    );
    console.log(textTable(COMPARISON_HEADER, comparisonRows(app, baseline)));
    if (runs.length > 2) console.log(`\n${textTable(TARGET_HEADER, targetRows(runs))}`);
    for (const run of runs) {
      const v = run.verified;
      console.log(
        `${run.target.name}: ${v.acknowledged} acknowledged, ${v.deliveries} deliveries + ${v.jobs} jobs recorded (${v.queued} still queued), ` +
          `${v.orphans} without a job, ${v.failed} failed — ${v.ok ? "ok" : "MISMATCH"}`,
      );
    }
    const met = app.levels.filter((l) =>
      meetsGoal(
        l,
        baseline.levels.find((b) => b.concurrency === l.concurrency),
      ),
    );
    console.log(
      met.length
        ? `Goal (≥ 500/s, p99 < 100 ms, ≥ 0.5× baseline) met at concurrency ${met.map((l) => l.concurrency).join(", ")}.`
        : "Goal (≥ 500/s, p99 < 100 ms, ≥ 0.5× baseline) not met at any level.",
    );

    if (args.write) {
      const figures = figuresMarkdown(
        {
          date: new Date().toISOString(),
          machine,
          loadBefore,
          loadMax,
          options: { ...options, payloadBytes: delivery.bytes },
        },
        app,
        baseline,
        runs,
      );
      await writeFigures(join(ROOT, "docs/benchmarks.md"), figures);
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
