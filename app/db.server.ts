import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PrismaClient } from "@prisma/client";
import { PrismaPg } from "@prisma/adapter-pg";
import { SerializedSQLiteAdapterFactory } from "./db/serialized-sqlite-adapter.server";
import { isPostgresUrl } from "./db/database-url";
import { env } from "./env.server";

// Prisma 6.19's JS query compiler with a driver adapter: no native Prisma engine at run time
// (docs/decisions/0001-prisma-offline-recipe.md). One schema, two providers
// (docs/decisions/0035-one-schema-two-providers.md): SQLite through better-sqlite3, queries
// serialised around interactive transactions (db/serialized-sqlite-adapter.server.ts); or
// PostgreSQL through @prisma/adapter-pg when DATABASE_URL is postgresql://.
// Only repository modules import this.
declare global {
  var __prisma: PrismaClient | undefined;
}

// Errors say what failed and where in our code, without Prisma's minified runtime source, which its
// default "colorless" format quotes as the call site when the client is bundled (and logs keep).
const ERROR_FORMAT = "minimal";

/**
 * The PostgreSQL client is generated from the derived schema to node_modules/.prisma/client-postgresql
 * (scripts/prisma-schemas.mjs) and loaded only when it is used. Both clients are generated from
 * the same models, so their query API is the same; the SQLite client's type stands for both.
 */
function createPostgresClient(url: string): PrismaClient {
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
    adapter: new PrismaPg({ connectionString: url, max: env.DATABASE_POOL_SIZE }),
    errorFormat: ERROR_FORMAT,
  });
}

function createClient(): PrismaClient {
  if (isPostgresUrl(env.DATABASE_URL)) return createPostgresClient(env.DATABASE_URL);
  return new PrismaClient({
    adapter: new SerializedSQLiteAdapterFactory({ url: env.DATABASE_URL }),
    errorFormat: ERROR_FORMAT,
  });
}

// Reused across Vite HMR reloads in development so connections are not leaked.
export const prisma: PrismaClient = globalThis.__prisma ?? createClient();
if (env.NODE_ENV !== "production") globalThis.__prisma = prisma;
