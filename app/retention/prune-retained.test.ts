import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerJobHandlers, registerSchedules, RETENTION_SCHEDULE } from "~/background.server";
import { prisma } from "~/db.server";
import { getJobQueue, getJobRunner } from "~/jobs/runtime.server";
import { getScheduler } from "~/jobs/schedule.server";
import { fakeClock } from "../../tests/support/fake-clock";
import { PRUNE_RETAINED_JOB, pruneRetainedHandler } from "./prune-retained.server";

const SHOP = "retention.myshopify.com";
const DAY = 24 * 60 * 60_000;
const clock = fakeClock();
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

async function job(status: string, finishedDaysAgo: number | null) {
  const row = await prisma.job.create({
    data: {
      shop: SHOP,
      type: "test.retention",
      payload: "{}",
      status,
      finishedAt: finishedDaysAgo === null ? null : daysAgo(finishedDaysAgo),
      // Not yet due, so the runner leaves the unfinished one alone.
      runAt: new Date(Date.now() + 365 * DAY),
    },
  });
  return row.id;
}

beforeAll(() => {
  registerJobHandlers();
  registerSchedules();
  // The schedule's job, run on the fake clock with the default policy (30 days, 14 days).
  getJobRunner().register(PRUNE_RETAINED_JOB, pruneRetainedHandler(getJobQueue(), clock.date));
});
afterAll(() => getScheduler().stop());

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
    const jobs = {
      succeededOld: await job("succeeded", 15),
      cancelledOld: await job("cancelled", 30),
      succeededRecent: await job("succeeded", 13),
      deadOld: await job("dead", 400),
      queued: await job("queued", null),
    };

    // WHEN the schedule fires and its job runs
    await getScheduler().trigger(RETENTION_SCHEDULE);
    await getJobRunner().drain();

    // THEN only the finished rows past their period are gone
    const keptDeliveries = await prisma.webhookDelivery.findMany({ where: { shop: SHOP }, select: { id: true } });
    expect(keptDeliveries.map((d) => d.id).sort()).toEqual(
      [deliveries.processedRecent, deliveries.receivedOld, deliveries.failedOld].sort(),
    );
    const keptJobs = await prisma.job.findMany({ where: { type: "test.retention" }, select: { id: true } });
    expect(keptJobs.map((j) => j.id).sort()).toEqual([jobs.succeededRecent, jobs.deadOld, jobs.queued].sort());

    // AND two days later the delivery that was recent has passed its period too
    clock.advance(2 * DAY);
    await getScheduler().trigger(RETENTION_SCHEDULE);
    await getJobRunner().drain();
    const later = await prisma.webhookDelivery.findMany({ where: { shop: SHOP }, select: { id: true } });
    expect(later.map((d) => d.id).sort()).toEqual([deliveries.receivedOld, deliveries.failedOld].sort());
  });
});
