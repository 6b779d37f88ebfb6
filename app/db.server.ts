import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PrismaClient } from "@prisma/client";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { SerializedSQLiteAdapterFactory } from "./db/serialized-sqlite-adapter.server";
import { isPostgresUrl } from "./db/database-url";
import type { SqlTransaction } from "./db/sql-transaction";
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
    adapter: new SerializedSQLiteAdapterFactory({ url: env.DATABASE_URL }),
    errorFormat: ERROR_FORMAT,
  });
}

// Reused across Vite HMR reloads in development so connections are not leaked.
const postgresPool: pg.Pool | null = isPostgresUrl(env.DATABASE_URL)
  ? (globalThis.__postgresPool ?? createPostgresPool(env.DATABASE_URL))
  : null;
export const prisma: PrismaClient = globalThis.__prisma ?? createClient();
if (env.NODE_ENV !== "production") {
  globalThis.__prisma = prisma;
  globalThis.__postgresPool = postgresPool ?? undefined;
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

/** Whether withSqlTransaction can run here: on PostgreSQL. */
export const sqlTransactions: boolean = postgresPool !== null;

/**
 * Runs `work` in a transaction on the driver, below Prisma (PostgreSQL only; see
 * app/db/sql-transaction.ts): committed if it returns, rolled back if it throws. On a connection
 * that fails mid-transaction the connection is dropped from the pool, not handed to the next caller.
 */
export async function withSqlTransaction<T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T> {
  if (!postgresPool) throw new Error("withSqlTransaction needs PostgreSQL (DATABASE_URL=postgresql://…)");
  const client = await connectWithin(postgresPool, SQL_TRANSACTION_MAX_WAIT_MS);
  let broken: Error | undefined;
  try {
    // One round trip; the limit holds for this transaction's statements only.
    await client.query(`BEGIN; SET LOCAL statement_timeout = ${SQL_STATEMENT_TIMEOUT_MS}`);
    const result = await work({ executeSql: (text, values) => client.query(text, values) });
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.release(broken);
  }
}
