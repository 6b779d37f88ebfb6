// `npm run bench:worklist`: the home screen's loader (loadWorklist) on a 100,000-FO ledger across three
// shops, for every tab × filter, timed in the largest shop. Each database variant runs in its own
// child process (scripts/bench/worklist-run.ts): the current schema, and the current schema plus the
// indexes proposed in scripts/bench/worklist-indexes.ts (added to a scratch copy of schema.prisma and
// turned into SQL by `prisma migrate diff`, exactly as a migration would). Goal: p95 < 150 ms.
//
//   --iterations N      timed loads per combination (default 20, after 2 warm-ups)
//   --variants LIST     current,proposed (default both)
//   --keep              keep the temp directory (the seeded SQLite files) and print its path
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";
import Database from "better-sqlite3";
import { migrateTemplate } from "./bench/database";
import { describeMachine, load1 } from "./bench/machine";
import { PROPOSED_INDEXES, type ProposedIndex } from "./bench/worklist-indexes";
import type { ComboResult } from "./bench/worklist-run";
import { WORKLIST_BENCH_SHOPS, seedWorklistLedger } from "./bench/worklist-seed";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TSX_CLI = join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const GOAL_P95_MS = 150;

const { values: args } = parseArgs({
  options: {
    iterations: { type: "string", default: "20" },
    variants: { type: "string", default: "current,proposed" },
    keep: { type: "boolean", default: false },
  },
});

/** schema.prisma with the proposed @@index lines added to their models. */
function scratchSchema(indexes: readonly ProposedIndex[]): string {
  let schema = readFileSync(join(ROOT, "prisma", "schema.prisma"), "utf8");
  for (const index of indexes) {
    const start = schema.indexOf(`model ${index.model} {`);
    if (start < 0) throw new Error(`schema.prisma has no model ${index.model}`);
    const end = schema.indexOf("\n}", start);
    schema = `${schema.slice(0, end)}\n  ${index.line}${schema.slice(end)}`;
  }
  return schema;
}

/** The SQL a migration adding the proposed indexes would run. */
function migrationSql(dir: string, indexes: readonly ProposedIndex[]): string {
  const file = join(dir, "scratch.prisma");
  writeFileSync(file, scratchSchema(indexes));
  const result = spawnSync(
    process.execPath,
    [
      "scripts/prisma.mjs",
      "migrate",
      "diff",
      "--from-schema-datamodel",
      "prisma/schema.prisma",
      "--to-schema-datamodel",
      file,
      "--script",
    ],
    { cwd: ROOT, encoding: "utf8" },
  );
  if (result.status !== 0) throw new Error(`prisma migrate diff failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

function measure(file: string, now: Date): ComboResult[] {
  const result = spawnSync(process.execPath, [TSX_CLI, "scripts/bench/worklist-run.ts"], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: `file:${file}`,
      SHOPIFY_API_KEY: "bench",
      SHOPIFY_API_SECRET: "bench",
      SHOPIFY_APP_URL: "http://localhost:3000",
      WORKLIST_BENCH_ITERATIONS: args.iterations,
      WORKLIST_BENCH_NOW: now.toISOString(),
    },
  });
  if (result.status !== 0) throw new Error(`worklist-run failed:\n${result.stdout}\n${result.stderr}`);
  const line = result.stdout.trim().split("\n").at(-1) ?? "[]";
  return JSON.parse(line) as ComboResult[];
}

const ms = (value: number | undefined) =>
  value === undefined ? "–" : value < 10 ? value.toFixed(1) : value.toFixed(0);

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

async function main() {
  const variants = args.variants.split(",").filter((v) => v === "current" || v === "proposed");
  const dir = mkdtempSync(join(tmpdir(), "fd-bench-worklist-"));
  try {
    const machine = describeMachine();
    const now = new Date();
    const template = migrateTemplate(ROOT, dir);
    const seedStarted = performance.now();
    const prisma = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${template}` }) });
    const seeded = await seedWorklistLedger(prisma, now);
    await prisma.$disconnect();
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    console.log(
      `Seeded ${seeded.toLocaleString("en")} FOs (${WORKLIST_BENCH_SHOPS.map((s) => `${s.shop}: ${s.fulfillmentOrders.toLocaleString("en")}`).join(", ")}) in ${seedSeconds.toFixed(1)} s`,
    );
    console.log(
      `Machine: ${machine.nproc} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}, SQLite ${machine.sqlite}`,
    );
    console.log(
      `Timed: loadWorklist in ${WORKLIST_BENCH_SHOPS[0].shop}, ${args.iterations} loads per combination after 2 warm-ups\n`,
    );

    const results = new Map<string, ComboResult[]>();
    for (const variant of variants) {
      const file = join(dir, `${variant}.sqlite`);
      copyFileSync(template, file);
      if (variant === "proposed") {
        if (PROPOSED_INDEXES.length === 0) continue;
        const sql = migrationSql(dir, PROPOSED_INDEXES);
        console.log(`Proposed indexes (migration SQL):\n${sql.trim()}\n`);
        const db = new Database(file);
        db.exec(sql);
        db.close();
      }
      const started = performance.now();
      const loadBefore = load1();
      results.set(variant, measure(file, now));
      // Other work on the machine inflates every figure: the load average says how much.
      console.log(
        `${variant}: measured in ${((performance.now() - started) / 1000).toFixed(0)} s; 1-min load average ${loadBefore.toFixed(1)} before, ${load1().toFixed(1)} after (${describeMachine().nproc} cores)`,
      );
    }

    const current = results.get("current") ?? [];
    const proposed = results.get("proposed");
    const base = current.length > 0 ? current : (proposed ?? []);
    const header = ["tab", "filter", "count", "rows"];
    for (const variant of results.keys()) header.push(`${variant} p50`, `${variant} p95`);
    header.push("p95 < 150 ms");
    const rows = base.map((combo, index) => {
      const cells = [combo.tab, combo.filter, String(combo.count), String(combo.rows)];
      let last = combo.p95;
      for (const variantResults of results.values()) {
        const r = variantResults[index];
        cells.push(ms(r?.p50), ms(r?.p95));
        last = r?.p95 ?? last;
      }
      cells.push(last < GOAL_P95_MS ? "yes" : "NO");
      return cells;
    });
    console.log(`\n${table(header, rows)}`);
    for (const [variant, variantResults] of results) {
      const worst = variantResults.reduce((a, b) => (b.p95 > a.p95 ? b : a));
      const failing = variantResults.filter((r) => r.p95 >= GOAL_P95_MS).length;
      console.log(
        `${variant}: worst p95 ${ms(worst.p95)} ms (${worst.tab} / ${worst.filter}); ${failing} of ${variantResults.length} combinations at or over ${GOAL_P95_MS} ms`,
      );
    }
    if (args.keep) console.log(`\nKept ${dir}`);
  } finally {
    if (!args.keep) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
