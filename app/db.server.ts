import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PrismaClient } from "@prisma/client";
import { PrismaPg } from "@prisma/adapter-pg";
import Database from "better-sqlite3";
import pg from "pg";
import {
  createProcessLock,
  SerializedSQLiteAdapterFactory,
  type ProcessLock,
} from "./db/serialized-sqlite-adapter.server";
import { isPostgresUrl } from "./db/database-url";
import type { SqlDialect, SqlTransaction } from "./db/sql-transaction";
import { env } from "./env.server";

// Prisma 6.19's JS query compiler with a driver adapter: no native Prisma engine at run time
// (docs/decisions/0001-prisma-offline-recipe.md). One schema, two providers
// (docs/decisions/0035-one-schema-two-providers.md): SQLite through better-sqlite3, queries
// serialised around interactive transactions (db/serialized-sqlite-adapter.server.ts); or
// PostgreSQL through @prisma/adapter-pg when DATABASE_URL is postgresql://.
// Only repository modules import this.
declare global {
  var __prisma: PrismaClient | undefined;
  var __postgresPool: pg.Pool | undefined;
  var __sqliteWriteLock: ProcessLock | undefined;
}

// Errors say what failed and where in our code, without Prisma's minified runtime source, which its
// default "colorless" format quotes as the call site when the client is bundled (and logs keep).
const ERROR_FORMAT = "minimal";

/**
 * The PostgreSQL client is generated from the derived schema to node_modules/.prisma/client-postgresql
 * (scripts/prisma-schemas.mjs) and loaded only when it is used. Both clients are generated from
 * the same models, so their query API is the same; the SQLite client's type stands for both.
 */
function createPostgresClient(pool: pg.Pool): PrismaClient {
  const require = createRequire(import.meta.url);
  const clientDir = join(
    dirname(require.resolve("@prisma/client/package.json")),
    "..",
    "..",
    ".prisma",
    "client-postgresql",
  );
  const { PrismaClient: PostgresClient } = require(clientDir) as { PrismaClient: typeof PrismaClient };
  return new PostgresClient({
    // Prisma's adapter and withSqlTransaction share one pool, so DATABASE_POOL_SIZE is this process's
    // whole budget for app queries. $disconnect ends it (the last step of a graceful shutdown).
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    errorFormat: ERROR_FORMAT,
  });
}

function createPostgresPool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: env.DATABASE_POOL_SIZE });
  // An idle connection the server closes (a restart, a failover, an administrator) is reported as an
  // error event on the pool, and an error event nobody listens to ends the process
  // (https://node-postgres.com/apis/pool#error). Prisma's adapter listens only once it has connected;
  // the pool drops the connection and opens another when one is next needed.
  pool.on("error", (error) =>
    console.warn(JSON.stringify({ event: "database.idle_connection_lost", reason: error.message })),
  );
  return pool;
}

function createClient(): PrismaClient {
  if (postgresPool) return createPostgresClient(postgresPool);
  return new PrismaClient({
    adapter: new SerializedSQLiteAdapterFactory({ url: env.DATABASE_URL }, sqliteWriteLock),
    errorFormat: ERROR_FORMAT,
  });
}

// Reused across Vite HMR reloads in development so connections are not leaked.
const postgresPool: pg.Pool | null = isPostgresUrl(env.DATABASE_URL)
  ? (globalThis.__postgresPool ?? createPostgresPool(env.DATABASE_URL))
  : null;
// SQLite: one writer at a time in this process, whether through Prisma or withSqlTransaction.
const sqliteWriteLock: ProcessLock = globalThis.__sqliteWriteLock ?? createProcessLock();
export const prisma: PrismaClient = globalThis.__prisma ?? createClient();
if (env.NODE_ENV !== "production") {
  globalThis.__prisma = prisma;
  globalThis.__postgresPool = postgresPool ?? undefined;
  globalThis.__sqliteWriteLock = sqliteWriteLock;
}

// The bounds Prisma's interactive transactions have by default (maxWait 2 s for a connection, 5 s to
// run: `transactionOptions` in Prisma 6.19's runtime, documented at
// https://www.prisma.io/docs/orm/prisma-client/queries/transactions#transaction-options), so a
// stalled database fails an inbox write (503, Shopify retries) as it did through Prisma, instead of
// holding it and every delivery queued behind it.
const SQL_TRANSACTION_MAX_WAIT_MS = 2_000;
const SQL_STATEMENT_TIMEOUT_MS = 5_000;

