// Runs before every test file, before the file's imports are evaluated.
// Order matters (../shared/STYLE.md): the network guard goes in before app/shopify.server.ts
// is imported, because @shopify/shopify-api's node adapter captures fetch at import time.
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { afterAll, afterEach, expect, inject } from "vitest";
import { installConsoleGuard, takeUnexpectedConsoleErrors } from "../support/console-guard";
import { installNetworkGuard, takeUnhandledRequests } from "../support/network-guard";
import { TEST_ENV } from "../support/test-env";
import { POSTGRES_TEMPLATE } from "./global-setup";

installNetworkGuard();
installConsoleGuard();

// A real database per test file (and so per worker): a copy of the migrated template, SQLite in
// the "sqlite" project and PostgreSQL in the "postgresql" one (tests/setup/global-setup.ts).
const postgresUrl = inject("postgresUrl");
let databaseUrl: string;
if (postgresUrl) {
  const database = `fd_test_${process.pid}_${Date.now()}`;
  await withPostgres(postgresUrl, (client) =>
    client.query(`CREATE DATABASE ${database} TEMPLATE ${POSTGRES_TEMPLATE}`),
  );
  databaseUrl = postgresUrl.replace(/\/postgres$/, `/${database}`);
  afterAll(async () => {
    await globalThis.__prisma?.$disconnect();
    await withPostgres(postgresUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
  });
} else {
  const dbFile = join(
    inject("sqliteDir"),
    `worker-${process.env.VITEST_POOL_ID ?? "0"}-${process.pid}-${Date.now()}.sqlite`,
  );
  copyFileSync(inject("sqliteTemplate"), dbFile);
  databaseUrl = `file:${dbFile}`;
}

async function withPostgres(url: string, work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

Object.assign(process.env, TEST_ENV, { DATABASE_URL: databaseUrl });

afterEach(() => {
  const refused = takeUnhandledRequests();
  expect(refused, "outbound requests that were refused").toEqual([]);
  expect(takeUnexpectedConsoleErrors(), "console.error the test did not expect (allowConsoleError)").toEqual([]);
});
