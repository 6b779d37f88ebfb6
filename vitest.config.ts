import tsconfigPaths from "vite-tsconfig-paths";
import { defineConfig } from "vitest/config";

// Unit, route, property and simulator tests, twice: on SQLite and on PostgreSQL (a cluster the
// global setup starts; docs/decisions/0035-one-schema-two-providers.md). Browser tests live in
// vitest.e2e.config.ts. `--project sqlite` or `--project postgresql` runs one half.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["app/**/*.test.{ts,tsx}", "simulator/**/*.test.ts", "tests/**/*.test.ts", "scripts/**/*.test.ts"],
    exclude: ["tests/e2e/**", "node_modules/**"],
    setupFiles: ["tests/setup/setup-test-env.ts"],
    globalSetup: ["tests/setup/global-setup.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: "sqlite" } },
      // JOB_QUEUE defaults to pg-boss on PostgreSQL (app/env.server.ts), so this half runs the app's jobs
      // on pg-boss, as production does (docs/decisions/0043-postgresql-suite-on-pg-boss.md); the sqlite half
      // runs the embedded runner. JOB_QUEUE=embedded in the shell runs this half on the embedded runner.
      { extends: true, test: { name: "postgresql" } },
    ],
  },
});
