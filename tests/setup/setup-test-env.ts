// Runs before every test file, before the file's imports are evaluated.
// Order matters (../shared/STYLE.md): the network guard goes in before app/shopify.server.ts
// is imported, because @shopify/shopify-api's node adapter captures fetch at import time.
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, expect } from "vitest";
import { installConsoleGuard, takeUnexpectedConsoleErrors } from "../support/console-guard";
import { installNetworkGuard, takeUnhandledRequests } from "../support/network-guard";
import { TEST_ENV } from "../support/test-env";

installNetworkGuard();
installConsoleGuard();

// A real SQLite file per test file (and so per worker), copied from the migrated template.
const dir = process.env.FD_TEST_DB_DIR;
const template = process.env.FD_TEST_TEMPLATE_DB;
if (!dir || !template) throw new Error("tests/setup/global-setup.ts did not run: use the project's vitest config");
const dbFile = join(dir, `worker-${process.env.VITEST_POOL_ID ?? "0"}-${process.pid}-${Date.now()}.sqlite`);
copyFileSync(template, dbFile);

Object.assign(process.env, TEST_ENV, { DATABASE_URL: `file:${dbFile}` });

afterEach(() => {
  const refused = takeUnhandledRequests();
  expect(refused, "outbound requests that were refused").toEqual([]);
  expect(takeUnexpectedConsoleErrors(), "console.error the test did not expect (allowConsoleError)").toEqual([]);
});
