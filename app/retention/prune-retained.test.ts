import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { registerJobHandlers, registerSchedules, RETENTION_SCHEDULE } from "~/background.server";
import { prisma } from "~/db.server";
import { PermanentJobError } from "~/jobs/job-queue";
import { createJobWorker, getJobQueue, getJobWorker } from "~/jobs/runtime.server";
import { allowConsoleError } from "../../tests/support/console-guard";
import { fakeClock } from "../../tests/support/fake-clock";
import { PRUNE_RETAINED_JOB, pruneRetainedHandler } from "./prune-retained.server";

const SHOP = "retention.myshopify.com";
const DAY = 24 * 60 * 60_000;
// A month ahead of the wall clock, so a job cancelled now finished 30 days ago by this clock.
const clock = fakeClock(Date.now() + 30 * DAY);
const daysAgo = (days: number) => new Date(clock.now() - days * DAY);

async function delivery(status: string, processedDaysAgo: number | null, receivedDaysAgo = processedDaysAgo ?? 100) {
  const row = await prisma.webhookDelivery.create({
    data: {
      shop: SHOP,
      topic: "orders/create",
      webhookId: randomUUID(),
      payload: JSON.stringify({ customer: { first_name: "Ada" } }),
      status,
      receivedAt: daysAgo(receivedDaysAgo),
      processedAt: processedDaysAgo === null ? null : daysAgo(processedDaysAgo),
    },
  });
  return row.id;
}

/** A job that ran `finishedDaysAgo` days ago by the fake clock: run then by a worker living at that time. */
async function finishedJob(outcome: "succeeded" | "dead", finishedDaysAgo: number) {
  const type = `test.retention.${randomUUID()}`;
  const { id } = await getJobQueue().enqueue(type, {}, { shop: SHOP, runAt: daysAgo(finishedDaysAgo) });
  const worker = createJobWorker({ clock: () => daysAgo(finishedDaysAgo) });
  worker.register(type, async () => {
    if (outcome === "dead") throw new PermanentJobError("gone");
  });
  await worker.runUntilIdle({ types: [type] });
  return id;
}

/** Cancelled now by the wall clock: 30 days ago by the fake clock. */
async function cancelledJob() {
  const { id } = await getJobQueue().enqueue("test.retention.cancelled", {}, { shop: SHOP });
  await getJobQueue().cancelJobsForShop(SHOP);
  return id;
}

/** Not due for a year, so runUntilIdle leaves it alone. */
async function queuedJob() {
  const { id } = await getJobQueue().enqueue("test.retention.queued", {}, { shop: SHOP, runAt: daysAgo(-365) });
  return id;
}

beforeAll(() => {
  registerJobHandlers();
  registerSchedules();
  // The schedule's job, run on the fake clock with the default policy (30 days, 14 days).
  getJobWorker().register(PRUNE_RETAINED_JOB, pruneRetainedHandler(getJobQueue(), clock.date));
});

describe("the retention schedule", () => {
  it("prunes processed deliveries after 30 days and finished jobs after 14, and never an unprocessed delivery", async () => {
    // GIVEN deliveries and jobs of every status and age, on a fake clock
    const deliveries = {
      processedOld: await delivery("processed", 31),
      ignoredOld: await delivery("ignored", 45),
      processedRecent: await delivery("processed", 29),
      receivedOld: await delivery("received", null, 400),
      failedOld: await delivery("failed", 400),
    };
    allowConsoleError(/jobs: dead-lettered/);
    const jobs = {
      cancelledOld: await cancelledJob(),
      succeededOld: await finishedJob("succeeded", 15),
      succeededRecent: await finishedJob("succeeded", 13),
      deadOld: await finishedJob("dead", 400),
      queued: await queuedJob(),
    };

    // WHEN the schedule fires and its job runs
    await getJobWorker().triggerSchedule(RETENTION_SCHEDULE);
    await getJobWorker().runUntilIdle();

    // THEN only the finished rows past their period are gone
    const keptDeliveries = await prisma.webhookDelivery.findMany({ where: { shop: SHOP }, select: { id: true } });
    expect(keptDeliveries.map((d) => d.id).sort()).toEqual(
      [deliveries.processedRecent, deliveries.receivedOld, deliveries.failedOld].sort(),
    );
    const keptJobs = await getJobQueue().listJobs({ shop: SHOP });
    expect(keptJobs.map((j) => j.id).sort()).toEqual([jobs.succeededRecent, jobs.deadOld, jobs.queued].sort());

    // AND two days later the delivery that was recent has passed its period too
    clock.advance(2 * DAY);
    await getJobWorker().triggerSchedule(RETENTION_SCHEDULE);
    await getJobWorker().runUntilIdle();
    const later = await prisma.webhookDelivery.findMany({ where: { shop: SHOP }, select: { id: true } });
    expect(later.map((d) => d.id).sort()).toEqual([deliveries.receivedOld, deliveries.failedOld].sort());
  });
});
