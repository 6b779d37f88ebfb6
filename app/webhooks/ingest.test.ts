import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { Session } from "@shopify/shopify-api";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { getJobQueue } from "~/jobs/runtime.server";
import { sessionStorage } from "~/shopify.server";
import { webhookSamplePath } from "../../tests/support/shopify-reference";
import { callWebhookRoute, signedWebhook } from "../../tests/support/webhook-routes";
import { parseJsonLossless } from "./lossless-json";
import { PROCESS_WEBHOOK_JOB, recordDelivery } from "./inbox.server";
import { topicDefinition, WEBHOOK_TOPICS } from "./topics";

const INSTALLED = "installed-shop.myshopify.com";
const UNINSTALLED = "gone-shop.myshopify.com";
const TOPICS = Object.keys(WEBHOOK_TOPICS);
// app/scopes_update has no sample in ../shared; this is its documented shape
// (https://shopify.dev/docs/api/webhooks?reference=toml#list-of-topics-app/scopes_update).
const UNPUBLISHED_SAMPLES: Record<string, string> = {
  "app/scopes_update": JSON.stringify({
    id: 1,
    previous: ["read_orders"],
    current: ["read_orders", "write_orders"],
    updated_at: "2026-11-20T10:00:00Z",
  }),
};
// Shopify's compliance samples name the shop as "{shop}.myshopify.com"; a real delivery names the
// shop it is sent for, and the body must agree with the header (payload-check.ts).
const sample = (topic: string, shop = INSTALLED) =>
  (UNPUBLISHED_SAMPLES[topic] ?? readFileSync(webhookSamplePath(topic), "utf8")).replaceAll(
    "{shop}.myshopify.com",
    shop,
  );

const deliveriesFor = (webhookId: string) => prisma.webhookDelivery.findMany({ where: { webhookId } });
const jobsFor = async (webhookId: string) => {
  const ids = (await deliveriesFor(webhookId)).map((d) => d.id);
  const jobs = await getJobQueue().listJobDetails({ type: PROCESS_WEBHOOK_JOB, take: 500 });
  return jobs.filter((j) => ids.includes((j.payload as { deliveryId: string }).deliveryId));
};

beforeAll(async () => {
  await sessionStorage.storeSession(
    new Session({ id: `offline_${INSTALLED}`, shop: INSTALLED, state: "", isOnline: false, accessToken: "shpat_x" }),
  );
});

