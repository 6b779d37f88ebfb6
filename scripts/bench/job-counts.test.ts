// bench:webhooks counts an acknowledged delivery's job through the JobQueue interface: on pg-boss
// (PostgreSQL's default queue) the `Job` table it used to count stays empty.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { isPostgresUrl } from "~/db/database-url";
import { prisma } from "~/db.server";
import { env } from "~/env.server";
import type { JobQueue } from "~/jobs/job-queue";
import { PGBOSS_SCHEMA, PgBossJobQueue } from "~/jobs/pg-boss-job-queue.server";
import { PrismaJobQueue } from "~/jobs/prisma-job-queue.server";
import { RECONCILE_JOB } from "~/reconciliation/reconcile-enqueue.server";
import { READ_ORDER_JOB } from "~/webhooks/handlers/order-read-job.server";
import { PROCESS_WEBHOOK_JOB } from "~/webhooks/inbox.server";
import { countBenchJobs } from "./job-counts";
import { BENCH_SHOP } from "./webhook-fixture";

/** What a bench run leaves: 5 deliveries' jobs, 2 of them run, and the worker's follow-ups. */
async function benchRunJobs(queue: JobQueue) {
  await prisma.$transaction(async (tx) => {
    await queue.enqueueManyWith(
      tx,
      PROCESS_WEBHOOK_JOB,
      [1, 2, 3, 4, 5].map((n) => ({ payload: { deliveryId: `d${n}` }, options: { shop: BENCH_SHOP } })),
    );
  });
  await queue.enqueue(READ_ORDER_JOB, { shop: BENCH_SHOP, orderId: "1" }, { shop: BENCH_SHOP, dedupeKey: "read:1" });
  await queue.enqueue(RECONCILE_JOB, { shop: BENCH_SHOP }, { shop: BENCH_SHOP, dedupeKey: "sweep" });
  // Another shop's delivery is not the bench's.
  await queue.enqueue(PROCESS_WEBHOOK_JOB, { deliveryId: "other" }, { shop: "other.myshopify.com" });
}

describe("countBenchJobs on the embedded queue", () => {
  const queue = new PrismaJobQueue({ db: prisma });
  beforeEach(async () => {
    await prisma.job.deleteMany();
  });

  it("counts the bench shop's webhook.process jobs, not its follow-ups or another shop's", async () => {
    await benchRunJobs(queue);

    expect(await countBenchJobs(queue, BENCH_SHOP)).toEqual({ webhookJobs: 5, queued: 7 });
  });
});

describe.skipIf(!isPostgresUrl(env.DATABASE_URL))("countBenchJobs on pg-boss (skipped on the sqlite project)", () => {
  const queue = new PgBossJobQueue({ connectionString: env.DATABASE_URL });
  beforeEach(async () => {
    await prisma.job.deleteMany();
    await queue.sql(`DELETE FROM ${PGBOSS_SCHEMA}.job`);
  });
  afterAll(async () => {
    await queue.close();
  });

  it("counts the jobs pg-boss holds, which the Job table never sees", async () => {
    await benchRunJobs(queue);

    expect(await prisma.job.count()).toBe(0);
    expect(await countBenchJobs(queue, BENCH_SHOP)).toEqual({ webhookJobs: 5, queued: 7 });
  });
});
