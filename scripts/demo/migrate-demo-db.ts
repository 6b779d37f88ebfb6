// Applies the real migrations to the demo's SQLite file through the offline Prisma recipe
// (scripts/prisma.mjs, docs/decisions/0001-prisma-offline-recipe.md).
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DEMO_DEFAULT_DATABASE_URL } from "./demo-env";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/**
 * The simulated shop is rebuilt in memory on every start, so sessions stored by an earlier
 * run hold access tokens the new simulator never issued. The default demo database is
 * therefore started afresh; a DATABASE_URL chosen by the caller is left alone.
 */
export function resetDefaultDemoDatabase(databaseUrl: string): void {
  if (databaseUrl !== DEMO_DEFAULT_DATABASE_URL) return;
  const file = resolve(ROOT, databaseUrl.slice("file:".length));
  for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
}

export function migrateDemoDatabase(databaseUrl: string): void {
  const result = spawnSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(`prisma migrate deploy failed for ${databaseUrl}:\n${result.stdout}\n${result.stderr}`);
  }
}
