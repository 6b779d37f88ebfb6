// The webhook inbox: every delivery recorded durably before it is acknowledged.
// Unique on (shop, webhookId) and on (shop, topic, eventId): Shopify's docs have named both
// headers as the one to dedupe on, and today name the event id: a redelivery can carry a new
// webhook id (https://shopify.dev/docs/apps/build/webhooks/ignore-duplicates). Either violation
// answers "duplicate", with no second row and no second job.
import { randomUUID } from "node:crypto";
import { prisma, withSqlTransaction } from "~/db.server";
import { groupWhileBusy } from "~/db/group-while-busy";
import { insertRowsSql, sqlTimestamp, type SqlTransaction } from "~/db/sql-transaction";
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
  return withSqlTransaction((tx) => insertGroup(tx, queue, inputs));
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
 * The group's deliveries and their jobs in one transaction on the driver, below Prisma, on either
 * database (docs/decisions/0049-inbox-writes-through-the-driver.md, 0050 for SQLite). Through
 * Prisma, this write cost the web process more CPU than verifying and answering the delivery. A
 * delivery already recorded (the same webhook id, or the same event of the topic, by another group
 * or another process) is skipped by the unique indexes, `ON CONFLICT DO NOTHING` (PostgreSQL 9.5+,
 * SQLite 3.24+; `RETURNING`, SQLite 3.35+), and gets no job.
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
  const receivedAt = sqlTimestamp(tx.dialect, new Date());
  const { text, values } = insertRowsSql(
    tx.dialect,
    "WebhookDelivery",
    DELIVERY_COLUMNS,
    fresh.map((row) => [
      row.id,
      row.shop,
      row.topic,
      row.webhookId,
      row.eventId,
      row.triggeredAt === null ? null : sqlTimestamp(tx.dialect, row.triggeredAt),
      row.apiVersion,
      row.payload,
      receivedAt,
    ]),
    'ON CONFLICT DO NOTHING RETURNING "id"',
  );
  const { rows: inserted } = await tx.executeSql(text, values);
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
