// Diagnosis for `npm run bench:worklist -- --keep`: one loadWorklist on a kept bench database, with
// every SQL statement Prisma ran, its time and SQLite's query plan. Not part of the benchmark.
//   DB=/tmp/fd-bench-worklist-…/current.sqlite WORKLIST_PARAMS='{"tab":"done","tag":"vip"}' \
//     npx tsx scripts/bench/worklist-diagnose.ts
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";
import Database from "better-sqlite3";
import { WORKLIST_BENCH_SHOPS } from "./worklist-seed";

async function main() {
  const file = process.env.DB;
  if (!file) throw new Error("DB=<sqlite file> is required");
  Object.assign(process.env, {
    DATABASE_URL: `file:${file}`,
    SHOPIFY_API_KEY: "bench",
    SHOPIFY_API_SECRET: "bench",
    SHOPIFY_APP_URL: "http://localhost:3000",
  });
  const prisma = new PrismaClient({
    adapter: new PrismaBetterSQLite3({ url: `file:${file}` }),
    log: [{ emit: "event", level: "query" }],
  });
  const statements: { query: string; params: string; duration: number }[] = [];
  prisma.$on("query", (event) =>
    statements.push({ query: event.query, params: event.params, duration: event.duration }),
  );
  // app/db.server.ts reuses a client left on globalThis: this one logs.
  (globalThis as { __prisma?: PrismaClient }).__prisma = prisma;
  const { loadWorklist } = await import("~/fulfillment/worklist/load-worklist.server");
  const { DEFAULT_PARAMS } = await import("~/fulfillment/worklist/params");
  const params = { ...DEFAULT_PARAMS, ...(JSON.parse(process.env.WORKLIST_PARAMS ?? "{}") as object) };
  const shop = WORKLIST_BENCH_SHOPS[0].shop;
  await loadWorklist(shop, params);
  statements.length = 0;
  const started = performance.now();
  await loadWorklist(shop, params);
  console.log(`loadWorklist: ${(performance.now() - started).toFixed(1)} ms`);
  const db = new Database(file, { readonly: true });
  for (const s of statements) {
    console.log(`\n${s.duration} ms  ${s.query}\n  params ${s.params}`);
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${s.query}`).all(...(JSON.parse(s.params) as unknown[])) as {
      detail: string;
    }[];
    for (const row of plan) console.log(`  plan: ${row.detail}`);
  }
  db.close();
  await prisma.$disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
