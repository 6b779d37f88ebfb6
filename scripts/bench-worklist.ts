// `npm run bench:worklist` (alias `bench:queue`, issue 12's name): the home screen's loader
// (loadWorklist) on a ledger of N FOs across three shops (60 / 25 / 15 %), for every tab × filter,
// timed in the largest shop, on SQLite or PostgreSQL. Each database variant runs in its own child
// process (scripts/bench/worklist-run.ts) with the app's own Prisma client for that DATABASE_URL:
// the current schema, and the current schema plus the indexes proposed in
// scripts/bench/worklist-indexes.ts (added to a scratch copy of schema.prisma and turned into SQL
// by `prisma migrate diff`, exactly as a migration would). Goal: p95 < 150 ms.
//
//   --db sqlite|postgres  the database (default sqlite); postgres starts a throwaway cluster
//                         (scripts/pg-cluster.mjs) and stops it at the end
//   --fos N               FOs in the ledger (default 100,000)
//   --iterations N        timed loads per combination (default 20, after 2 warm-ups)
//   --variants LIST       current,proposed (default both)
//   --keep                SQLite: keep the temp directory (the seeded files) and print its path;
//                         postgres: keep the cluster running (print its URL) until SIGINT/SIGTERM
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
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
import {
  type BenchPostgres,
  databaseSize,
  deferIndexes,
  postgresSink,
  startBenchPostgres,
  vacuumAnalyze,
} from "./bench/worklist-postgres";
import type { ComboResult } from "./bench/worklist-run";
import { DEFAULT_BENCH_FOS, benchShopSizes, prismaSink, seedWorklistLedger } from "./bench/worklist-seed";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TSX_CLI = join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const GOAL_P95_MS = 150;

const { values: args } = parseArgs({
  options: {
    db: { type: "string", default: "sqlite" },
    fos: { type: "string", default: String(DEFAULT_BENCH_FOS) },
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

/**
 * The SQL a migration adding the proposed indexes would run, in the bench database's dialect: the
 * schema and the scratch copy diffed with the provider that database's migrations are authored
 * with (scripts/new-migration.mjs does the same per provider).
 */
function migrationSql(dir: string, indexes: readonly ProposedIndex[], databaseUrl: string): string {
  const postgres = /^postgres(ql)?:\/\//.test(databaseUrl);
  const forDb = (schema: string) =>
    postgres ? schema.replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"') : schema;
  const from = join(dir, "from.prisma");
  const to = join(dir, "scratch.prisma");
  writeFileSync(from, forDb(readFileSync(join(ROOT, "prisma", "schema.prisma"), "utf8")));
  writeFileSync(to, forDb(scratchSchema(indexes)));
  const result = spawnSync(
    process.execPath,
    ["scripts/prisma.mjs", "migrate", "diff", "--from-schema-datamodel", from, "--to-schema-datamodel", to, "--script"],
    // scripts/prisma.mjs picks the CLI config by the URL's scheme (PostgreSQL's connects even to diff).
    { cwd: ROOT, encoding: "utf8", env: { ...process.env, DATABASE_URL: databaseUrl } },
  );
  if (result.status !== 0) throw new Error(`prisma migrate diff failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

function measure(databaseUrl: string, now: Date): ComboResult[] {
  const result = spawnSync(process.execPath, [TSX_CLI, "scripts/bench/worklist-run.ts"], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
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

/** The database under test: seeded once, then each variant measured on it. */
interface Bench {
  /** Seeds the ledger; returns what to print about the database. */
  seed(now: Date, fos: number): Promise<number>;
  describe(): Promise<string>;
  /** Where to connect to look at it by hand (--keep). */
  describeUrl(): Promise<string>;
  /** The DATABASE_URL of a variant's database, with the variant's extra SQL applied. */
  variant(name: string, sql: string | null): Promise<string>;
  close(): Promise<void>;
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

function sqliteBench(dir: string): Bench {
  const template = migrateTemplate(ROOT, dir);
  return {
    async seed(now, fos) {
      const prisma = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${template}` }) });
      try {
        return await seedWorklistLedger(prismaSink(prisma), now, fos);
      } finally {
        await prisma.$disconnect();
      }
    },
    async describe() {
      return `SQLite ${describeMachine().sqlite}, database file ${mib(statSync(template).size)}`;
    },
    describeUrl: async () => `file:${template}`,
    async variant(name, sql) {
      // A copy per variant, so the proposed indexes never touch the current schema's file.
      const file = join(dir, `${name}.sqlite`);
      copyFileSync(template, file);
      if (sql) {
        const db = new Database(file);
        db.exec(sql);
        db.close();
      }
      return `file:${file}`;
    },
    async close() {},
  };
}

