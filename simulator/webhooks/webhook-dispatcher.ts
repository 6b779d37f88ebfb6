// Delivers simulator events to the app the way Shopify's HTTPS delivery does:
// signed POSTs, at-least-once, unordered, retried on failure. Test controls
// (manual queue + flush order, drop/duplicate/delay, intercept, redeliver) let
// the app's tests prove its ledger survives that contract.
// Platform rules: https://shopify.dev/docs/apps/build/webhooks/subscribe/https
import { randomUUID } from "node:crypto";
import { orderBatch, type FlushOrder } from "./delivery-order";
import { signWebhook } from "./sign-webhook";
import { serializeWebhookPayload } from "./payload-values";
import type { WebhookEvent, WebhookSink } from "./types";

/** Shopify waits 5 s for a 2xx before counting the attempt as failed. */
const SHOPIFY_TIMEOUT_MS = 5_000;
/** "retried a total of 8 times over 4 hours" (https://shopify.dev/changelog/updates-to-webhook-retry-mechanism). */
const SHOPIFY_MAX_RETRIES = 8;
/** Default: the same shape compressed to milliseconds (1 … 128 ms, 255 ms in total). */
const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [1, 2, 4, 8, 16, 32, 64, 128];

type DeliveryDecision = "deliver" | "drop" | "duplicate" | { delayMs: number };
type DeliveryStatus = "queued" | "delayed" | "sending" | "retrying" | "delivered" | "failed" | "dropped";
type DeliveryKind = "original" | "duplicate" | "redelivery";
type DeliveryAttempt = { at: Date; status: number | null; error?: string };

/** One copy of a webhook travelling to the app (a duplicate or redelivery is its own record). */
type DeliveryRecord = {
  id: number;
  webhookId: string;
  eventId: string;
  topic: string;
  shop: string;
  triggeredAt: Date;
  kind: DeliveryKind;
  status: DeliveryStatus;
  /** HTTP attempts made so far: 1 + retries. */
  attempts: number;
  deliveredAt: Date | null;
  history: DeliveryAttempt[];
  url: string;
  payload: unknown;
  body: string;
  headers: Record<string, string>;
};

type PendingDelivery = Readonly<
  Pick<DeliveryRecord, "id" | "webhookId" | "eventId" | "topic" | "shop" | "triggeredAt" | "payload" | "body">
>;
/** Return undefined to fall through to "deliver". */
type DeliveryInterceptor = (delivery: PendingDelivery) => DeliveryDecision | undefined;

export type WebhookTarget = ((request: Request) => Promise<Response>) | { baseUrl: string };

export type WebhookDispatcherOptions = {
  /** App client secret (`SHOPIFY_API_SECRET`), used for the HMAC. */
  secret: string;
  /** Sent as `X-Shopify-API-Version`. */
  apiVersion: string;
  /** A handler (e.g. the Remix action) or an HTTP base URL reached with `fetch`. */
  target: WebhookTarget;
  /** Default "immediate": each emit is sent asynchronously, in emit order. "manual": queued until flush(). */
  mode?: "immediate" | "manual";
  now?: () => Date;
  /** Default `/webhooks/<topic>`, e.g. `/webhooks/orders/create`. */
  pathFor?: (topic: string) => string;
  fetch?: typeof fetch;
  /** Origin used for the Request URL when `target` is a function. */
  origin?: string;
  /** Per-attempt timeout; default 5000 ms like Shopify. */
  timeoutMs?: number;
  /** Default 8 like Shopify; the record is "failed" after 1 + maxRetries attempts. */
  maxRetries?: number;
  /** Delay before retry n (1-based): constant, list (last value repeats) or function. */
  retryDelayMs?: number | readonly number[] | ((retry: number) => number);
  /** Subscription name for `X-Shopify-Name`; omitted when undefined. */
  subscriptionName?: (topic: string) => string | undefined;
};

type Rule = { decision: DeliveryDecision; remaining: number; topic?: string };

export class WebhookDispatcher implements WebhookSink {
  private readonly options: WebhookDispatcherOptions;
  private readonly log: DeliveryRecord[] = [];
  private readonly queue: DeliveryRecord[] = [];
  private rules: Rule[] = [];
  private interceptor: DeliveryInterceptor | undefined;
  private lane: Promise<void> = Promise.resolve();
  private active = 0;
  private idleWaiters: Array<() => void> = [];
  private nextId = 1;

