import { describe } from "vitest";
import { isPostgresUrl } from "~/db/database-url";
import { prisma } from "~/db.server";
import { env } from "~/env.server";
import { describeJobQueueContract } from "./job-queue.contract";
import { PGBOSS_SCHEMA, PgBossJobQueue } from "./pg-boss-job-queue.server";
import { PgBossJobWorker } from "./pg-boss-job-worker.server";
import { PrismaJobQueue } from "./prisma-job-queue.server";
import { PrismaJobRunner, type JobLogger } from "./prisma-job-runner.server";

const quiet: JobLogger = { info: () => {}, warn: () => {}, error: () => {} };

describeJobQueueContract("embedded runner", () => {
  const queue = new PrismaJobQueue({ db: prisma });
  return {
    queue,
    worker: (options) => new PrismaJobRunner({ queue, logger: quiet, ...options }),
    reset: async () => void (await prisma.job.deleteMany()),
    close: async () => {},
  };
});

describe.skipIf(!isPostgresUrl(env.DATABASE_URL))("pg-boss (needs PostgreSQL: skipped on the sqlite project)", () => {
  describeJobQueueContract("pg-boss", () => {
    const queue = new PgBossJobQueue({ connectionString: env.DATABASE_URL });
    return {
      queue,
      worker: (options) => new PgBossJobWorker({ queue, logger: quiet, ...options }),
      reset: async () => void (await queue.sql(`DELETE FROM ${PGBOSS_SCHEMA}.job`)),
      close: () => queue.close(),
    };
  });
});
