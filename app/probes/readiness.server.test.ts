import { describe, expect, it } from "vitest";
import { hideJobStoreForTests } from "~/jobs/runtime.server";
import * as healthz from "~/routes/healthz";
import * as readyz from "~/routes/readyz";
import { allowConsoleError } from "../../tests/support/console-guard";
import { checkReadiness } from "./readiness.server";

describe("the probe routes", () => {
  it("answer GET: /healthz alive, /readyz with the database and the queue reachable", async () => {
    const health = healthz.loader();
    expect([health.status, await health.json()]).toEqual([200, { status: "ok" }]);
    const ready = await readyz.loader();
    expect([ready.status, await ready.json()]).toEqual([200, { database: "ok", queue: "ok" }]);
    expect(ready.headers.get("cache-control")).toBe("no-store");
  });

  it.each([
    ["/healthz", healthz.action],
    ["/readyz", readyz.action],
  ])("%s answers any other method 405 with a clear message and the methods allowed", async (_path, action) => {
    const response = action();
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD");
    expect(await response.text()).toBe("Method not allowed: the probes answer GET and HEAD.");
  });

  it("/readyz answers 503 naming the queue when only the queue's table is gone, with no error text", async () => {
    allowConsoleError(/readiness\.failed/);
    // The queue's table renamed away and back: the database stays reachable, the queue's store does not.
    const restore = await hideJobStoreForTests();
    try {
      const ready = await readyz.loader();
      expect(ready.status).toBe(503);
      expect(await ready.text()).toBe(JSON.stringify({ database: "ok", queue: "unreachable" }));
    } finally {
      await restore();
    }
  });
});

describe("checkReadiness", () => {
  it("counts a probe that does not answer in time as unreachable instead of hanging", async () => {
    allowConsoleError(/readiness\.failed.*no answer within 50 ms/);
    const hung = () => new Promise<void>(() => {});
    const startedAt = Date.now();

    const readiness = await checkReadiness({ database: hung, queue: async () => {} }, 50);

    expect(readiness).toEqual({ status: 503, body: { database: "unreachable", queue: "ok" } });
    expect(Date.now() - startedAt).toBeLessThan(1_000);
  });
});
