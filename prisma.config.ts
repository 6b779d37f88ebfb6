// Prisma CLI configuration for offline machines: the JS schema engine talks to SQLite
// through the better-sqlite3 driver adapter, so `prisma generate`, `migrate deploy`,
// `migrate status`, `migrate diff` and `db push` never need a downloaded native engine.
// Run the CLI through `node scripts/prisma.mjs` (npm run db:*), which also sets the
// engine placeholders. See docs/decisions/0001-prisma-offline-recipe.md.
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

process.env.DATABASE_URL ??= "file:./prisma/dev.sqlite";

type ShadowAdapter = Awaited<ReturnType<PrismaBetterSQLite3["connectToShadowDb"]>>;

/**
 * `migrate diff --from-migrations` replays each migration.sql into the shadow database with
 * executeRaw, which better-sqlite3 runs as a single prepared statement and so rejects a script
 * of several statements (Prisma 6.19.3). Scripts go through executeScript instead.
 */
function multiStatementShadow(adapter: ShadowAdapter): ShadowAdapter {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    if (query.args.length === 0 && /;\s*\S/.test(query.sql)) {
      await adapter.executeScript(query.sql);
      return 0;
    }
    return executeRaw(query);
  };
  return adapter;
}

class OfflineSQLiteAdapterFactory extends PrismaBetterSQLite3 {
  override async connectToShadowDb() {
    return multiStatementShadow(await super.connectToShadowDb());
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    return new OfflineSQLiteAdapterFactory({ url: process.env.DATABASE_URL ?? "file:./prisma/dev.sqlite" });
  },
});
