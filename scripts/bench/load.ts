// The load generator: closed-loop clients over keep-alive loopback connections. Each of
// `concurrency` clients sends one delivery, waits for the acknowledgement and sends the next,
// until `maxDeliveries` have been sent or `maxSeconds` have passed. With several servers (web
// processes behind a load balancer), client i talks to server i mod n, so the load is spread
// evenly and each server's share is reported apart. Latency is measured from
// writing the request to reading the whole response, as Shopify's 5-second timeout counts it.
import { Agent, request } from "node:http";
import { randomUUID } from "node:crypto";
import { summarizeLatencies, type LatencySummary } from "./stats";
import type { SignedDelivery } from "./webhook-fixture";

export interface LevelOptions {
  urls: URL[];
  concurrency: number;
  maxDeliveries: number;
  maxSeconds: number;
  delivery: SignedDelivery;
}

interface ServerShare extends LatencySummary {
  acknowledged: number;
  perSecond: number;
}

export interface LevelResult extends LatencySummary {
  concurrency: number;
  sent: number;
  acknowledged: number;
  failed: number;
  /** Status codes or error messages of the failures, with counts. */
  failures: Record<string, number>;
  seconds: number;
  perSecond: number;
  /** Per server, in the order of `urls` (one entry when there is one server). */
  perServer: ServerShare[];
}

function post(agent: Agent, url: URL, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "POST", agent, headers }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

export async function runLevel(options: LevelOptions): Promise<LevelResult> {
  const { urls, concurrency, maxDeliveries, maxSeconds, delivery } = options;
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  const perServer = urls.map(() => ({ latencies: [] as number[], acknowledged: 0 }));
  const failures: Record<string, number> = {};
  let sent = 0;
  let acknowledged = 0;
  const started = performance.now();
  const deadline = started + maxSeconds * 1000;

  async function client(_: unknown, index: number): Promise<void> {
    const url = urls[index % urls.length]!;
    const share = perServer[index % urls.length]!;
    while (sent < maxDeliveries && performance.now() < deadline) {
      sent += 1;
      const headers = { ...delivery.headers, "X-Shopify-Webhook-Id": randomUUID(), "X-Shopify-Event-Id": randomUUID() };
      const t0 = performance.now();
      try {
        const status = await post(agent, url, headers, delivery.body);
        const latency = performance.now() - t0;
        latencies.push(latency);
        share.latencies.push(latency);
        if (status === 200) {
          acknowledged += 1;
          share.acknowledged += 1;
        } else failures[`HTTP ${status}`] = (failures[`HTTP ${status}`] ?? 0) + 1;
      } catch (error) {
        const key = error instanceof Error ? error.message : String(error);
        failures[key] = (failures[key] ?? 0) + 1;
      }
    }
  }

  await Promise.all(Array.from({ length: concurrency }, client));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  const failed = Object.values(failures).reduce((a, b) => a + b, 0);
  return {
    concurrency,
    sent,
    acknowledged,
    failed,
    failures,
    seconds,
    perSecond: acknowledged / seconds,
    ...summarizeLatencies(latencies),
    perServer: perServer.map((share) => ({
      acknowledged: share.acknowledged,
      perSecond: share.acknowledged / seconds,
      ...summarizeLatencies(share.latencies),
    })),
  };
}
