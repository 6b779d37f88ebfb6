#!/usr/bin/env node
// `npm run db:check-postgres`: do PostgreSQL's migrations build exactly prisma/schema.prisma?
// - every quoted identifier of the schema's PostgreSQL DDL fits Postgres' 63 bytes (longer names
//   are silently truncated there, and two indexes can collide);
// - on a throwaway cluster, `migrate deploy` applies prisma/postgresql/migrations, and the diff
//   from those migrations to the schema is empty: a schema change without its PostgreSQL
//   migration fails here (docs/decisions/0035-one-schema-two-providers.md).
// Needs PostgreSQL's server binaries; FD_TEST_POSTGRES=skip skips it outside CI, saying so.
import { Buffer } from "node:buffer";
import { spawnSync } from "node:child_process";
import { startCluster } from "./pg-cluster.mjs";
import { POSTGRES_SCHEMA, ROOT, writePostgresSchema } from "./prisma-schemas.mjs";

const MAX_IDENTIFIER = 63;

function prisma(args, databaseUrl) {
  const result = spawnSync(process.execPath, ["scripts/prisma.mjs", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  if (result.status !== 0) throw new Error(`prisma ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

if (process.env.FD_TEST_POSTGRES === "skip") {
  if (process.env.CI === "true") throw new Error("FD_TEST_POSTGRES=skip is for local runs only; CI checks PostgreSQL.");
  console.log("FD_TEST_POSTGRES=skip: PostgreSQL schema check skipped (local run only).");
  process.exit(0);
}

writePostgresSchema();
const cluster = await startCluster();
try {
  const ddl = prisma(
    ["migrate", "diff", "--from-empty", "--to-schema-datamodel", POSTGRES_SCHEMA, "--script"],
    cluster.url,
  );
  const tooLong = [...new Set([...ddl.matchAll(/"([^"]+)"/g)].map((m) => m[1]))].filter(
    (name) => Buffer.byteLength(name) > MAX_IDENTIFIER,
  );
  if (tooLong.length > 0) throw new Error(`Identifiers longer than ${MAX_IDENTIFIER} bytes: ${tooLong.join(", ")}`);

  prisma(["migrate", "deploy"], cluster.url);
  const drift = prisma(
    [
      "migrate",
      "diff",
      "--from-migrations",
      "prisma/postgresql/migrations",
      "--to-schema-datamodel",
      POSTGRES_SCHEMA,
      "--script",
    ],
    cluster.url,
  );
  if (!/^-- This is an empty migration\.\s*$/m.test(drift) && drift.trim()) {
    throw new Error(
      "prisma/schema.prisma has changes that prisma/postgresql/migrations lacks; run `npm run db:new-migration -- <name>`:\n" +
        drift,
    );
  }
  const statements = ddl.split(";").filter((s) => s.trim()).length;
  console.log(
    `PostgreSQL: ${statements} DDL statements, identifiers ≤ ${MAX_IDENTIFIER} bytes; migrations applied to a throwaway cluster and match the schema.`,
  );
} finally {
  cluster.stop();
}
