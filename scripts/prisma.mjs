#!/usr/bin/env node
// Runs the Prisma CLI offline. Prisma's CLI downloads native engines from a host these
// machines cannot reach; with engineType="client" and the JS schema engine
// (prisma.config.ts) it needs none of them, but it still checks for the binaries unless
// these variables point at an existing file. See docs/decisions/0001-prisma-offline-recipe.md.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { isPostgresUrl, writePostgresSchema } from "./prisma-schemas.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const placeholder = join(ROOT, "node_modules", ".cache", "prisma-offline", "engine-placeholder");
if (!existsSync(placeholder)) {
  mkdirSync(dirname(placeholder), { recursive: true });
  writeFileSync(placeholder, "placeholder: the JS engine needs no native binary\n");
}

export const prismaEnv = {
  ...process.env,
  DATABASE_URL: process.env.DATABASE_URL ?? "file:./prisma/dev.sqlite",
  PRISMA_SCHEMA_ENGINE_BINARY: placeholder,
  PRISMA_QUERY_ENGINE_LIBRARY: placeholder,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};

const prisma = (args, extraEnv = {}) =>
  spawnSync(join(ROOT, "node_modules", ".bin", "prisma"), args, {
    cwd: ROOT,
    env: { ...prismaEnv, ...extraEnv },
    stdio: "inherit",
  }).status ?? 1;

// One schema, two providers (docs/decisions/0035-one-schema-two-providers.md): `generate` makes
// both clients; any other command goes to PostgreSQL's config when DATABASE_URL is postgresql://.
const POSTGRES_CONFIG = ["--config", "prisma.postgresql.config.ts"];
const args = process.argv.slice(2);
let status;
if (args[0] === "generate") {
  status = prisma(args);
  writePostgresSchema();
  // The PostgreSQL config wants a URL even to generate; nothing connects.
  if (status === 0)
    status = prisma([...args, ...POSTGRES_CONFIG], { DATABASE_URL: "postgresql://generate@localhost/generate" });
} else if (isPostgresUrl(prismaEnv.DATABASE_URL) && !args.includes("--config")) {
  writePostgresSchema();
  status = prisma([...args, ...POSTGRES_CONFIG]);
} else {
  status = prisma(args);
}
process.exit(status);