async function postgresBench(): Promise<Bench> {
  const pg: BenchPostgres = await startBenchPostgres(ROOT);
  return {
    async seed(now, fos) {
      const rebuildIndexes = await deferIndexes(pg.client, ["Order", "FulfillmentOrder"]);
      const seeded = await seedWorklistLedger(await postgresSink(pg.client), now, fos);
      await rebuildIndexes();
      await vacuumAnalyze(pg.client);
      return seeded;
    },
    async describe() {
      const { bytes, version } = await databaseSize(pg.client);
      return `PostgreSQL ${version}, database ${mib(bytes)}`;
    },
    describeUrl: async () => pg.url,
    async variant(_name, sql) {
      // One database, measured as is, then with the proposed indexes added (a million-row copy per
      // variant would cost more than the indexes).
      if (sql) {
        await pg.client.query(sql);
        await vacuumAnalyze(pg.client);
      }
      return pg.url;
    },
    close: () => pg.stop(),
  };
}

async function main() {
  const variants = args.variants.split(",").filter((v) => v === "current" || v === "proposed");
  if (args.db !== "sqlite" && args.db !== "postgres")
    throw new Error(`--db must be sqlite or postgres, not ${args.db}`);
  const fos = Number(args.fos);
  if (!Number.isInteger(fos) || fos < 1_000) throw new Error(`--fos must be a whole number of at least 1000`);
  const dir = mkdtempSync(join(tmpdir(), "fd-bench-worklist-"));
  let bench: Bench | null = null;
  try {
    const machine = describeMachine();
    const now = new Date();
    bench = args.db === "postgres" ? await postgresBench() : sqliteBench(dir);
    const seedStarted = performance.now();
    const loadBeforeSeed = load1();
    const seeded = await bench.seed(now, fos);
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    console.log(
      `Seeded ${seeded.toLocaleString("en")} FOs (${benchShopSizes(fos)
        .map((s) => `${s.shop}: ${s.fulfillmentOrders.toLocaleString("en")}`)
        .join(", ")}) in ${seedSeconds.toFixed(1)} s (1-min load average ${loadBeforeSeed.toFixed(1)} before)`,
    );
    console.log(`Database: ${await bench.describe()}`);
    console.log(`Machine: ${machine.nproc} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}`);
    console.log(
      `Timed: loadWorklist in ${benchShopSizes(fos)[0]!.shop}, ${args.iterations} loads per combination after 2 warm-ups\n`,
    );

    const results = new Map<string, ComboResult[]>();
    for (const variant of variants) {
      let sql: string | null = null;
      if (variant === "proposed") {
        if (PROPOSED_INDEXES.length === 0) continue;
        sql = migrationSql(dir, PROPOSED_INDEXES, await bench.describeUrl());
        console.log(`Proposed indexes (migration SQL):\n${sql.trim()}\n`);
      }
      const databaseUrl = await bench.variant(variant, sql);
      const started = performance.now();
      const loadBefore = load1();
      results.set(variant, measure(databaseUrl, now));
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
    if (args.keep && args.db === "postgres") {
      console.log(`Kept the cluster: ${await bench.describeUrl()}; SIGINT or SIGTERM stops it`);
      await new Promise<void>((resolve) => {
        process.once("SIGINT", resolve);
        process.once("SIGTERM", resolve);
      });
    }
  } finally {
    await bench?.close();
    if (!args.keep) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
