import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { PrismaJobQueue } from "./prisma-job-queue.server";

const run = promisify(execFile);
let scratch: string | undefined;

afterEach(() => {
  if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
});

const lines = (file: string) => (existsSync(file) ? readFileSync(file, "utf8").trim().split("\n") : []);

it("three OS processes draining the same database run each of 100 jobs exactly once", async () => {
  // GIVEN 100 jobs in the test's SQLite file, and three processes waiting at a barrier
  await prisma.job.deleteMany();
  const queue = new PrismaJobQueue({ db: prisma });
  for (let i = 0; i < 100; i += 1) await queue.enqueue("work", { i });
  scratch = mkdtempSync(join(tmpdir(), "job-race-"));
  const files = {
    RUNS_FILE: join(scratch, "runs.txt"),
    READY_FILE: join(scratch, "ready.txt"),
    GO_FILE: join(scratch, "go"),
  };
  const worker = join(import.meta.dirname, "fixtures", "race-worker.ts");
  const processes = Promise.all(
    [1, 2, 3].map(() => run(process.execPath, ["--import", "tsx", worker], { env: { ...process.env, ...files } })),
  );
  const deadline = Date.now() + 20_000;
  while (lines(files.READY_FILE).length < 3 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }

  // WHEN they are released together, each with its own connection and runner
  writeFileSync(files.GO_FILE, "");
  await processes;

  // THEN every job ran once, the processes shared the work, and each job succeeded on its first attempt
  const runs = lines(files.RUNS_FILE).map((line) => line.split(" "));
  expect(runs).toHaveLength(100);
  expect(new Set(runs.map(([, jobId]) => jobId)).size).toBe(100);
  expect(new Set(runs.map(([pid]) => pid)).size).toBeGreaterThan(1);
  expect(await prisma.job.count({ where: { status: "succeeded", attempts: 1 } })).toBe(100);
});
