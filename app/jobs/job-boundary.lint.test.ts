// The JobQueue / JobWorker boundary (docs/decisions/0033-one-job-queue-contract.md) is enforced by
// eslint.config.js; this proves the rule fires on each kind of violation, and only outside app/jobs.
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function boundaryErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages
    .filter((m) => m.ruleId === "no-restricted-imports" || m.ruleId === "no-restricted-syntax")
    .map((m) => m.message);
}

const VIOLATIONS = {
  "the table queue": `import { PrismaJobQueue } from "~/jobs/prisma-job-queue.server";\nexport const q = PrismaJobQueue;\n`,
  "the table runner, by a relative path": `import { PrismaJobRunner } from "../jobs/prisma-job-runner.server";\nexport const r = PrismaJobRunner;\n`,
  "the scheduler": `import { getScheduler } from "~/jobs/schedule.server";\nexport const s = getScheduler;\n`,
  "the Job table through prisma": `import { prisma } from "~/db.server";\nexport const n = () => prisma.job.count();\n`,
  "the Job table inside a transaction": `import type { Prisma } from "@prisma/client";\nexport const n = (tx: Prisma.TransactionClient) => tx.job.count();\n`,
  "the runner's own drain()": `import { getJobWorker } from "~/jobs/runtime.server";\nexport const d = () => (getJobWorker() as unknown as { drain(): Promise<void> }).drain();\n`,
  "the runner's own runDue()": `declare const runner: { runDue(): Promise<void> };\nexport const d = () => runner.runDue();\n`,
};

describe("the job boundary lint rule", () => {
  // Loading the config and its plugins takes seconds; do it once, under the hook's longer timeout.
  beforeAll(() => eslint.lintText("", { filePath: "app/warm-up.ts" }));

  it.each(Object.entries(VIOLATIONS))("refuses %s outside app/jobs", async (_name, code) => {
    expect(await boundaryErrors(code, "app/webhooks/some-module.server.ts")).toHaveLength(1);
    expect(await boundaryErrors(code, "tests/support/some-helper.ts")).toHaveLength(1);
  });

  it.each(Object.entries(VIOLATIONS))("allows %s inside app/jobs", async (_name, code) => {
    expect(await boundaryErrors(code, "app/jobs/some-module.server.ts")).toEqual([]);
  });

  it("allows the interfaces", async () => {
    const code = `import { getJobQueue, getJobWorker } from "~/jobs/runtime.server";\nexport const go = async () => {\n  await getJobQueue().listJobs({ statuses: ["dead"] });\n  await getJobWorker().runUntilIdle();\n};\n`;
    expect(await boundaryErrors(code, "app/webhooks/some-module.server.ts")).toEqual([]);
  });
});
