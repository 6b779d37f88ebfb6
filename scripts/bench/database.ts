// The benchmark's databases: SQLite files, or databases on a throwaway PostgreSQL cluster. Either
// way a template is migrated once with the project's migrations (the offline Prisma recipe,
// scripts/prisma.mjs), given the bench shop's offline session, and copied per target so every
// target starts from the same empty inbox.
import { spawnSync } from "node:child_process";
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { startDurableCluster, withPgClient } from "./postgres";
import { BENCH_SHOP } from "./webhook-fixture";

export type DatabaseKind = "sqlite" | "postgres";
export type JournalMode = "delete" | "wal";

export interface BenchDatabases {
  kind: DatabaseKind;
  /** A fresh copy of the template for one target; returns its DATABASE_URL. */
  fresh(name: string, journal: JournalMode): Promise<string>;
  /**
   * The WebhookDelivery rows: the app's own table. Their jobs are counted through the JobQueue
   * interface instead (scripts/bench/job-counts.ts), wherever the queue keeps them.
   */
  countDeliveries(url: string): Promise<number>;
  /** For the figures: which server, which version, how durable. */
  describe(): Promise<string>;
  stop(): void;
}

function migrate(root: string, url: string): void {
  const result = spawnSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`prisma migrate deploy failed:\n${result.stdout}\n${result.stderr}`);
}

export function migrateTemplate(root: string, dir: string): string {
  const file = join(dir, "template.sqlite");
  migrate(root, `file:${file}`);
  return file;
}

// The offline session ingest looks up; without it a delivery is acknowledged but not recorded. The
// columns PrismaSessionStorage writes for an offline session (prisma/schema.prisma, model Session).
const SESSION = {
  id: `offline_${BENCH_SHOP}`,
  shop: BENCH_SHOP,
  accessToken: "shpat_bench_not_a_real_token",
  scope: "read_orders,write_orders",
};

const COUNT_DELIVERIES = `SELECT COUNT(*) AS n FROM "WebhookDelivery"`;

function sqliteDatabases(root: string, dir: string): BenchDatabases {
  const template = migrateTemplate(root, dir);
  const db = new Database(template);
  db.prepare(
    `INSERT INTO "Session" (id, shop, state, "isOnline", scope, "accessToken") VALUES (?, ?, '', 0, ?, ?)`,
  ).run(SESSION.id, SESSION.shop, SESSION.scope, SESSION.accessToken);
  db.close();
  return {
    kind: "sqlite",
    async fresh(name, journal) {
      const file = join(dir, `${name}.sqlite`);
      copyFileSync(template, file);
      // WAL is stored in the file, so a server opening it with default settings runs in that mode.
      const copy = new Database(file);
      copy.pragma(`journal_mode = ${journal}`);
      copy.close();
      return `file:${file}`;
    },
    async countDeliveries(url) {
      const counted = new Database(url.replace(/^file:/, ""), { readonly: true });
      try {
        return (counted.prepare(COUNT_DELIVERIES).get() as { n: number }).n;
      } finally {
        counted.close();
      }
    },
    describe: async () => `SQLite ${sqliteVersion()} (WAL, synchronous=FULL)`,
    stop() {},
  };
}

const TEMPLATE_DATABASE = "bench_template";

async function postgresDatabases(root: string): Promise<BenchDatabases> {
  const cluster = await startDurableCluster();
  try {
    await withPgClient(cluster.url, (admin) => admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`));
    migrate(root, cluster.urlFor(TEMPLATE_DATABASE));
    await withPgClient(cluster.urlFor(TEMPLATE_DATABASE), (client) =>
      client.query(
        `INSERT INTO "Session" (id, shop, state, "isOnline", scope, "accessToken") VALUES ($1, $2, '', false, $3, $4)`,
        [SESSION.id, SESSION.shop, SESSION.scope, SESSION.accessToken],
      ),
    );
  } catch (error) {
    cluster.stop();
    throw error;
  }
  return {
    kind: "postgres",
    async fresh(name) {
      // Journal modes are SQLite's; a PostgreSQL target differs only in its database.
      const database = `bench_${name.replace(/[^a-z0-9]/gi, "_").toLowerCase()}`;
      await withPgClient(cluster.url, (admin) =>
        admin.query(`CREATE DATABASE ${database} TEMPLATE ${TEMPLATE_DATABASE}`),
      );
      return cluster.urlFor(database);
    },
    countDeliveries: (url) =>
      withPgClient(url, async (client) => Number((await client.query<{ n: string }>(COUNT_DELIVERIES)).rows[0]!.n)),
    describe: () =>
      withPgClient(cluster.url, async (client) => {
        const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
        return `PostgreSQL ${rows[0]!.server_version} (fsync=on, synchronous_commit=on)`;
      }),
    stop: () => cluster.stop(),
  };
}

export async function benchDatabases(kind: DatabaseKind, root: string, dir: string): Promise<BenchDatabases> {
  return kind === "postgres" ? postgresDatabases(root) : sqliteDatabases(root, dir);
}

export function sqliteVersion(): string {
  const db = new Database(":memory:");
  try {
    return (db.prepare("SELECT sqlite_version() AS v").get() as { v: string }).v;
  } finally {
    db.close();
  }
}
