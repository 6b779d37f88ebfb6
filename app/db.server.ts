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

function createClient(): PrismaClient {
  if (postgresPool) return createPostgresClient(postgresPool);
  return new PrismaClient({
    adapter: new SerializedSQLiteAdapterFactory({ url: env.DATABASE_URL }),
    errorFormat: ERROR_FORMAT,
  });
}

// Reused across Vite HMR reloads in development so connections are not leaked.
const postgresPool: pg.Pool | null = isPostgresUrl(env.DATABASE_URL)
  ? (globalThis.__postgresPool ?? new pg.Pool({ connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_SIZE }))
  : null;
export const prisma: PrismaClient = globalThis.__prisma ?? createClient();
if (env.NODE_ENV !== "production") {
  globalThis.__prisma = prisma;
  globalThis.__postgresPool = postgresPool ?? undefined;
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
  const client = await postgresPool.connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
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
