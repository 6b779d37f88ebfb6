// Builds one migrated SQLite template with the real migrations (offline Prisma recipe);
// each test file then copies it into a database file of its own (setup-test-env.ts).
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";

export const TEST_DB_DIR = resolve("node_modules/.cache/test-db");
export const TEMPLATE_DB = join(TEST_DB_DIR, "template.sqlite");

export default function setup() {
  rmSync(TEST_DB_DIR, { recursive: true, force: true });
  mkdirSync(TEST_DB_DIR, { recursive: true });
  execFileSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${TEMPLATE_DB}` },
    stdio: ["ignore", "ignore", "inherit"],
  });
  process.env.FD_TEST_TEMPLATE_DB = TEMPLATE_DB;
}