  constructor(options: WebhookDispatcherOptions) {
    this.options = options;
  }

  /** Every copy sent, dropped or waiting, in creation order (live objects). */
  get deliveries(): readonly DeliveryRecord[] {
    return this.log;
  }

  /** Webhooks waiting for flush() (manual mode). */
  get queued(): number {
    return this.queue.length;
  }

  get mode(): "immediate" | "manual" {
    return this.options.mode ?? "immediate";
  }

  emit(e: WebhookEvent): void {
    const webhookId = randomUUID();
    const signed = signWebhook({
      secret: this.options.secret,
      topic: e.topic,
      shop: e.shop,
      // Serialised now: retries carry the payload as it was when triggered.
      body: serializeWebhookPayload(e.payload),
      apiVersion: this.options.apiVersion,
      webhookId,
      eventId: e.eventId ?? randomUUID(),
      triggeredAt: e.triggeredAt,
      name: this.options.subscriptionName?.(e.topic),
    });
    const record: DeliveryRecord = {
      id: this.nextId++,
      webhookId,
      eventId: signed.headers["X-Shopify-Event-Id"] ?? "",
      topic: e.topic,
      shop: e.shop,
      triggeredAt: e.triggeredAt,
      kind: "original",
      status: "queued",
      attempts: 0,
      deliveredAt: null,
      history: [],
      url: this.urlFor(e.topic),
      payload: e.payload,
      body: signed.body,
      headers: signed.headers,
    };
    this.log.push(record);
    if (this.mode === "manual") this.queue.push(record);
    else this.dispatch(record);
  }

  /**
   * Sends everything queued (manual mode), in the given order, then waits
   * until every delivery, retry and delay has settled. Returns the order used
   * and the shuffle seed, so a failing order can be replayed.
   */
  async flush(opts: { order?: FlushOrder; seed?: number } = {}): Promise<{ webhookIds: string[]; seed: number }> {
    const seed = opts.seed ?? Math.floor(Math.random() * 2 ** 32);
    const batch = orderBatch(this.queue.splice(0), opts.order ?? "fifo", seed);
    for (const record of batch) this.dispatch(record);
    await this.idle();
    return { webhookIds: batch.map((r) => r.webhookId), seed };
  }

