// Prisma CLI configuration for PostgreSQL (chosen by scripts/prisma.mjs when DATABASE_URL is a
// postgresql:// URL): the JS schema engine talks to the server through @prisma/adapter-pg, over
// the schema derived from prisma/schema.prisma and PostgreSQL's own migrations.
// docs/decisions/0035-one-schema-two-providers.md
import { randomUUID } from "node:crypto";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;
interface Field {
  dataTypeID: number;
}
interface Queryable {
  performIO(...args: unknown[]): Promise<{ fields: Field[] }>;
}

// Catalog types adapter-pg cannot map: "char" (18) and name (19), both short text.
const PG_CATALOG_TEXT = new Set([18, 19]);
const PG_TEXT = 25;
const patched = new WeakSet<object>();

/**
 * Prisma 6.19's schema engine reads catalog columns of types `name` and `"char"` (the `_prisma_migrations`
 * check, introspection), which @prisma/adapter-pg cannot map, so every migrate command fails with
 * "Column type 'name' could not be deserialized" (https://github.com/prisma/orm/issues/27403, open).
 * Both are short text, so the CLI's connections report them as text. Only the CLI
 * uses this; the app never reads catalog columns.
 */
function readNameAsText(adapter: Adapter): Adapter {
  // performIO lives on the shared prototype of the adapter and its transactions.
  let proto: object | null = Object.getPrototypeOf(adapter);
  while (proto && !Object.hasOwn(proto, "performIO")) proto = Object.getPrototypeOf(proto);
  if (!proto || patched.has(proto)) return adapter;
  patched.add(proto);
  const queryable = proto as Queryable;
  const performIO = queryable.performIO;
  queryable.performIO = async function (this: unknown, ...args: unknown[]) {
    const result = await performIO.apply(this, args);
    for (const field of result.fields) if (PG_CATALOG_TEXT.has(field.dataTypeID)) field.dataTypeID = PG_TEXT;
    return result;
  };
  return adapter;
}

/** The URL's parts: see connectToShadowDb below for why not a connection string. */
function poolConfig(connectionString: string) {
  const url = new URL(connectionString);
  return {
    host: decodeURIComponent(url.hostname) || url.searchParams.get("host") || "localhost",
    port: url.port ? Number(url.port) : 5432,
    user: decodeURIComponent(url.username) || undefined,
    password: decodeURIComponent(url.password) || undefined,
    database: decodeURIComponent(url.pathname.slice(1)) || undefined,
  };
}

type PoolConfig = ReturnType<typeof poolConfig>;

class MigratingPrismaPg extends PrismaPg {
  constructor(private readonly pool: PoolConfig) {
    super(pool);
  }

  override async connect() {
    return readNameAsText(await super.connect());
  }

  /**
   * adapter-pg's own shadow database (migrate diff --from-migrations) is made from a config whose
   * `database` a connection string overrides, and is dropped while its pool is still open
   * (6.19.3). Ours: a database of its own, dropped after its pool has ended.
   */
  override async connectToShadowDb() {
    const admin = await super.connect();
    const database = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
    await admin.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = await new PrismaPg({ ...this.pool, database }).connect();
    // The engine replays each migration.sql through executeRaw, which adapter-pg sends as one
    // prepared statement, so a script of several statements fails; scripts go as scripts.
    const executeRaw = shadow.executeRaw.bind(shadow);
    shadow.executeRaw = async (query) =>
      query.args.length === 0 && /;\s*\S/.test(query.sql)
        ? (await shadow.executeScript(query.sql), 0)
        : executeRaw(query);
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await admin.executeScript(`DROP DATABASE "${database}" WITH (FORCE)`);
      await admin.dispose();
    };
    return readNameAsText(shadow);
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("node_modules", ".cache", "prisma-postgresql", "schema.prisma"),
  migrations: { path: path.join("prisma", "postgresql", "migrations") },
  async adapter() {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set");
    return new MigratingPrismaPg(poolConfig(connectionString));
  },
});
