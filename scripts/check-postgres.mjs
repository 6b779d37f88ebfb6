#!/usr/bin/env node
// `npm run db:check-postgres`: is prisma/schema.prisma still valid on PostgreSQL, where production
// goes at scale? Builds the Postgres DDL of the current schema (prisma migrate diff with the
// provider switched, offline), checks every identifier fits Postgres' 63 bytes (longer names are
// silently truncated there, and two indexes can collide), then applies the DDL to a throwaway
// PostgreSQL cluster (initdb/pg_ctl on PATH) and drops it. Skips the cluster step, saying so,
// when the server binaries are missing.
import { Buffer } from "node:buffer";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const MAX_IDENTIFIER = 63;
const work = mkdtempSync(join(tmpdir(), "fd-pg-check-"));
chmodSync(work, 0o777);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: "utf8", ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed:\n${result.stdout ?? ""}\n${result.stderr ?? ""}`);
  }
  return result.stdout;
}

const has = (binary) => spawnSync("sh", ["-c", `command -v ${binary}`]).status === 0;

try {
  const schema = readFileSync(join(ROOT, "prisma", "schema.prisma"), "utf8").replace(
    /provider\s*=\s*"sqlite"/,
    'provider = "postgresql"',
  );
  const schemaFile = join(work, "schema.prisma");
  writeFileSync(schemaFile, schema);
  const ddl = run(
    process.execPath,
    [
      join(ROOT, "scripts", "prisma.mjs"),
      "migrate",
      "diff",
      "--from-empty",
      "--to-schema-datamodel",
      schemaFile,
      "--script",
    ],
    { cwd: ROOT },
  );
  const ddlFile = join(work, "schema.sql");
  writeFileSync(ddlFile, ddl);
  chmodSync(ddlFile, 0o644);

  const tooLong = [...new Set([...ddl.matchAll(/"([^"]+)"/g)].map((m) => m[1]))].filter(
    (name) => Buffer.byteLength(name) > MAX_IDENTIFIER,
  );
  if (tooLong.length > 0) throw new Error(`Identifiers longer than ${MAX_IDENTIFIER} bytes: ${tooLong.join(", ")}`);
  const statements = ddl.split(";").filter((s) => s.trim()).length;
  console.log(`Postgres DDL: ${statements} statements, every identifier ≤ ${MAX_IDENTIFIER} bytes.`);

  if (!has("initdb") || !has("pg_ctl") || !has("psql")) {
    console.log("PostgreSQL server binaries not found: DDL not applied (install postgresql to check it).");
  } else {
    // initdb refuses to run as root; the cluster runs as "nobody" then.
    const asUser = process.getuid?.() === 0 ? ["runuser", "-u", "nobody", "--"] : [];
    const exec = (args) => run(asUser[0] ?? args[0], asUser.length ? [...asUser.slice(1), ...args] : args.slice(1));
    const data = join(work, "data");
    const socket = work;
    exec(["initdb", "-D", data, "-A", "trust", "-U", "postgres", "--no-sync"]);
    // -l: the server's output goes to a file, or it would hold this script's pipes open.
    const log = join(work, "server.log");
    exec(["pg_ctl", "-D", data, "-l", log, "-o", `-k ${socket} -c listen_addresses='' -p 54329 -F`, "-w", "start"]);
    try {
      exec(["psql", "-h", socket, "-p", "54329", "-U", "postgres", "-v", "ON_ERROR_STOP=1", "-q", "-f", ddlFile]);
      const tables = exec([
        "psql",
        "-h",
        socket,
        "-p",
        "54329",
        "-U",
        "postgres",
        "-At",
        "-c",
        "select count(*) from information_schema.tables where table_schema = 'public'",
      ]).trim();
      console.log(`Applied to a throwaway PostgreSQL cluster: ${tables} tables created.`);
    } finally {
      exec(["pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"]);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
