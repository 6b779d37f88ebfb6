// The baseline: a bare node:http server doing what ingest must do and nothing else. It checks the
// HMAC of the raw body (https://shopify.dev/docs/apps/build/webhooks/verify-deliveries) and the
// headers ingest requires, then records the WebhookDelivery row and its webhook.process Job row
// in one transaction, and answers 200 (also for a duplicate). No Remix, no Shopify library.
//
// BASELINE_DRIVER=raw (default): better-sqlite3 prepared statements in a synchronous transaction;
//   with a postgresql:// DATABASE_URL, one INSERT … INSERT statement through a pg pool (a single
//   statement is its own transaction: both rows or neither, committed before the 200).
// BASELINE_DRIVER=prisma: the app's own stack for the insert — PrismaClient with
//   app/db/serialized-sqlite-adapter.server.ts and the same interactive $transaction as
//   app/webhooks/inbox.server.ts — to separate Prisma's cost from Remix's and Shopify's.
// BASELINE_DRIVER=prisma-batch: the same two creates as a batch $transaction([...]) (ids made here),
//   which Prisma runs without an interactive transaction held open across awaits.
// BASELINE_DRIVER=prisma-group: group commit — deliveries that arrive while a commit is in flight
//   are written together by the next one (createMany of deliveries + createMany of jobs, one
//   transaction), so Prisma's per-query cost and the commit's fsync are shared. A duplicate in a
//   group makes that group fall back to one transaction per delivery.
// BASELINE_SYNCHRONOUS: a PRAGMA synchronous value (e.g. NORMAL); unset keeps SQLite's default (FULL).
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import Database from "better-sqlite3";
import { isPostgresUrl } from "../../app/db/database-url";
import { pgPool } from "./postgres";

const secret = process.env.SHOPIFY_API_SECRET ?? "";
const databaseUrl = process.env.DATABASE_URL ?? "";
const file = databaseUrl.replace(/^file:/, "");
const driver = process.env.BASELINE_DRIVER ?? "raw";
if (!secret || !databaseUrl) throw new Error("SHOPIFY_API_SECRET and DATABASE_URL are required");

interface Delivery {
  id: string;
  shop: string;
  topic: string;
  webhookId: string;
  eventId: string | null;
  triggeredAt: Date | null;
  apiVersion: string | null;
  payload: string;
}

type Recorder = (delivery: Delivery) => Promise<void> | void;

