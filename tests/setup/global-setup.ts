// Builds the migrated templates the test files copy (setup-test-env.ts): a SQLite file, and, for
// the "postgresql" project, a PostgreSQL cluster of its own with a template database. Both are
// made with the real migrations (offline Prisma recipe, docs/decisions/0035).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { hasPostgresServer, startCluster } from "../../scripts/pg-cluster.mjs";

const TEST_DB_ROOT = resolve("node_modules/.cache/test-db");
export const POSTGRES_TEMPLATE = "fd_template";

function migrate(databaseUrl: string) {
  execFileSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/**
 * `FD_TEST_POSTGRES=skip` leaves PostgreSQL out, for a quick local run on a machine without its
 * server binaries; CI (CI=true) refuses it, so the PostgreSQL half never skips silently there.
 */
export function postgresSkipped(): boolean {
  if (process.env.FD_TEST_POSTGRES !== "skip") return false;
  if (process.env.CI === "true") throw new Error("FD_TEST_POSTGRES=skip is for local runs only; CI runs PostgreSQL.");
  return true;
}

async function setupPostgres(): Promise<{ url: string; stop: () => void }> {
  if (!hasPostgresServer()) {
    throw new Error(
      "The PostgreSQL half of the suite needs PostgreSQL's server binaries (initdb, pg_ctl) on PATH: " +
        "install postgresql (apt-get install postgresql), or set FD_TEST_POSTGRES=skip for a local-only run.",
    );
  }
  const cluster = await startCluster();
  try {
    const { default: pg } = await import("pg");
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${POSTGRES_TEMPLATE}`);
    await admin.end();
    migrate(cluster.urlFor(POSTGRES_TEMPLATE));
  } catch (error) {
    cluster.stop();
    throw error;
  }
  return { url: cluster.url, stop: () => cluster.stop() };
}

declare module "vitest" {
  export interface ProvidedContext {
    /** This run's directory for SQLite files and the migrated template in it. */
    sqliteDir: string;
    sqliteTemplate: string;
    /** The "postgresql" project's cluster (superuser URL), with database fd_template migrated; else null. */
    postgresUrl: string | null;
  }
}

// Runs once per vitest project ("sqlite", "postgresql"); each gets its own directory and values
// through provide/inject, so neither can remove the other's databases.
export default async function setup(project: TestProject) {
  mkdirSync(TEST_DB_ROOT, { recursive: true });
  const dir = mkdtempSync(join(TEST_DB_ROOT, "run-"));
  const template = join(dir, "template.sqlite");
  migrate(`file:${template}`);
  const postgres = project.name === "postgresql" && !postgresSkipped() ? await setupPostgres() : null;
  project.provide("sqliteDir", dir);
  project.provide("sqliteTemplate", template);
  project.provide("postgresUrl", postgres?.url ?? null);
  return () => {
    postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
