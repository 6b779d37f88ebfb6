// `npm start`'s entry (server/web.ts) as a real process: it serves the app and its probes, never
// runs a job, and drains on SIGTERM.
import { Agent, request as httpRequest } from "node:http";
import type { Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { PrismaJobQueue } from "~/jobs/prisma-job-queue.server";
import { type AppProcess, PROBE_USER_AGENT, spawnAppProcess } from "../support/app-process";

let web: AppProcess;
let port: number;

beforeAll(async () => {
  // JOB_RUNNER=on, and NODE_ENV=development, where the app otherwise starts its runner in-process:
  // the web entry still runs no job.
  web = spawnAppProcess("server/web.ts", { NODE_ENV: "development", JOB_RUNNER: "on", PORT: "0" });
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
    const { id: jobId } = await new PrismaJobQueue({ db: prisma }).enqueue("retention.prune", {});

    // WHEN the process has had many poll intervals to claim it
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    // THEN it is still queued, untouched, and no schedule enqueued anything (the retention prune
    // runs on start wherever schedules run)
    const jobs = await prisma.job.findMany({ select: { id: true, status: true, attempts: true } });
    expect(jobs).toEqual([{ id: jobId, status: "queued", attempts: 0 }]);
    expect(web.output()).not.toContain("retention.pruned");
  });

  it("on SIGTERM finishes the request in flight, refuses new connections and exits 0", async () => {
    // GIVEN an idle keep-alive connection, and a request whose body is still arriving
    const idle = await new Promise<Socket>((resolve, reject) => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      const req = httpRequest(url("/healthz"), { agent }, (res) => {
        res.resume();
        res.on("end", () => resolve(req.socket as Socket));
      });
      req.on("error", reject).end();
    });
    const idleClosed = new Promise<void>((resolve) => idle.once("close", () => resolve()));
    const body = "x".repeat(64);
    let finishBody = () => {};
    let inFlight = () => {};
    const response = new Promise<{ status: number; connection: string | undefined; text: string }>(
      (resolve, reject) => {
        const req = httpRequest(url("/webhooks/orders/create"), {
          method: "POST",
          // The server's "100 Continue" proves it has parsed the request: it is in flight, not queued.
          headers: { "Content-Type": "application/json", "Content-Length": body.length, Expect: "100-continue" },
        });
        req.on("response", (res) => {
          let text = "";
          res.on("data", (chunk: Buffer) => (text += chunk.toString()));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, text }));
        });
        req.on("error", reject);
        finishBody = () => req.end(body.slice(10));
        req.on("continue", () => {
          req.write(body.slice(0, 10));
          inFlight();
        });
      },
    );
    await new Promise<void>((resolve) => (inFlight = resolve));

    // WHEN the process is told to stop
    web.child.kill("SIGTERM");
    await web.printed("web: SIGTERM, shutting down");

    // THEN the idle connection is closed at once, not at its keep-alive timeout, and a new
    // connection is refused
    await idleClosed;
    await expect(fetch(url("/healthz"))).rejects.toThrow();

    // AND the request in flight still gets its answer once its body is in (400: it carries no
    // webhook headers), marked as the connection's last, and the process exits 0
    finishBody();
    const answered = await response.catch((error: unknown) => {
      throw new Error(`${String(error)}; web printed:\n${web.output()}`);
    });
    expect(answered.status).toBe(400);
    expect(answered.connection).toBe("close");
    expect(await web.exited).toEqual({ code: 0, signal: null });
  });
});
