import { PrismaClient } from "@prisma/client";
import { SerializedSQLiteAdapterFactory } from "./db/serialized-sqlite-adapter.server";
import { env } from "./env.server";

// Prisma 6.19's JS query compiler with the better-sqlite3 driver adapter: no native
// Prisma engine at run time (docs/decisions/0001-prisma-offline-recipe.md). Queries are
// serialised around interactive transactions (db/serialized-sqlite-adapter.server.ts).
// Only repository modules import this.
declare global {
  var __prisma: PrismaClient | undefined;
}

function createClient(): PrismaClient {
  return new PrismaClient({ adapter: new SerializedSQLiteAdapterFactory({ url: env.DATABASE_URL }) });
}

// Reused across Vite HMR reloads in development so connections are not leaked.
export const prisma: PrismaClient = globalThis.__prisma ?? createClient();
if (env.NODE_ENV !== "production") globalThis.__prisma = prisma;
