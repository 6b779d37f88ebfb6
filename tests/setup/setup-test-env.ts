// Runs before every test file, before the file's imports are evaluated.
// Order matters (../shared/STYLE.md): the network guard goes in before app/shopify.server.ts
// is imported, because @shopify/shopify-api's node adapter captures fetch at import time.
import { copyFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterEach, expect } from "vitest";
import { installNetworkGuard, takeUnhandledRequests } from "../support/network-guard";
import { TEST_ENV } from "../support/test-env";

installNetworkGuard();

// A real SQLite file per test file (and so per worker), copied from the migrated template.
const template = process.env.FD_TEST_TEMPLATE_DB ?? resolve("node_modules/.cache/test-db/template.sqlite");
const dbFile = join(
  resolve("node_modules/.cache/test-db"),
  `worker-${process.env.VITEST_POOL_ID ?? "0"}-${process.pid}-${Date.now()}.sqlite`,
);
copyFileSync(template, dbFile);

Object.assign(process.env, TEST_ENV, { DATABASE_URL: `file:${dbFile}` });

afterEach(() => {
  const refused = takeUnhandledRequests();
  expect(refused, "outbound requests that were refused").toEqual([]);
});