  /** Resolves once nothing is sending, delayed or waiting to retry. */
  idle(): Promise<void> {
    if (this.active === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * The next `n` matching webhooks arrive twice: the copy repeats the event id and body under a
   * new webhook id (see `copyOf`).
   */
  duplicateNext(n = 1, topic?: string): this {
    return this.addRule("duplicate", n, topic);
  }

  /** The next `n` matching webhooks are never delivered. */
  dropNext(n = 1, topic?: string): this {
    return this.addRule("drop", n, topic);
  }

  /** The next `n` matching webhooks are held back `ms` before their first attempt. */
  delayNext(ms: number, n = 1, topic?: string): this {
    return this.addRule({ delayMs: ms }, n, topic);
  }

  /**
   * Decides the fate of every webhook not claimed by a *Next rule (rules run
   * first). Pass undefined to remove. Decisions are taken when a webhook
   * leaves the queue: at emit in immediate mode, at flush in manual mode.
   */
  intercept(fn: DeliveryInterceptor | undefined): this {
    this.interceptor = fn;
    return this;
  }

  /** Removes pending *Next rules and the interceptor. */
  clearControls(): this {
    this.rules = [];
    this.interceptor = undefined;
    return this;
  }

  /**
   * Sends an earlier webhook again, now, with its original body and event id under a new webhook
   * id (a duplicate arriving late, see `copyOf`). Bypasses the queue and the controls.
   */
  redeliver(webhookId: string): DeliveryRecord {
    const original = this.log.find((r) => r.webhookId === webhookId);
    if (!original) throw new Error(`No webhook with id ${webhookId}`);
    const copy = this.copyOf(original, "redelivery");
    this.send(copy);
    return copy;
  }

  private addRule(decision: DeliveryDecision, n: number, topic: string | undefined): this {
    if (n > 0) this.rules.push({ decision, remaining: n, topic });
    return this;
  }

  private decide(record: DeliveryRecord): DeliveryDecision {
    const rule = this.rules.find((r) => r.remaining > 0 && (r.topic === undefined || r.topic === record.topic));
    if (rule) {
      rule.remaining -= 1;
      this.rules = this.rules.filter((r) => r.remaining > 0);
      return rule.decision;
    }
    const { id, webhookId, eventId, topic, shop, triggeredAt, payload, body } = record;
    return this.interceptor?.({ id, webhookId, eventId, topic, shop, triggeredAt, payload, body }) ?? "deliver";
  }

  private dispatch(record: DeliveryRecord): void {
    const decision = this.decide(record);
    if (decision === "drop") {
      record.status = "dropped";
    } else if (decision === "duplicate") {
      this.send(record);
      this.send(this.copyOf(record, "duplicate"));
    } else if (decision === "deliver") {
      this.send(record);
    } else {
      record.status = "delayed";
      this.active += 1;
      setTimeout(() => {
        this.send(record);
        this.settle();
      }, decision.delayMs);
    }
  }

  /**
   * A second delivery of the same event. Shopify names `X-Shopify-Event-Id` as the marker of a
   * duplicate (https://shopify.dev/docs/apps/build/webhooks/ignore-duplicates) and does not say the
   * copy keeps its `X-Shopify-Webhook-Id`; the stricter reading is taken: a new webhook id, the same
   * event id and body. Retries of one delivery (`attempt`) keep their webhook id.
   */
  private copyOf(record: DeliveryRecord, kind: DeliveryKind): DeliveryRecord {
    const webhookId = randomUUID();
    const copy: DeliveryRecord = {
      ...record,
      webhookId,
      headers: { ...record.headers, "X-Shopify-Webhook-Id": webhookId },
      id: this.nextId++,
      kind,
      status: "queued",
      attempts: 0,
      deliveredAt: null,
      history: [],
    };
    this.log.push(copy);
    return copy;
  }

  /** Queues one attempt on the serial lane (keeps emit order for first attempts). */
  private send(record: DeliveryRecord): void {
    this.active += 1;
    if (record.status !== "retrying") record.status = "queued";
    this.lane = this.lane.then(() => this.attempt(record));
  }

  private async attempt(record: DeliveryRecord): Promise<void> {
    record.status = "sending";
    record.attempts += 1;
    const result = await this.post(record);
    record.history.push(result);
    if (result.status !== null && result.status >= 200 && result.status < 300) {
      record.status = "delivered";
      record.deliveredAt = result.at;
      this.settle();
      return;
    }
    const retry = record.attempts; // 1-based index of the retry about to be scheduled
    if (retry > (this.options.maxRetries ?? SHOPIFY_MAX_RETRIES)) {
      record.status = "failed";
      this.settle();
      return;
    }
    record.status = "retrying";
    setTimeout(() => {
      this.send(record);
      this.settle();
    }, this.retryDelay(retry));
  }

  private async post(record: DeliveryRecord): Promise<DeliveryAttempt> {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), this.options.timeoutMs ?? SHOPIFY_TIMEOUT_MS);
    });
    try {
      const request = new Request(record.url, {
        method: "POST",
        headers: record.headers,
        body: record.body,
        signal: controller.signal,
      });
      const response = await Promise.race([this.handler()(request), timeout]);
      if (response === "timeout") {
        controller.abort();
        return { at: this.now(), status: null, error: "timeout" };
      }
      void response.body?.cancel().catch(() => undefined);
      return { at: this.now(), status: response.status };
    } catch (error) {
      return { at: this.now(), status: null, error: error instanceof Error ? error.message : String(error) };
    } finally {
      clearTimeout(timer);
    }
  }

  private handler(): (request: Request) => Promise<Response> {
    const { target } = this.options;
    if (typeof target === "function") return target;
    const fetchImpl = this.options.fetch ?? globalThis.fetch;
    return (request) => fetchImpl(request);
  }

  private urlFor(topic: string): string {
    const { target } = this.options;
    const base =
      typeof target === "function" ? (this.options.origin ?? "https://fulfillment-desk.test") : target.baseUrl;
    const path = this.options.pathFor?.(topic) ?? `/webhooks/${topic}`;
    return `${base.replace(/\/+$/, "")}${path.startsWith("/") ? "" : "/"}${path}`;
  }

  private retryDelay(retry: number): number {
    const option = this.options.retryDelayMs ?? DEFAULT_RETRY_DELAYS_MS;
    if (typeof option === "number") return option;
    if (typeof option === "function") return option(retry);
    return option[Math.min(retry, option.length) - 1] ?? 0;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private settle(): void {
    this.active -= 1;
    if (this.active > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