describe.each(TOPICS)("the /webhooks/%s route", (topic) => {
  it("answers 405 to anything but POST", async () => {
    const response = await callWebhookRoute(signedWebhook({ topic, shop: INSTALLED, body: "", method: "GET" }));
    expect(response.status).toBe(405);
  });

  it("answers 401 to a bad HMAC and records nothing", async () => {
    const webhookId = randomUUID();
    const request = signedWebhook({ topic, shop: INSTALLED, body: sample(topic), webhookId, secret: "not-the-secret" });
    expect((await callWebhookRoute(request)).status).toBe(401);
    expect(await deliveriesFor(webhookId)).toEqual([]);
  });

  it("answers 400 when Shopify's headers are missing", async () => {
    const request = signedWebhook({ topic, shop: INSTALLED, body: sample(topic), omitHeaders: ["X-Shopify-Topic"] });
    expect((await callWebhookRoute(request)).status).toBe(400);
  });

  it("answers 400 to a correctly signed body that is not JSON", async () => {
    const webhookId = randomUUID();
    const request = signedWebhook({ topic, shop: INSTALLED, body: "{not json", webhookId });
    expect((await callWebhookRoute(request)).status).toBe(400);
    expect(await deliveriesFor(webhookId)).toEqual([]);
  });

  it("accepts Shopify's sample payload and records it byte for byte, ids intact", async () => {
    const webhookId = randomUUID();
    const raw = sample(topic);
    const response = await callWebhookRoute(signedWebhook({ topic, shop: INSTALLED, body: raw, webhookId }));
    expect(response.status).toBe(200);
    const [delivery, ...others] = await deliveriesFor(webhookId);
    expect(others).toEqual([]);
    expect(delivery).toMatchObject({ shop: INSTALLED, topic, apiVersion: "2026-10", status: "received" });
    expect(delivery!.payload).toBe(raw);
    expect(delivery!.eventId).toBeTruthy();
    expect(delivery!.triggeredAt).toBeInstanceOf(Date);
    // Every integer literal of the sample survives, even those above 2^53.
    const bigIds = [...raw.matchAll(/:\s*(\d{16,})/g)].map((m) => m[1]);
    const parsed = JSON.stringify(parseJsonLossless(delivery!.payload));
    for (const id of bigIds) expect(parsed).toContain(`"${id}"`);
    expect(await jobsFor(webhookId)).toHaveLength(1);
  });

  it.each(["+275760-09-13T00:00:00.000Z", "-000001-01-01T00:00:00.000Z", "99999-01-01", "not a date"])(
    "records a triggered-at header it cannot store (%s) as unknown, and acknowledges the delivery",
    async (triggeredAt) => {
      const webhookId = randomUUID();
      const request = signedWebhook({
        topic,
        shop: INSTALLED,
        body: sample(topic),
        webhookId,
        setHeaders: { "X-Shopify-Triggered-At": triggeredAt },
      });
      expect((await callWebhookRoute(request)).status).toBe(200);
      const [delivery] = await deliveriesFor(webhookId);
      expect(delivery!.triggeredAt).toBeNull();
      expect(await jobsFor(webhookId)).toHaveLength(1);
    },
  );

  it("records a duplicate delivery once, with one processing job", async () => {
    const webhookId = randomUUID();
    const eventId = randomUUID();
    for (let i = 0; i < 2; i += 1) {
      const request = signedWebhook({ topic, shop: INSTALLED, body: sample(topic), webhookId, eventId });
      expect((await callWebhookRoute(request)).status).toBe(200);
    }
    expect(await deliveriesFor(webhookId)).toHaveLength(1);
    expect(await jobsFor(webhookId)).toHaveLength(1);
  });

  it("records a redelivery under a new webhook id with the same event id once, with one processing job", async () => {
    const [first, second] = [randomUUID(), randomUUID()];
    const eventId = randomUUID();
    for (const webhookId of [first, second]) {
      const request = signedWebhook({ topic, shop: INSTALLED, body: sample(topic), webhookId, eventId });
      expect((await callWebhookRoute(request)).status).toBe(200);
    }
    expect(await deliveriesFor(first)).toHaveLength(1);
    expect(await deliveriesFor(second)).toEqual([]);
    expect(await jobsFor(first)).toHaveLength(1);
  });

  const definition = topicDefinition(topic)!;
  it(
    definition.processWithoutSession
      ? "records the delivery even for a shop that has uninstalled (lifecycle and compliance)"
      : "acknowledges a shop that has uninstalled without recording anything",
    async () => {
      const webhookId = randomUUID();
      const response = await callWebhookRoute(
        signedWebhook({ topic, shop: UNINSTALLED, body: sample(topic, UNINSTALLED), webhookId }),
      );
      expect(response.status).toBe(200);
      expect(await deliveriesFor(webhookId)).toHaveLength(definition.processWithoutSession ? 1 : 0);
    },
  );
});

describe("a burst of deliveries (written together while a commit is in flight)", () => {
  it("records every delivery once with its job, and answers the duplicates in the burst without a second row", async () => {
    // GIVEN 40 concurrent orders/create deliveries, 5 of them sent twice
    const ids = Array.from({ length: 40 }, () => randomUUID());
    const sends = [...ids, ...ids.slice(0, 5)].map((webhookId) =>
      callWebhookRoute(
        signedWebhook({ topic: "orders/create", shop: INSTALLED, body: sample("orders/create"), webhookId }),
      ),
    );

    // WHEN they all arrive at once
    const statuses = (await Promise.all(sends)).map((response) => response.status);

    // THEN every one is acknowledged, and each delivery is stored once with exactly one job
    expect(statuses.every((status) => status === 200)).toBe(true);
    const stored = await prisma.webhookDelivery.findMany({ where: { webhookId: { in: ids } } });
    expect(stored.map((d) => d.webhookId).sort()).toEqual([...ids].sort());
    const jobs = await getJobQueue().listJobDetails({ type: PROCESS_WEBHOOK_JOB, take: 500 });
    const jobDeliveries = jobs.map((j) => (j.payload as { deliveryId: string }).deliveryId);
    for (const delivery of stored) expect(jobDeliveries.filter((id) => id === delivery.id)).toHaveLength(1);
    expect(stored.every((d) => d.payload === sample("orders/create"))).toBe(true);
  });
});

