// The webhook inbox: every delivery recorded durably before it is acknowledged.
// Unique on (shop, webhookId) and on (shop, topic, eventId): Shopify's docs have named both
// headers as the one to dedupe on, and today name the event id: a redelivery can carry a new
// webhook id (https://shopify.dev/docs/apps/build/webhooks/ignore-duplicates). Either violation
// answers "duplicate", with no second row and no second job.
import { randomUUID } from "node:crypto";
import { prisma } from "~/db.server";
import { groupWhileBusy } from "~/db/group-while-busy";
import { getJobQueue } from "~/jobs/runtime.server";
import { isUniqueViolation } from "~/db/unique-violation";

export const PROCESS_WEBHOOK_JOB = "webhook.process";

interface DeliveryInput {
  shop: string;
  topic: string;
  webhookId: string;
  eventId: string | null;
  triggeredAt: Date | null;
  apiVersion: string | null;
  /** The raw body, byte for byte: ids above 2^53 must survive. */
  payload: string;
}

type RecordOutcome = { kind: "recorded"; deliveryId: string } | { kind: "duplicate" };

/**
 * Records the delivery and enqueues its processing in one transaction: both or neither.
 * Deliveries that arrive while a commit is in flight are written together by the next one
 * (app/db/group-while-busy.ts): one insert of deliveries and one of their jobs, in one transaction.
 */
export const recordDelivery: (input: DeliveryInput) => Promise<RecordOutcome> = groupWhileBusy(recordGroup);

async function recordGroup(inputs: DeliveryInput[]): Promise<RecordOutcome[]> {
  if (inputs.length === 1) return [await recordOne(inputs[0]!)];
  const rows = inputs.map((input) => ({ ...input, id: randomUUID() }));
  try {
    await prisma.$transaction(async (tx) => {
      await tx.webhookDelivery.createMany({ data: rows });
      await getJobQueue().enqueueManyWith(
        tx,
        PROCESS_WEBHOOK_JOB,
        rows.map((row) => ({ payload: { deliveryId: row.id }, options: { shop: row.shop } })),
      );
    });
    return rows.map((row) => ({ kind: "recorded", deliveryId: row.id }));
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // A redelivery in the group (or two copies of one delivery in it): one transaction each, so
    // only the duplicate is answered as one.
    const outcomes: RecordOutcome[] = [];
    for (const input of inputs) outcomes.push(await recordOne(input));
    return outcomes;
  }
}

async function recordOne(input: DeliveryInput): Promise<RecordOutcome> {
  try {
    return await prisma.$transaction(async (tx) => {
      const delivery = await tx.webhookDelivery.create({ data: input, select: { id: true } });
      await getJobQueue().enqueueWith(tx, PROCESS_WEBHOOK_JOB, { deliveryId: delivery.id }, { shop: input.shop });
      return { kind: "recorded" as const, deliveryId: delivery.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { kind: "duplicate" };
    throw error;
  }
}

/** For the processing job, which only knows the delivery id it was enqueued with. */
export async function findDeliveryById(id: string) {
  return prisma.webhookDelivery.findUnique({ where: { id } });
}

export async function markDelivery(id: string, status: "processed" | "ignored" | "failed", error?: string) {
  await prisma.webhookDelivery.updateMany({
    where: { id },
    data: { status, error: error ?? null, processedAt: new Date() },
  });
}

/**
 * Deletes deliveries finished (processed or ignored) before `processedBefore`: their raw payloads
 * carry customers' names and addresses. A delivery still received or failed is never pruned: it is
 * work not done, or evidence of work that failed.
 */
export async function pruneFinishedDeliveries(processedBefore: Date): Promise<number> {
  const { count } = await prisma.webhookDelivery.deleteMany({
    where: { status: { in: ["processed", "ignored"] }, processedAt: { lt: processedBefore } },
  });
  return count;
}
