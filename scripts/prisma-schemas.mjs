// One Prisma schema (prisma/schema.prisma, provider "sqlite") serves both databases. The PostgreSQL
// variant is derived from it, never edited: the provider switched and the client generated to a
// second output, so the app can load either at run time (app/db.server.ts).
// docs/decisions/0035-one-schema-two-providers.md
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const SQLITE_SCHEMA = join(ROOT, "prisma", "schema.prisma");
export const POSTGRES_SCHEMA = join(ROOT, "node_modules", ".cache", "prisma-postgresql", "schema.prisma");
export const POSTGRES_MIGRATIONS = join(ROOT, "prisma", "postgresql", "migrations");
/** Where the PostgreSQL client is generated; app/db.server.ts loads it from here. */
export const POSTGRES_CLIENT = join(ROOT, "node_modules", ".prisma", "client-postgresql");

export const isPostgresUrl = (url) => /^postgres(ql)?:\/\//.test(url ?? "");

/** Writes the PostgreSQL schema derived from prisma/schema.prisma and returns its path. */
export function writePostgresSchema() {
  const source = readFileSync(SQLITE_SCHEMA, "utf8");
  const provider = /provider\s*=\s*"sqlite"/;
  const generator = /(generator client \{[^}]*?)(\n\})/;
  if (!provider.test(source) || !generator.test(source)) {
    throw new Error('prisma/schema.prisma: expected provider "sqlite" and a `generator client` block');
  }
  const derived =
    "// GENERATED from prisma/schema.prisma by scripts/prisma-schemas.mjs: do not edit.\n" +
    source
      .replace(provider, 'provider = "postgresql"')
      .replace(generator, (_, body, end) => `${body}\n  output     = "${POSTGRES_CLIENT}"${end}`);
  mkdirSync(dirname(POSTGRES_SCHEMA), { recursive: true });
  writeFileSync(POSTGRES_SCHEMA, derived);
  return POSTGRES_SCHEMA;
}