function rawRecorder(): Recorder {
  const db = new Database(file);
  if (process.env.BASELINE_SYNCHRONOUS) db.pragma(`synchronous = ${process.env.BASELINE_SYNCHRONOUS}`);
  const insertDelivery = db.prepare(
    `INSERT INTO "WebhookDelivery" (id, shop, topic, "webhookId", "eventId", "triggeredAt", "apiVersion", payload, "receivedAt")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertJob = db.prepare(
    `INSERT INTO "Job" (id, shop, type, payload, "runAt", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const record = db.transaction((d: Delivery) => {
    const now = Date.now();
    insertDelivery.run(
      d.id,
      d.shop,
      d.topic,
      d.webhookId,
      d.eventId,
      d.triggeredAt?.getTime() ?? null,
      d.apiVersion,
      d.payload,
      now,
    );
    insertJob.run(randomUUID(), d.shop, "webhook.process", JSON.stringify({ deliveryId: d.id }), now, now, now);
  });
  return (delivery) => {
    try {
      record(delivery);
    } catch (error) {
      if ((error as { code?: string }).code !== "SQLITE_CONSTRAINT_UNIQUE") throw error;
    }
  };
}

// The app's PrismaPg pool is node-postgres' default size (10); the same here.
const PG_POOL_SIZE = 10;

function postgresRecorder(): Recorder {
  const pool = pgPool(databaseUrl, PG_POOL_SIZE);
  return async (d) => {
    const now = new Date();
    try {
      await pool.query(
        `WITH delivery AS (
           INSERT INTO "WebhookDelivery" (id, shop, topic, "webhookId", "eventId", "triggeredAt", "apiVersion", payload, "receivedAt")
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         )
         INSERT INTO "Job" (id, shop, type, payload, "runAt", "createdAt", "updatedAt") VALUES ($10, $2, 'webhook.process', $11, $9, $9, $9)`,
        [
          d.id,
          d.shop,
          d.topic,
          d.webhookId,
          d.eventId,
          d.triggeredAt,
          d.apiVersion,
          d.payload,
          now,
          randomUUID(),
          JSON.stringify({ deliveryId: d.id }),
        ],
      );
    } catch (error) {
      // unique_violation: a redelivery, answered 200 like the app does.
      if ((error as { code?: string }).code !== "23505") throw error;
    }
  };
}

async function prismaClient() {
  const { PrismaClient, Prisma } = await import("@prisma/client");
  const { SerializedSQLiteAdapterFactory } = await import("../../app/db/serialized-sqlite-adapter.server");
  const prisma = new PrismaClient({ adapter: new SerializedSQLiteAdapterFactory({ url: `file:${file}` }) });
  if (process.env.BASELINE_SYNCHRONOUS) {
    await prisma.$executeRawUnsafe(`PRAGMA synchronous = ${process.env.BASELINE_SYNCHRONOUS}`);
  }
  const isDuplicate = (error: unknown) =>
    error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
  return { prisma, isDuplicate };
}

const jobFor = (d: Delivery) => ({
  id: randomUUID(),
  type: "webhook.process",
  payload: JSON.stringify({ deliveryId: d.id }),
  shop: d.shop,
});

async function prismaRecorder(): Promise<Recorder> {
  const { prisma, isDuplicate } = await prismaClient();
  return async ({ id: _unused, ...data }) => {
    try {
      await prisma.$transaction(async (tx) => {
        const delivery = await tx.webhookDelivery.create({ data, select: { id: true } });
        await tx.job.create({
          data: { type: "webhook.process", payload: JSON.stringify({ deliveryId: delivery.id }), shop: data.shop },
          select: { id: true },
        });
      });
    } catch (error) {
      if (!isDuplicate(error)) throw error;
    }
  };
}

async function prismaBatchRecorder(): Promise<Recorder> {
  const { prisma, isDuplicate } = await prismaClient();
  return async (delivery) => {
    try {
      await prisma.$transaction([
        prisma.webhookDelivery.create({ data: delivery, select: { id: true } }),
        prisma.job.create({ data: jobFor(delivery), select: { id: true } }),
      ]);
    } catch (error) {
      if (!isDuplicate(error)) throw error;
    }
  };
}

async function prismaGroupRecorder(): Promise<Recorder> {
  const { prisma, isDuplicate } = await prismaClient();
  const one = await prismaBatchRecorder();
  let pending: { delivery: Delivery; done: (error?: unknown) => void }[] = [];
  let flushing = false;

  async function flush(): Promise<void> {
    while (pending.length > 0) {
      const group = pending;
      pending = [];
      try {
        await prisma.$transaction([
          prisma.webhookDelivery.createMany({ data: group.map((g) => g.delivery) }),
          prisma.job.createMany({ data: group.map((g) => jobFor(g.delivery)) }),
        ]);
        group.forEach((g) => g.done());
      } catch (error) {
        if (!isDuplicate(error)) group.forEach((g) => g.done(error));
        else
          for (const g of group) {
            await Promise.resolve(one(g.delivery)).then(() => g.done(), g.done);
          }
      }
    }
    flushing = false;
  }

  return (delivery) =>
    new Promise<void>((resolve, reject) => {
      pending.push({ delivery, done: (error) => (error ? reject(error) : resolve()) });
      if (!flushing) {
        flushing = true;
        setImmediate(() => void flush());
      }
    });
}

function validHmac(body: Buffer, header: string | undefined): boolean {
  if (!header) return false;
  const expected = createHmac("sha256", secret).update(body).digest();
  const given = Buffer.from(header, "base64");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function answer(res: ServerResponse, status: number): void {
  res.writeHead(status, { "Content-Length": "0" });
  res.end();
}

async function main(): Promise<void> {
  const recorders: Record<string, () => Recorder | Promise<Recorder>> = {
    raw: rawRecorder,
    prisma: prismaRecorder,
    "prisma-batch": prismaBatchRecorder,
    "prisma-group": prismaGroupRecorder,
  };
  const create = isPostgresUrl(databaseUrl) ? postgresRecorder : recorders[driver];
  if (!create) throw new Error(`unknown BASELINE_DRIVER ${driver}`);
  const record = await create();
  const server = createServer(async (req, res) => {
    try {
      if (req.method !== "POST") return answer(res, 405);
      const body = await readBody(req);
      if (!validHmac(body, req.headers["x-shopify-hmac-sha256"] as string | undefined)) return answer(res, 401);
      const header = (name: string) => req.headers[name] as string | undefined;
      const shop = header("x-shopify-shop-domain");
      const topic = header("x-shopify-topic");
      const webhookId = header("x-shopify-webhook-id");
      if (!shop || !topic || !webhookId) return answer(res, 400);
      const payload = body.toString("utf8");
      JSON.parse(payload); // ingest rejects a signed body that is not JSON
      const triggeredAt = header("x-shopify-triggered-at");
      await record({
        id: randomUUID(),
        shop,
        topic,
        webhookId,
        eventId: header("x-shopify-event-id") ?? null,
        triggeredAt: triggeredAt ? new Date(triggeredAt) : null,
        apiVersion: header("x-shopify-api-version") ?? null,
        payload,
      });
      answer(res, 200);
    } catch (error) {
      console.error("baseline: request failed", error);
      if (!res.headersSent) answer(res, 500);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no TCP address");
  console.log(`listening ${address.port}`);
  process.once("SIGTERM", () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error("baseline server failed to start:", error);
  process.exit(1);
});
