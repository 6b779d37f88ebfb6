// `npm run bench:stale-orders`: one cancellation run over 1,000 stale orders on a Standard-plan
// cost bucket (2,000 points, 100/s), simulator and client on one fake clock. Runs
// app/stale-orders/release-throughput.test.ts with STALE_BENCH_ORDERS and prints its figures.
//
//   --orders N   stale orders in the run (default 1000)
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { orders: { type: "string", default: "1000" } } });
const dir = mkdtempSync(join(tmpdir(), "bench-stale-orders-"));
const out = join(dir, "figures.json");
try {
  const result = spawnSync(
    process.execPath,
    ["node_modules/vitest/vitest.mjs", "run", "app/stale-orders/release-throughput.test.ts"],
    {
      env: { ...process.env, STALE_BENCH_ORDERS: values.orders, STALE_BENCH_OUT: out },
      stdio: ["ignore", "pipe", "inherit"],
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const figures = JSON.parse(readFileSync(out, "utf8")) as Record<string, number>;
  console.table(figures);
  const pass = result.status === 0;
  if (!pass) console.log(result.stdout.split("\n").slice(-60).join("\n"));
  console.log(pass ? "PASS: within 1.2× the restore-rate bound, zero failed calls" : "FAIL: see the test output above");
  process.exitCode = pass ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
