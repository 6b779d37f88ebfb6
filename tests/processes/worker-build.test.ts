// `npm run worker` after `npm run build`: the worker bundle from vite.processes.config.ts runs with
// plain node (no tsx, no source), registers the handlers, starts the schedules and exits 0 on
// SIGTERM. Built into node_modules/.cache so that the bundle resolves its external dependencies
// from the project's node_modules, as build/processes/ does.
import { execFile } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, expect, it } from "vitest";
import { getJobQueue } from "~/jobs/runtime.server";
import { type AppProcess, PROBE_USER_AGENT, spawnAppProcess } from "../support/app-process";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const OUT_DIR = join(ROOT, "node_modules", ".cache", `processes-build-${process.pid}`);
let worker: AppProcess | undefined;

afterAll(() => {
  if (worker?.child.exitCode === null) worker.child.kill("SIGKILL");
  rmSync(OUT_DIR, { recursive: true, force: true });
});

it(
  "the built worker runs its schedules' jobs with plain node, answers its probes and exits 0 on SIGTERM",
  { timeout: 90_000 },
  async () => {
    // GIVEN the production build of the process entries
    const vite = join(ROOT, "node_modules", "vite", "bin", "vite.js");
    await promisify(execFile)(
      process.execPath,
      [vite, "build", "--config", "vite.processes.config.ts", "--outDir", OUT_DIR],
      {
        cwd: ROOT,
      },
    );

    // WHEN the built worker starts, as `npm run worker` starts it
    worker = spawnAppProcess(join(OUT_DIR, "worker.js"), { NODE_ENV: "production", WORKER_HEALTH_PORT: "0" });
    const port = await worker.listening("worker probes");

    // THEN it is ready, and the retention schedule's job (enqueued on start) ran through its handler
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`, { headers: { "User-Agent": PROBE_USER_AGENT } });
    expect([ready.status, await ready.json()]).toEqual([200, { database: "ok", queue: "ok" }]);
    await expect
      .poll(async () => (await getJobQueue().listJobs({ type: "retention.prune" })).map(({ status }) => ({ status })), {
        timeout: 15_000,
      })
      .toEqual([{ status: "succeeded" }]);

    // AND it stops cleanly
    worker.child.kill("SIGTERM");
    expect(await worker.exited).toEqual({ code: 0, signal: null });
  },
);
