// Builds one migrated SQLite template with the real migrations (offline Prisma recipe);
// each test file then copies it into a database file of its own (setup-test-env.ts).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";

const TEST_DB_ROOT = resolve("node_modules/.cache/test-db");

// A directory per vitest run, so concurrent runs never delete each other's databases.
export default function setup() {
  mkdirSync(TEST_DB_ROOT, { recursive: true });
  const dir = mkdtempSync(join(TEST_DB_ROOT, "run-"));
  const template = join(dir, "template.sqlite");
  execFileSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${template}` },
    stdio: ["ignore", "ignore", "inherit"],
  });
  process.env.FD_TEST_DB_DIR = dir;
  process.env.FD_TEST_TEMPLATE_DB = template;
  return () => rmSync(dir, { recursive: true, force: true });
}
