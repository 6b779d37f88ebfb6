import { afterEach, describe, expect, it, vi } from "vitest";
import { computeWebhookHmac } from "./sign-webhook";
import { WebhookDispatcher, type WebhookDispatcherOptions } from "./webhook-dispatcher";

type Received = { topic: string; webhookId: string; eventId: string; body: string; url: string; hmac: string };

/** An app stand-in that records what arrives and answers with `respond`. */
function harness(
  opts: Partial<WebhookDispatcherOptions> = {},
  respond: (n: number, r: Received) => Promise<Response> | Response = () => new Response(null, { status: 200 }),
) {
  const received: Received[] = [];
  const dispatcher = new WebhookDispatcher({
    secret: "shh",
    apiVersion: "2026-10",
    retryDelayMs: 1,
    timeoutMs: 200,
    target: async (request) => {
      const r: Received = {
        topic: request.headers.get("x-shopify-topic") ?? "",
        webhookId: request.headers.get("x-shopify-webhook-id") ?? "",
        eventId: request.headers.get("x-shopify-event-id") ?? "",
        hmac: request.headers.get("x-shopify-hmac-sha256") ?? "",
        body: await request.text(),
        url: request.url,
      };
      received.push(r);
      return respond(received.length, r);
    },
    ...opts,
  });
  let n = 0;
  const emit = (topic = "orders/create", payload: unknown = { id: ++n }) =>
    dispatcher.emit({ shop: "a.myshopify.com", topic, payload, triggeredAt: new Date("2026-11-20T10:00:00Z") });
  const ids = () => received.map((r) => (JSON.parse(r.body) as { id: number }).id);
  return { dispatcher, received, emit, ids };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("WebhookDispatcher delivery", () => {
  it("delivers asynchronously after emit, in emit order, signed and addressed per topic", async () => {
    const { dispatcher, received, emit, ids } = harness();
    emit("orders/create");
    emit("orders/paid");
    expect(received).toHaveLength(0);
    await dispatcher.idle();
    expect(ids()).toEqual([1, 2]);
    expect(received.map((r) => r.url)).toEqual([
      "https://fulfillment-desk.test/webhooks/orders/create",
      "https://fulfillment-desk.test/webhooks/orders/paid",
    ]);
    for (const r of received) expect(r.hmac).toBe(computeWebhookHmac("shh", r.body));
    expect(dispatcher.deliveries.map((d) => [d.status, d.attempts])).toEqual([
      ["delivered", 1],
      ["delivered", 1],
    ]);
    expect(dispatcher.deliveries[0]?.deliveredAt).toBeInstanceOf(Date);
  });

  it("posts to baseUrl through the injected fetch, with a custom path", async () => {
    const urls: string[] = [];
    const fetchStub = (async (input: Request | string | URL) => {
      urls.push(input instanceof Request ? input.url : String(input));
      return new Response("ok");
    }) as typeof fetch;
    const dispatcher = new WebhookDispatcher({
      secret: "s",
      apiVersion: "2026-10",
      target: { baseUrl: "http://app.internal/" },
      fetch: fetchStub,
      pathFor: (topic) => `/hooks?topic=${topic}`,
    });
    dispatcher.emit({ shop: "a.myshopify.com", topic: "app/uninstalled", payload: {}, triggeredAt: new Date() });
    await dispatcher.idle();
    expect(urls).toEqual(["http://app.internal/hooks?topic=app/uninstalled"]);
  });

  it("writes ids above 2^53 as exact JSON integers", async () => {
    const { dispatcher, received } = harness();
    dispatcher.emit({
      shop: "a.myshopify.com",
      topic: "orders/delete",
      payload: { id: 820982911946154508n },
      triggeredAt: new Date(),
    });
    await dispatcher.idle();
    expect(received[0]?.body).toBe('{"id":820982911946154508}');
  });

  it("resolves idle() at once when nothing is in flight", async () => {
    await expect(harness().dispatcher.idle()).resolves.toBeUndefined();
  });
});

describe("WebhookDispatcher controls", () => {
  it("duplicateNext delivers the next matching webhook twice: same event id and body, a new webhook id", async () => {
    const { dispatcher, received, emit } = harness();
    dispatcher.duplicateNext(1, "orders/paid");
    emit("orders/create");
    emit("orders/paid");
    emit("orders/paid");
    await dispatcher.idle();
    expect(received.map((r) => r.topic)).toEqual(["orders/create", "orders/paid", "orders/paid", "orders/paid"]);
    const [, first, copy, next] = received;
    expect(copy?.webhookId).not.toBe(first?.webhookId);
    expect(copy?.eventId).toBe(first?.eventId);
    expect(copy?.body).toBe(first?.body);
    expect(next?.webhookId).not.toBe(first?.webhookId);
    expect(dispatcher.deliveries.map((d) => d.kind)).toEqual(["original", "original", "duplicate", "original"]);
  });

  it("dropNext never delivers the next matching webhooks", async () => {
    const { dispatcher, emit, ids } = harness();
    dispatcher.dropNext(2);
    emit();
    emit();
    emit();
    await dispatcher.idle();
    expect(ids()).toEqual([3]);
    expect(dispatcher.deliveries.map((d) => d.status)).toEqual(["dropped", "dropped", "delivered"]);
  });

  it("delayNext lets later webhooks overtake the delayed one", async () => {
    const { dispatcher, emit, ids } = harness();
    dispatcher.delayNext(30, 1, "orders/create");
    emit("orders/create");
    emit("orders/updated");
    expect(dispatcher.deliveries[0]?.status).toBe("delayed");
    await dispatcher.idle();
    expect(ids()).toEqual([2, 1]);
  });

  it("manual mode queues until flush and can replay the batch in reverse", async () => {
    const { dispatcher, emit, ids } = harness({ mode: "manual" });
    for (let i = 0; i < 4; i++) emit();
    expect(dispatcher.queued).toBe(4);
    await new Promise((r) => setTimeout(r, 5));
    expect(ids()).toEqual([]);
    const { webhookIds } = await dispatcher.flush({ order: "reverse" });
    expect(ids()).toEqual([4, 3, 2, 1]);
    expect(webhookIds).toEqual([...dispatcher.deliveries].reverse().map((d) => d.webhookId));
    expect(dispatcher.queued).toBe(0);
  });

  it("shuffles a batch as a seeded, reproducible permutation", async () => {
    const run = async (seed: number) => {
      const h = harness({ mode: "manual" });
      for (let i = 0; i < 8; i++) h.emit();
      const result = await h.dispatcher.flush({ order: "shuffle", seed });
      expect(result.seed).toBe(seed);
      return h.ids();
    };
    const a = await run(42);
    expect(await run(42)).toEqual(a);
    expect([...a].sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(a).not.toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("intercept decides the fate of each webhook the rules leave alone", async () => {
    const { dispatcher, emit, ids } = harness();
    dispatcher.dropNext(1, "orders/paid");
    dispatcher.intercept((d) => {
      const { id } = d.payload as { id: number };
      if (id === 2) return "duplicate";
      if (id === 3) return { delayMs: 20 };
      if (id === 4) return "drop";
      return undefined;
    });
    emit(); // 1: deliver
    emit(); // 2: duplicate
    emit(); // 3: delayed
    emit(); // 4: dropped by interceptor
    emit("orders/paid"); // 5: dropped by rule, interceptor not asked
    emit(); // 6: deliver
    await dispatcher.idle();
    expect(ids()).toEqual([1, 2, 2, 6, 3]);
  });

  it("redeliver re-sends an earlier delivery later with its event id and body under a new webhook id", async () => {
    const { dispatcher, received, emit } = harness();
    emit();
    await dispatcher.idle();
    const first = dispatcher.deliveries[0];
    if (!first) throw new Error("no delivery");
    const again = dispatcher.redeliver(first.webhookId);
    await dispatcher.idle();
    expect(again).toMatchObject({ kind: "redelivery", status: "delivered", eventId: first.eventId });
    expect(again.webhookId).not.toBe(first.webhookId);
    expect(received[1]?.body).toBe(received[0]?.body);
    expect(received[1]?.webhookId).toBe(again.webhookId);
    expect(received[1]?.eventId).toBe(first.eventId);
  });
});

describe("WebhookDispatcher retries", () => {
  it("retries a 500 with the same webhook id until the app answers 2xx", async () => {
    const { dispatcher, received, emit } = harness({}, (n) => new Response(null, { status: n <= 2 ? 500 : 204 }));
    emit();
    await dispatcher.idle();
    expect(received).toHaveLength(3);
    expect(new Set(received.map((r) => r.webhookId)).size).toBe(1);
    expect(dispatcher.deliveries[0]).toMatchObject({ status: "delivered", attempts: 3 });
    expect(dispatcher.deliveries[0]?.history.map((h) => h.status)).toEqual([500, 500, 204]);
  });

  it("gives up after 8 retries and marks the delivery failed", async () => {
    const { dispatcher, received, emit } = harness({}, () => new Response(null, { status: 503 }));
    emit();
    await dispatcher.idle();
    expect(received).toHaveLength(9);
    expect(dispatcher.deliveries[0]).toMatchObject({ status: "failed", attempts: 9, deliveredAt: null });
  });

  it("treats a thrown error and a timeout as failures to retry", async () => {
    const { dispatcher, emit } = harness({ timeoutMs: 20 }, (n) => {
      if (n === 1) throw new Error("connection reset");
      if (n === 2) return new Promise<Response>(() => undefined);
      return new Response(null, { status: 200 });
    });
    emit();
    await dispatcher.idle();
    expect(dispatcher.deliveries[0]?.history.map((h) => h.error ?? h.status)).toEqual([
      "connection reset",
      "timeout",
      200,
    ]);
  });

  it("follows the configured retry schedule (fake timers, Shopify-like hours)", async () => {
    vi.useFakeTimers();
    const { dispatcher, received, emit } = harness(
      { retryDelayMs: [60_000, 120_000] },
      (n) => new Response(null, { status: n < 3 ? 500 : 200 }),
    );
    emit();
    await vi.advanceTimersByTimeAsync(0);
    expect(received).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(59_999);
    expect(received).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(received).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(received).toHaveLength(3);
    expect(dispatcher.deliveries[0]?.status).toBe("delivered");
  });
});

describe("WebhookDispatcher as a property-test driver", () => {
  it("lets a consumer that dedupes by event id apply each surviving webhook exactly once, whatever the chaos", async () => {
    for (const seed of [1, 7, 99]) {
      let state = seed;
      const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
      const applied: number[] = [];
      const seen = new Set<string>();
      const dispatcher = new WebhookDispatcher({
        secret: "s",
        apiVersion: "2026-10",
        mode: "manual",
        retryDelayMs: 1,
        target: async (request) => {
          if (random() < 0.2) return new Response(null, { status: 500 }); // app hiccup: Shopify retries
          // Deduped on the event id: a duplicate may carry a new webhook id.
          const id = request.headers.get("x-shopify-event-id") ?? "";
          if (!seen.has(id)) {
            seen.add(id);
            applied.push((JSON.parse(await request.text()) as { n: number }).n);
          }
          return new Response(null, { status: 200 });
        },
      });
      dispatcher.intercept(() => {
        const r = random();
        return r < 0.1 ? "drop" : r < 0.3 ? "duplicate" : r < 0.4 ? { delayMs: 5 } : "deliver";
      });
      for (let n = 0; n < 20; n++)
        dispatcher.emit({ shop: "a.myshopify.com", topic: "orders/updated", payload: { n }, triggeredAt: new Date() });
      await dispatcher.flush({ order: "shuffle", seed });
      const originals = dispatcher.deliveries.filter((d) => d.kind === "original");
      const delivered = originals.filter((d) => d.status !== "dropped").map((d) => (d.payload as { n: number }).n);
      expect([...applied].sort((a, b) => a - b)).toEqual([...delivered].sort((a, b) => a - b));
    }
  });
});
