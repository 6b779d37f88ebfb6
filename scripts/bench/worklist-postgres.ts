// PostgreSQL for `npm run bench:worklist -- --db postgres`: a throwaway cluster (scripts/pg-cluster.mjs)
// with one database migrated by the project's PostgreSQL migrations (scripts/prisma.mjs migrate
// deploy, as tests/setup/global-setup.ts does), and a seed sink that inserts each chunk in one
// statement: INSERT … SELECT FROM unnest($1::text[], $2::timestamp[], …), one array per column.
import { spawnSync } from "node:child_process";
import pg from "pg";
import type { LedgerSink } from "./worklist-seed";
import { startCluster } from "../pg-cluster.mjs";

const DATABASE = "fd_bench_worklist";

export interface BenchPostgres {
  url: string;
  client: pg.Client;
  stop(): Promise<void>;
}

export async function startBenchPostgres(root: string): Promise<BenchPostgres> {
  // A production-like memory budget for one bench database on this machine; the rest is pg's default.
  const cluster = await startCluster({ settings: { shared_buffers: "512MB", work_mem: "16MB" } });
  try {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${DATABASE}`);
    await admin.end();
    const url = cluster.urlFor(DATABASE);
    const result = spawnSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url },
      encoding: "utf8",
    });
    if (result.status !== 0) throw new Error(`prisma migrate deploy failed:\n${result.stdout}\n${result.stderr}`);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return {
      url,
      client,
      async stop() {
        await client.end().catch(() => undefined);
        cluster.stop();
      },
    };
  } catch (error) {
    cluster.stop();
    throw error;
  }
}

/** Column name → element type for the unnest casts, read from the migrated table. */
async function columnTypes(client: pg.Client, table: string): Promise<Map<string, string>> {
  const { rows } = await client.query<{ column_name: string; udt_name: string }>(
    `SELECT column_name, udt_name FROM information_schema.columns WHERE table_name = $1`,
    [table],
  );
  return new Map(rows.map((row) => [row.column_name, row.udt_name]));
}

const toParam = (value: unknown): unknown =>
  value === undefined || value === null
    ? null
    : value instanceof Date
      ? value.toISOString()
      : typeof value === "object"
        ? JSON.stringify(value)
        : value;

async function insertRows(client: pg.Client, table: string, types: Map<string, string>, rows: object[]) {
  if (rows.length === 0) return;
  // Prisma fills @updatedAt itself (the column has no default): the seed does what createMany would.
  const now = new Date();
  const records = rows.map((row) => ({ updatedAt: now, ...row }) as Record<string, unknown>);
  const columns = [...new Set(records.flatMap((record) => Object.keys(record)))];
  const casts = columns.map((column, i) => {
    const type = types.get(column);
    if (!type) throw new Error(`${table} has no column ${column}`);
    return `$${i + 1}::${type}[]`;
  });
  await client.query(
    `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) SELECT * FROM unnest(${casts.join(", ")})`,
    columns.map((column) => records.map((record) => toParam(record[column]))),
  );
}

export async function postgresSink(client: pg.Client): Promise<LedgerSink> {
  const [orderTypes, foTypes] = await Promise.all([
    columnTypes(client, "Order"),
    columnTypes(client, "FulfillmentOrder"),
  ]);
  return {
    orders: (rows) => insertRows(client, "Order", orderTypes, rows),
    fulfillmentOrders: (rows) => insertRows(client, "FulfillmentOrder", foTypes, rows),
  };
}

/**
 * Drops the seeded tables' plain indexes (those that back no constraint) and returns a function
 * that builds them again from their own definitions: one sorted build per index instead of a
 * million random inserts into each, as a bulk load would do. The index set is the migrations'.
 */
export async function deferIndexes(client: pg.Client, tables: string[]): Promise<() => Promise<void>> {
  const { rows } = await client.query<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes
     WHERE schemaname = 'public' AND tablename = ANY($1)
       AND indexname NOT IN (SELECT conname FROM pg_constraint)`,
    [tables],
  );
  for (const { indexname } of rows) await client.query(`DROP INDEX "${indexname}"`);
  return async () => {
    for (const { indexdef } of rows) await client.query(indexdef);
  };
}

/** What a production database has after autovacuum: planner statistics and a visibility map. */
export async function vacuumAnalyze(client: pg.Client): Promise<void> {
  await client.query(`VACUUM (ANALYZE) "Order", "FulfillmentOrder"`);
}

export async function databaseSize(client: pg.Client): Promise<{ bytes: number; version: string }> {
  const { rows } = await client.query<{ bytes: string; version: string }>(
    `SELECT pg_database_size(current_database()) AS bytes, current_setting('server_version') AS version`,
  );
  return { bytes: Number(rows[0]!.bytes), version: rows[0]!.version };
}
