#!/usr/bin/env node
// Authors a new migration offline. `prisma migrate dev` needs a shadow database the JS
// schema engine cannot create here (P1014), so we diff the applied migrations against
// prisma/schema.prisma and write the SQL into a new timestamped folder.
// Usage: npm run db:new-migration -- <name>
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const name = (process.argv[2] ?? "")
  .trim()
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, "_");
if (!name) {
  console.error("usage: npm run db:new-migration -- <name>");
  process.exit(2);
}

const run = spawnSync(
  process.execPath,
  [
    join(ROOT, "scripts", "prisma.mjs"),
    "migrate",
    "diff",
    "--from-migrations",
    "prisma/migrations",
    "--to-schema-datamodel",
    "prisma/schema.prisma",
    "--script",
  ],
  { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
);
if (run.status !== 0) process.exit(run.status ?? 1);
if (/^-- This is an empty migration\.\s*$/m.test(run.stdout) || !run.stdout.trim()) {
  console.log("schema.prisma matches the migrations: nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const dir = join(ROOT, "prisma", "migrations", `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, "migration.sql"), run.stdout);
console.log(`wrote ${join(dir, "migration.sql")}`);