/** A pooled connection within `ms`, or an error; a connection that comes later goes back to the pool. */
function connectWithin(pool: pg.Pool, ms: number): Promise<pg.PoolClient> {
  return new Promise((resolve, reject) => {
    let late = false;
    const timer = setTimeout(() => {
      late = true;
      reject(new Error(`No database connection within ${ms} ms (all ${pool.options.max} in use)`));
    }, ms);
    pool.connect().then(
      (client) => {
        clearTimeout(timer);
        if (late) client.release();
        else resolve(client);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/**
 * Runs `work` in a transaction on the driver, below Prisma (app/db/sql-transaction.ts): committed if
 * it returns, rolled back if it throws.
 */
export function withSqlTransaction<T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T> {
  return postgresPool ? withPostgresTransaction(postgresPool, work) : withSqliteTransaction(work);
}

/** On a connection that fails mid-transaction the connection is dropped from the pool, not reused. */
async function withPostgresTransaction<T>(pool: pg.Pool, work: (tx: SqlTransaction) => Promise<T>): Promise<T> {
  const client = await connectWithin(pool, SQL_TRANSACTION_MAX_WAIT_MS);
  let broken: Error | undefined;
  try {
    // One round trip; the limit holds for this transaction's statements only.
    await client.query(`BEGIN; SET LOCAL statement_timeout = ${SQL_STATEMENT_TIMEOUT_MS}`);
    const result = await work({ dialect: "postgresql", executeSql: (text, values) => client.query(text, values) });
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.release(broken);
  }
}

// SQLite: a connection of its own (better-sqlite3, as Prisma's adapter uses), opened on first use,
// with the adapter's settings. Its statements run synchronously, as the adapter's do.
let sqliteConnection: Database.Database | null = null;
// As @prisma/adapter-better-sqlite3 reads DATABASE_URL: the path after `file:`.
const sqlitePath = env.DATABASE_URL.replace(/^file:/, "");

function openSqliteConnection(): Database.Database {
  // No busy timeout: SQLite's busy handler sleeps on the calling thread, which here is the event
  // loop, so a wait for the worker process's write lock stopped every request of the web process
  // (docs/benchmarks.md). beginSqliteTransaction waits with timers instead.
  const connection = new Database(sqlitePath, { timeout: 0 });
  connection.pragma("journal_mode = WAL");
  connection.pragma("synchronous = FULL");
  // A checkpoint runs inside the COMMIT that takes the log past the threshold, on the committing
  // thread: at the default 1,000 pages, one commit in 25 of the inbox's blocked the web process's
  // event loop for 10–23 ms under load (docs/benchmarks.md). Prisma's connections, the worker's
  // above all, keep the default and checkpoint first; this threshold (about 40 MB) is the backstop
  // for a web process whose worker is not writing (https://www.sqlite.org/wal.html#ckpt).
  connection.pragma("wal_autocheckpoint = 10000");
  return connection;
}

const isSqliteBusy = (error: unknown) => error instanceof Database.SqliteError && error.code.startsWith("SQLITE_BUSY");

/**
 * BEGIN IMMEDIATE: the file's write lock first, so the transaction never fails half-way for want of
 * it (https://www.sqlite.org/lang_transaction.html). While another process holds it, this process's
 * lock is let go and the event loop stays free between tries (1, 2, 4, 8, 10, 10 … ms), for at most
 * the 5 s Prisma's transactions wait; then SQLITE_BUSY, which ingest answers with a 503. Resolves
 * with the release of the process lock, held until the transaction ends.
 */
async function beginSqliteTransaction(connection: Database.Database): Promise<() => void> {
  const deadline = Date.now() + SQL_STATEMENT_TIMEOUT_MS;
  for (let pause = 1; ; pause = Math.min(pause * 2, 10)) {
    const release = await sqliteWriteLock();
    try {
      connection.exec("BEGIN IMMEDIATE");
      return release;
    } catch (error) {
      release();
      if (!isSqliteBusy(error) || Date.now() + pause > deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

async function withSqliteTransaction<T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T> {
  const connection = (sqliteConnection ??= openSqliteConnection());
  const release = await beginSqliteTransaction(connection);
  try {
    const result = await work({
      dialect: "sqlite",
      executeSql: async (text, values = []) => {
        const statement = connection.prepare(text);
        if (statement.reader) return { rows: statement.all(...values) };
        statement.run(...values);
        return { rows: [] };
      },
    });
    connection.exec("COMMIT");
    return result;
  } catch (error) {
    // The work's error is the one to report. A connection that cannot roll back is closed (which rolls
    // back what it can) and not used again.
    if (connection.inTransaction)
      try {
        connection.exec("ROLLBACK");
      } catch {
        sqliteConnection = null;
        connection.close();
      }
    throw error;
  } finally {
    release();
  }
}

/** Which SQL the driver functions below speak (app/db/sql-transaction.ts: sqlParameter). */
export const sqlDialect: SqlDialect = postgresPool ? "postgresql" : "sqlite";

// SQLite: reads on a connection apart from the inbox's, so a read never runs between the statements
// of its open transaction. WAL readers do not wait for writers, so the busy timeout (better-sqlite3's
// 5 s) is for the rare wait on a checkpoint or a recovery.
let sqliteReadConnection: Database.Database | null = null;

/**
 * One read outside any transaction, on the driver below Prisma: the offline-session read of every
 * webhook (app/shopify/session-rows.server.ts). Rows come back as the driver gives them, so the
 * statement should cast what differs between the two (booleans, timestamps, 64-bit integers).
 */
export async function querySql(text: string, values: unknown[] = []): Promise<unknown[]> {
  if (postgresPool) return (await postgresPool.query(text, values)).rows;
  sqliteReadConnection ??= new Database(sqlitePath);
  return sqliteReadConnection.prepare(text).all(...values);
}

/** The last step of a graceful shutdown: every connection (pool) closed, not left to the exit. */
export async function closeDatabase(): Promise<void> {
  await prisma.$disconnect();
  sqliteConnection?.close();
  sqliteConnection = null;
  sqliteReadConnection?.close();
  sqliteReadConnection = null;
}
