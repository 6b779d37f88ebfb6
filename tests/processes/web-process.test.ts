// `npm start`'s entry (app/processes/web.server.ts) as a real process: it serves the app and its probes, never
// runs a job, and drains on SIGTERM.
import { Agent, request as httpRequest } from "node:http";
import type { Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { getJobQueue } from "~/jobs/runtime.server";
import { PROCESS_WEBHOOK_JOB } from "~/webhooks/inbox.server";
import { type AppProcess, PROBE_USER_AGENT, spawnAppProcess } from "../support/app-process";
import { signedWebhook } from "../support/webhook-routes";

let web: AppProcess;
let port: number;
const SHUTDOWN_TIMEOUT_MS = 3_000;

beforeAll(async () => {
  // JOB_RUNNER=on, and NODE_ENV=development, where the app otherwise starts its runner in-process:
  // the web entry still runs no job.
  web = spawnAppProcess("app/processes/web.server.ts", {
    NODE_ENV: "development",
    JOB_RUNNER: "on",
    PORT: "0",
    SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
  });
  port = await web.listening("web");
});

afterAll(() => {
  if (web.child.exitCode === null) web.child.kill("SIGKILL");
});

const url = (path: string) => `http://127.0.0.1:${port}${path}`;

describe("the web process", () => {
  it("answers /healthz and /readyz to a probe's user agent, without Shopify auth", async () => {
    const health = await fetch(url("/healthz"), { headers: { "User-Agent": PROBE_USER_AGENT } });
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });

    const ready = await fetch(url("/readyz"), { headers: { "User-Agent": PROBE_USER_AGENT } });
    expect(ready.status).toBe(200);
    expect(ready.headers.get("cache-control")).toBe("no-store");
    expect(await ready.json()).toEqual({ database: "ok", queue: "ok" });
  });

  it("never runs a queued job nor a schedule, even with JOB_RUNNER=on", async () => {
    // GIVEN a job waiting in the queue the web process shares
    const { id: jobId } = await getJobQueue().enqueue("retention.prune", {});

    // WHEN the process has had many poll intervals to claim it
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    // THEN it is still queued, untouched, and no schedule enqueued anything (the retention prune
    // runs on start wherever schedules run)
    const jobs = (await getJobQueue().listJobs()).map(({ id, status, attempts }) => ({ id, status, attempts }));
    expect(jobs).toEqual([{ id: jobId, status: "queued", attempts: 0 }]);
    expect(web.output()).not.toContain("retention.pruned");
  });

  it("serves Shopify's deliveries to the webhook routes as Remix would, and leaves every other path to Remix", async () => {
    // GIVEN an installed shop (its offline session) and a delivery signed as Shopify signs it, sent
    // with the extra headers a load balancer adds
    const shop = "fast-path.myshopify.com";
    await prisma.session.create({
      data: { id: `offline_${shop}`, shop, state: "", isOnline: false, accessToken: "shpat_fast" },
    });
    const body = '{"id":4503599627370497123,"admin_graphql_api_id":"gid://shopify/Order/4503599627370497123"}';
    const delivery = signedWebhook({ topic: "orders/create", shop, body, webhookId: "fast-1", eventId: "fast-e1" });
    const send = (request: Request, path = "/webhooks/orders/create", init: RequestInit = {}) =>
      fetch(url(path), {
        method: request.method,
        headers: { ...Object.fromEntries(request.headers), "X-Forwarded-For": "203.0.113.7", Via: "1.1 lb" },
        body: request.method === "GET" ? undefined : request.clone().body,
        duplex: "half",
        ...init,
      } as RequestInit);

    // WHEN it arrives twice (a redelivery)
    const first = await send(delivery);
    const again = await send(delivery);

    // THEN both are acknowledged, and one delivery is recorded, byte for byte, with one job
    expect([first.status, again.status]).toEqual([200, 200]);
    const rows = await prisma.webhookDelivery.findMany({ where: { shop } });
    expect(rows.map((row) => [row.topic, row.webhookId, row.eventId, row.payload])).toEqual([
      ["orders/create", "fast-1", "fast-e1", body],
    ]);
    expect(await getJobQueue().listJobs({ shop, type: PROCESS_WEBHOOK_JOB })).toHaveLength(1);

    // AND what the library refuses is refused as before: a wrong signature 401, a GET 405, a body
    // over the limit 413, a topic the app has no route for 404 (Remix's answer)
    const forged = signedWebhook({ topic: "orders/create", shop, body, secret: "not-the-secret" });
    expect((await send(forged)).status).toBe(401);
    expect((await send(signedWebhook({ topic: "orders/create", shop, body, method: "GET" }))).status).toBe(405);
    const huge = await send(delivery, "/webhooks/orders/create", { body: "x".repeat(5 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect(await huge.text()).toMatch(/^Webhook body larger than \d+ bytes refused\.$/);
    expect((await send(delivery, "/webhooks/no/such-topic")).status).toBe(404);
    expect(await prisma.webhookDelivery.count({ where: { shop } })).toBe(1);
  });

  it("on SIGTERM finishes the request in flight, cuts one still open at SHUTDOWN_TIMEOUT_MS, refuses new connections and exits 0", async () => {
    // GIVEN an idle keep-alive connection, a request whose body is still arriving and one whose
    // body never will
    const idle = await new Promise<Socket>((resolve, reject) => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      const req = httpRequest(url("/healthz"), { agent }, (res) => {
        res.resume();
        res.on("end", () => resolve(req.socket as Socket));
      });
      req.on("error", reject).end();
    });
    const idleClosed = new Promise<void>((resolve) => idle.once("close", () => resolve()));
    const finishing = await slowPost();
    const stalled = await slowPost();

    // WHEN the process is told to stop
    const signalledAt = Date.now();
    web.child.kill("SIGTERM");
    await web.printed("web: SIGTERM, shutting down");

    // THEN the idle connection is closed at once, not at its keep-alive timeout, and a new
    // connection is refused
    await idleClosed;
    await expect(fetch(url("/healthz"))).rejects.toThrow();

    // AND the request in flight still gets its answer once its body is in (400: it carries no
    // webhook headers), marked as the connection's last
    finishing.finish();
    const answered = await finishing.response.catch((error: unknown) => {
      throw new Error(`${String(error)}; web printed:\n${web.output()}`);
    });
    expect(answered.status).toBe(400);
    expect(answered.connection).toBe("close");

    // AND the stalled one is cut once SHUTDOWN_TIMEOUT_MS has passed, and the process exits 0
    await expect(stalled.response).rejects.toThrow();
    expect(await web.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalledAt).toBeGreaterThanOrEqual(SHUTDOWN_TIMEOUT_MS);
    expect(web.output()).toContain(`web: requests still open after ${SHUTDOWN_TIMEOUT_MS} ms are cut`);
  });
});

interface SlowPost {
  response: Promise<{ status: number; connection: string | undefined; text: string }>;
  /** Sends the rest of the body. */
  finish(): void;
}

/**
 * A webhook POST whose body is only partly sent, resolved once the server has parsed the request:
 * its "100 Continue" proves the request is in flight, not waiting in the accept queue.
 */
function slowPost(): Promise<SlowPost> {
  const body = "x".repeat(64);
  return new Promise<SlowPost>((started) => {
    const req = httpRequest(url("/webhooks/orders/create"), {
      method: "POST",
      headers: { "Content-Type": "application/json", "Content-Length": body.length, Expect: "100-continue" },
    });
    const response = new Promise<{ status: number; connection: string | undefined; text: string }>(
      (resolve, reject) => {
        req.on("response", (res) => {
          let text = "";
          res.on("data", (chunk: Buffer) => (text += chunk.toString()));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, text }));
        });
        req.on("error", reject);
      },
    );
    // Only the unanswered one is awaited for its rejection; keep the other's from going unhandled.
    response.catch(() => {});
    req.on("continue", () => {
      req.write(body.slice(0, 10));
      started({ response, finish: () => req.end(body.slice(10)) });
    });
  });
}
