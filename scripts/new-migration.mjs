#!/usr/bin/env node
// Authors a new migration offline, for both databases. `prisma migrate dev` needs a shadow
// database the JS schema engine cannot create here (P1014), so we diff each provider's applied
// migrations against prisma/schema.prisma and write the SQL into a new timestamped folder:
// prisma/migrations/ (SQLite) and prisma/postgresql/migrations/ (PostgreSQL, diffed on a
// throwaway cluster). docs/decisions/0035-one-schema-two-providers.md
// Usage: npm run db:new-migration -- <name>
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startCluster } from "./pg-cluster.mjs";
import { POSTGRES_MIGRATIONS, POSTGRES_SCHEMA, ROOT, writePostgresSchema } from "./prisma-schemas.mjs";

const name = (process.argv[2] ?? "")
  .trim()
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, "_");
if (!name) {
  console.error("usage: npm run db:new-migration -- <name>");
  process.exit(2);
}

function diff(migrations, schema, databaseUrl) {
  const run = spawnSync(
    process.execPath,
    [
      join(ROOT, "scripts", "prisma.mjs"),
      "migrate",
      "diff",
      "--from-migrations",
      migrations,
      "--to-schema-datamodel",
      schema,
      "--script",
    ],
    {
      cwd: ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, DATABASE_URL: databaseUrl },
    },
  );
  if (run.status !== 0) process.exit(run.status ?? 1);
  return /^-- This is an empty migration\.\s*$/m.test(run.stdout) || !run.stdout.trim() ? null : run.stdout;
}

const sqlite = diff("prisma/migrations", "prisma/schema.prisma", "file:./prisma/dev.sqlite");
writePostgresSchema();
const cluster = await startCluster();
let postgres;
try {
  postgres = diff(POSTGRES_MIGRATIONS, POSTGRES_SCHEMA, cluster.url);
} finally {
  cluster.stop();
}

const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
for (const [root, sql] of [
  [join(ROOT, "prisma", "migrations"), sqlite],
  [POSTGRES_MIGRATIONS, postgres],
]) {
  if (!sql) {
    console.log(`${root}: matches schema.prisma, nothing to write.`);
    continue;
  }
  const dir = join(root, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "migration.sql"), sql);
  console.log(`wrote ${join(dir, "migration.sql")}`);
}
