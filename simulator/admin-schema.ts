// Shopify's real Admin GraphQL schema, built from the introspection JSON that
// `npm run schema:fetch` caches (see scripts/fetch-admin-schema.mjs and
// docs/decisions/0002-simulator-on-the-real-schema.md).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from "graphql";

export const SUPPORTED_SCHEMA_VERSIONS = ["2026-10", "2026-07"] as const;
export type SchemaVersion = (typeof SUPPORTED_SCHEMA_VERSIONS)[number];

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SCHEMA_CACHE_DIR = join(ROOT, "node_modules", ".cache", "shopify-admin-schema");

const schemas = new Map<SchemaVersion, GraphQLSchema>();

function adminSchemaPath(version: SchemaVersion, kind: "json" | "graphql" = "json"): string {
  return join(SCHEMA_CACHE_DIR, `admin-${version}.${kind}`);
}

/** Loads (once per process) Shopify's Admin schema for `version`. */
export function loadAdminSchema(version: SchemaVersion = "2026-10"): GraphQLSchema {
  const hit = schemas.get(version);
  if (hit) return hit;
  const file = adminSchemaPath(version);
  if (!existsSync(file)) {
    throw new Error(`Shopify Admin schema ${version} is missing at ${file}. Run \`npm run schema:fetch\`.`);
  }
  const parsed = JSON.parse(readFileSync(file, "utf8")) as { data?: IntrospectionQuery } & IntrospectionQuery;
  const schema = buildClientSchema(parsed.data ?? parsed);
  schemas.set(version, schema);
  return schema;
}
