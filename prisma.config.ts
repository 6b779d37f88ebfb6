// Prisma CLI configuration for offline machines: the JS schema engine talks to SQLite
// through the better-sqlite3 driver adapter, so `prisma generate`, `migrate deploy`,
// `migrate status`, `migrate diff` and `db push` never need a downloaded native engine.
// Run the CLI through `node scripts/prisma.mjs` (npm run db:*), which also sets the
// engine placeholders. See docs/decisions/0001-prisma-offline-recipe.md.
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

process.env.DATABASE_URL ??= "file:./prisma/dev.sqlite";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    return new PrismaBetterSQLite3({ url: process.env.DATABASE_URL ?? "file:./prisma/dev.sqlite" });
  },
});