describe("group commit in the inbox", () => {
  const delivery = (webhookId: string) => ({
    shop: INSTALLED,
    topic: "orders/create",
    webhookId,
    eventId: null,
    triggeredAt: null,
    apiVersion: "2026-10",
    payload: sample("orders/create"),
  });

  it("writes deliveries that queue behind a commit together, and falls back one by one on a duplicate", async () => {
    // GIVEN one delivery already recorded, and a burst that repeats it and repeats one of its own
    const before = randomUUID();
    await recordDelivery(delivery(before));
    const ids = Array.from({ length: 30 }, () => randomUUID());

    // WHEN the burst arrives in one tick (the first write goes alone, the rest queue behind it)
    const outcomes = await Promise.all([...ids, before, ids[0]!].map((id) => recordDelivery(delivery(id))));

    // THEN the new ones are recorded once each with one job, and both repeats are duplicates
    expect(outcomes.map((o) => o.kind)).toEqual([...ids.map(() => "recorded"), "duplicate", "duplicate"]);
    const stored = await prisma.webhookDelivery.findMany({ where: { webhookId: { in: ids } } });
    expect(stored).toHaveLength(30);
    const jobs = await getJobQueue().listJobDetails({ type: PROCESS_WEBHOOK_JOB, take: 500 });
    const jobDeliveries = jobs.map((j) => (j.payload as { deliveryId: string }).deliveryId);
    for (const row of stored) expect(jobDeliveries.filter((id) => id === row.id)).toHaveLength(1);
  });

  it("answers a redelivery of one event under new webhook ids in the same group as a duplicate", async () => {
    // GIVEN a burst in which one event arrives three times, each under its own webhook id
    const eventId = randomUUID();
    const copies = Array.from({ length: 3 }, () => ({ ...delivery(randomUUID()), eventId }));
    const others = Array.from({ length: 10 }, () => delivery(randomUUID()));

    // WHEN they queue behind one commit
    const outcomes = await Promise.all([...others, ...copies].map((input) => recordDelivery(input)));

    // THEN the event is recorded once with one job, and the other two copies are duplicates
    expect(outcomes.map((o) => o.kind)).toEqual([
      ...others.map(() => "recorded"),
      "recorded",
      "duplicate",
      "duplicate",
    ]);
    const stored = await prisma.webhookDelivery.findMany({ where: { eventId } });
    expect(stored.map((row) => row.webhookId)).toEqual([copies[0]!.webhookId]);
    const jobs = await getJobQueue().listJobDetails({ type: PROCESS_WEBHOOK_JOB, take: 500 });
    expect(jobs.filter((j) => (j.payload as { deliveryId: string }).deliveryId === stored[0]!.id)).toHaveLength(1);
  });

  it("stores the times it is given as they are, whatever the process's time zone (PostgreSQL: written below Prisma)", async () => {
    // GIVEN a process in a zone far from UTC, where a Date sent to PostgreSQL as local time would shift
    const zone = process.env.TZ;
    process.env.TZ = "Pacific/Auckland";
    try {
      const triggeredAt = new Date("2026-12-04T10:11:12.345Z");
      const webhookId = randomUUID();
      const before = Date.now();

      // WHEN a delivery is recorded
      const outcome = await recordDelivery({ ...delivery(webhookId), triggeredAt });

      // THEN Prisma reads back the same instants
      expect(outcome.kind).toBe("recorded");
      const stored = await prisma.webhookDelivery.findFirstOrThrow({ where: { webhookId } });
      expect(stored.triggeredAt?.toISOString()).toBe(triggeredAt.toISOString());
      expect(stored.receivedAt.getTime()).toBeGreaterThanOrEqual(before - 1);
      expect(stored.receivedAt.getTime()).toBeLessThanOrEqual(Date.now() + 1);
      expect(stored.status).toBe("received");
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it("writes a clean burst without losing a delivery or a job", async () => {
    const ids = Array.from({ length: 30 }, () => randomUUID());
    const outcomes = await Promise.all(ids.map((id) => recordDelivery(delivery(id))));
    const recorded = outcomes.flatMap((o) => (o.kind === "recorded" ? [o.deliveryId] : []));
    expect(recorded).toHaveLength(30);
    expect(await prisma.webhookDelivery.count({ where: { id: { in: recorded } } })).toBe(30);
    const jobs = await getJobQueue().listJobDetails({ type: PROCESS_WEBHOOK_JOB, shop: INSTALLED, take: 500 });
    const jobDeliveries = new Set(jobs.map((j) => (j.payload as { deliveryId: string }).deliveryId));
    expect(recorded.every((id) => jobDeliveries.has(id))).toBe(true);
  });
});

describe("a body over the size limit (refused before it is buffered)", () => {
  const LIMIT = 4 * 1024 * 1024; // WEBHOOK_MAX_BODY_BYTES' default
  const CHUNK = 64 * 1024;

  /** A body of `chunks` × 64 KiB that counts how much of it the server pulled. */
  function countingBody(chunks: number) {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= chunks * CHUNK) return controller.close();
        pulled += CHUNK;
        controller.enqueue(new Uint8Array(CHUNK).fill(0x20));
      },
    });
    return { stream, pulled: () => pulled };
  }

  function request(body: ReadableStream<Uint8Array>, contentLength?: number) {
    const signed = signedWebhook({ topic: "orders/create", shop: INSTALLED, body: "{}" });
    const headers = new Headers(signed.headers);
    if (contentLength !== undefined) headers.set("Content-Length", String(contentLength));
    return new Request(signed.url, { method: "POST", headers, body, duplex: "half" } as RequestInit);
  }

  it("answers 413 to a declared Content-Length over the limit without reading the body", async () => {
    const body = countingBody(1600); // 100 MB
    const response = await callWebhookRoute(request(body.stream, 1600 * CHUNK));
    expect(response.status).toBe(413);
    expect(await response.text()).toBe(`Webhook body larger than ${LIMIT} bytes refused.`);
    expect(body.pulled()).toBeLessThanOrEqual(CHUNK);
  });

  it("answers 413 to a chunked body once it streams past the limit, and reads no further", async () => {
    const body = countingBody(1600);
    const response = await callWebhookRoute(request(body.stream));
    expect(response.status).toBe(413);
    expect(body.pulled()).toBeLessThanOrEqual(LIMIT + 2 * CHUNK);
  });

  it("still accepts a signed body under the limit sent chunked", async () => {
    const webhookId = randomUUID();
    const raw = sample("orders/create");
    const signed = signedWebhook({ topic: "orders/create", shop: INSTALLED, body: raw, webhookId });
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(raw));
        controller.close();
      },
    });
    const response = await callWebhookRoute(
      new Request(signed.url, { method: "POST", headers: signed.headers, body: stream, duplex: "half" } as RequestInit),
    );
    expect(response.status).toBe(200);
    expect((await deliveriesFor(webhookId))[0]?.payload).toBe(raw);
  });
});

describe("an unknown topic", () => {
  it("is acknowledged with 200 and not recorded", async () => {
    const webhookId = randomUUID();
    const request = signedWebhook({ topic: "orders/create", shop: INSTALLED, body: "{}", webhookId });
    request.headers.set("X-Shopify-Topic", "products/create");
    const { ingestWebhook } = await import("./ingest.server");
    expect((await ingestWebhook(request)).status).toBe(200);
    expect(await deliveriesFor(webhookId)).toEqual([]);
  });
});
