// The web process when its database cannot be reached: it still starts and says it is alive, but
// /readyz fails so the load balancer sends it no traffic, and a webhook is answered 5xx so Shopify
// delivers it again later. In the "sqlite" project the honest "unreachable" is a database file that
// cannot be opened (DATABASE_URL points into a directory that does not exist); in the "postgresql"
// project it is a server that refuses the connection (nothing listens on the port).
import { mkdtempSync, rmSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPostgresUrl } from "~/db/database-url";
import { type AppProcess, PROBE_USER_AGENT, spawnAppProcess } from "../support/app-process";
import { signedWebhook } from "../support/webhook-routes";

let web: AppProcess;
let port: number;
let scratch: string;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), "db-gone-"));
  const onPostgres = isPostgresUrl(process.env.DATABASE_URL ?? "");
  const gone = onPostgres
    ? `postgresql://postgres@127.0.0.1:${await closedPort()}/gone`
    : `file:${join(scratch, "no-such-directory", "app.sqlite")}`;
  web = spawnAppProcess("app/processes/web.server.ts", { NODE_ENV: "development", PORT: "0", DATABASE_URL: gone });
  port = await web.listening("web");
});

afterAll(() => {
  if (web.child.exitCode === null) web.child.kill("SIGKILL");
  rmSync(scratch, { recursive: true, force: true });
});

/** A port nothing listens on: taken from the OS, then released. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port: free } = server.address() as AddressInfo;
      server.close(() => resolve(free));
    });
  });
}

const url = (path: string) => `http://127.0.0.1:${port}${path}`;

describe("the web process without its database", () => {
  it("is alive but not ready, and says which dependency failed without a stack trace", async () => {
    const health = await fetch(url("/healthz"), { headers: { "User-Agent": PROBE_USER_AGENT } });
    expect(health.status).toBe(200);

    const ready = await fetch(url("/readyz"), { headers: { "User-Agent": PROBE_USER_AGENT } });
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ database: "unreachable", queue: "unreachable" });
  });

  it("answers a correctly signed webhook 503 with a short message, so Shopify retries it", async () => {
    const signed = signedWebhook({
      topic: "orders/create",
      shop: "gone.myshopify.com",
      body: JSON.stringify({ id: 1, admin_graphql_api_id: "gid://shopify/Order/1" }),
    });
    const response = await fetch(url("/webhooks/orders/create"), {
      method: "POST",
      headers: signed.headers,
      body: await signed.text(),
    });

    const body = await response.text();
    expect(response.status, body).toBe(503);
    expect(body).toBe("Webhook not recorded: the app cannot reach its database. Shopify will deliver it again.");
  });
});
