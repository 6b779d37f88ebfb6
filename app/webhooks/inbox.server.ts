// The webhook inbox: every delivery recorded durably before it is acknowledged.
// Unique on (shop, webhookId) and on (shop, topic, eventId): Shopify's docs have named both
// headers as the one to dedupe on, and today name the event id: a redelivery can carry a new
// webhook id (https://shopify.dev/docs/apps/build/webhooks/ignore-duplicates). Either violation
// answers "duplicate", with no second row and no second job.
import { randomUUID } from "node:crypto";
import { prisma, sqlTransactions, withSqlTransaction } from "~/db.server";
import { groupWhileBusy } from "~/db/group-while-busy";
import type { SqlTransaction } from "~/db/sql-transaction";
import { isUniqueViolation } from "~/db/unique-violation";
import type { JobQueue } from "~/jobs/job-queue";
import { getJobQueue } from "~/jobs/runtime.server";

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
  const queue = getJobQueue();
  if (sqlTransactions && queue.enqueuesInSqlTransactions)
    return withSqlTransaction((tx) => insertGroup(tx, queue, inputs));
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

const DELIVERY_COLUMNS = [
  "id",
  "shop",
  "topic",
  "webhookId",
  "eventId",
  "triggeredAt",
  "apiVersion",
  "payload",
  "receivedAt",
] as const;

/**
 * PostgreSQL: the group's deliveries and their jobs in one transaction on the driver, below Prisma
 * (docs/decisions/0049-inbox-writes-through-the-driver.md). Through Prisma, this write cost the web
 * process more CPU than verifying and answering the delivery. A delivery already recorded (the same
 * webhook id, or the same event of the topic, by another group or another process) is skipped by
 * the unique indexes, `ON CONFLICT DO NOTHING`, and gets no job.
 */
async function insertGroup(tx: SqlTransaction, queue: JobQueue, inputs: DeliveryInput[]): Promise<RecordOutcome[]> {
  // A delivery repeated within the group is answered here, so the first to arrive is the one kept.
  const seen = new Set<string>();
  const rows = inputs.map((input) => {
    const keys = [`${input.shop} ${input.webhookId}`];
    if (input.eventId !== null) keys.push(`${input.shop} ${input.topic} ${input.eventId}`);
    const repeated = keys.some((key) => seen.has(key));
    keys.forEach((key) => seen.add(key));
    return repeated ? null : { ...input, id: randomUUID() };
  });
  // The rest are inserted in one order everywhere, so two groups holding the same redelivery (two
  // web processes) wait on each other's unique-index entries in turn instead of deadlocking.
  const fresh = rows
    .filter((row) => row !== null)
    .sort((a, b) => compare(a.shop, b.shop) || compare(a.webhookId, b.webhookId));
  // Timestamps as UTC text: the columns are `timestamp(3)` without a zone, as Prisma writes them, and
  // PostgreSQL ignores an offset given for such a column; a Date would be sent in the process's zone.
  const receivedAt = new Date().toISOString();
  const values: unknown[] = [];
  const tuples = fresh.map((row) => {
    const at = values.length;
    values.push(
      row.id,
      row.shop,
      row.topic,
      row.webhookId,
      row.eventId,
      row.triggeredAt?.toISOString() ?? null,
      row.apiVersion,
      row.payload,
      receivedAt,
    );
    return `(${DELIVERY_COLUMNS.map((_, i) => `$${at + i + 1}`).join(", ")})`;
  });
  const columns = DELIVERY_COLUMNS.map((column) => `"${column}"`).join(", ");
  const { rows: inserted } = await tx.executeSql(
    `INSERT INTO "WebhookDelivery" (${columns}) VALUES ${tuples.join(", ")} ON CONFLICT DO NOTHING RETURNING "id"`,
    values,
  );
  const recorded = new Set(inserted.map((row) => (row as { id: string }).id));
  await queue.enqueueManyWith(
    tx,
    PROCESS_WEBHOOK_JOB,
    fresh
      .filter((row) => recorded.has(row.id))
      .map((row) => ({ payload: { deliveryId: row.id }, options: { shop: row.shop } })),
  );
  return rows.map((row) =>
    row && recorded.has(row.id) ? { kind: "recorded", deliveryId: row.id } : { kind: "duplicate" },
  );
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

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
