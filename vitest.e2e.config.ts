import tsconfigPaths from "vite-tsconfig-paths";
import { defineConfig } from "vitest/config";

// Browser tests: a real Chromium against `tsx scripts/demo.ts` started as a child process
// (tests/support/demo-server.ts). One fork, one at a time: each file owns a server and a browser.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["tests/e2e/**/*.e2e.test.ts"],
    pool: "forks",
    poolOptions: { forks: { singleFork: true } },
    fileParallelism: false,
    // The first request makes Vite transform the app and pre-bundle Polaris: be generous.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
  },
});
