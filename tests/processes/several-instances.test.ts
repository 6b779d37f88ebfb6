// The PostgreSQL deployment as it runs in production (issue 12, point 5): the production build,
// 2 web processes and 2 worker processes (`npm start`, `npm run worker`) on one database, and the
// store simulator over HTTP. A burst of signed webhooks for a few shops with automation on is
// spread across both web processes, with duplicates (the same delivery to both at once, and
// Shopify's duplicate: same event id under a new webhook id) and disorder; one worker is killed
// with SIGKILL while it holds a job. Afterwards: every acknowledged delivery was processed, the
// ledger equals Shopify's truth, no Admin mutation was sent twice, nothing was throttled, and each
// schedule ran once per period. Jobs run on pg-boss, as production's do on PostgreSQL.
import "./fixtures/queue-is-pg-boss";
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { AUTOMATION_EVALUATE_JOB, type EvaluatePayload } from "~/automation/runtime/jobs";
import { prisma } from "~/db.server";
import { getJobQueue, stopJobRuntime } from "~/jobs/runtime.server";
import { PROCESS_WEBHOOK_JOB } from "~/webhooks/inbox.server";
import { StoreSimulator } from "../../simulator/store-simulator";
import { WebhookDispatcher } from "../../simulator/webhooks";
import { type AppProcess, spawnAppProcess } from "../support/app-process";
import { turnOnAutomation } from "../support/automation";
import { ledgerView, simulatorView } from "../support/ledger-truth";
import { seedLocations } from "../support/seed";
import { installShop } from "../support/simulator";
import { type SimulatorServer, startSimulatorServer } from "../support/simulator-server";
import { TEST_ENV } from "../support/test-env";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** Inside node_modules, so the bundles resolve their external dependencies as build/processes/ does. */
const ENTRIES = join(ROOT, "node_modules", ".cache", `several-instances-${process.pid}`);
const PRELOAD = fileURLToPath(new URL("./fixtures/shops-via-simulator.ts", import.meta.url));
const SHOPS = ["north.myshopify.com", "south.myshopify.com", "east.myshopify.com"] as const;
const SUBMIT = "FulfillmentOrderSubmitFulfillmentRequest";
const JOB_LEASE_MS = 3_000;
/** The reconcile sweep every 5 s, so that it comes round several times during the test. */
const RECONCILE_INTERVAL_MS = 5_000;
/** Seconds between the two workers' starts: their schedule timers are out of phase. */
const SECOND_WORKER_DELAY_MS = 3_000;

// Several processes sharing one database is the PostgreSQL deployment; SQLite is one process.
const onPostgres = inject("postgresUrl") !== null;

interface Delivery {
  webhookId: string;
  eventId: string;
  topic: string;
  shop: string;
  process: string;
  status: number | null;
}

const processes: AppProcess[] = [];
let sim: StoreSimulator;
let server: SimulatorServer;
let webhooks: WebhookDispatcher;
const posted: Delivery[] = [];
let webPorts: number[] = [];
let firstWorkerStartedAt = 0;

function start(name: string, entry: string, env: Record<string, string> = {}): AppProcess {
  const child = spawnAppProcess(entry, {
    NODE_ENV: "production",
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${PRELOAD}`.trim(),
    FD_TEST_SHOPIFY_ORIGIN: server.origin,
    FD_TEST_PROCESS_NAME: name,
    JOB_LEASE_MS: String(JOB_LEASE_MS),
    JOB_QUEUE: "pg-boss",
    RECONCILE_INTERVAL_MINUTES: String(RECONCILE_INTERVAL_MS / 60_000),
    SHUTDOWN_TIMEOUT_MS: "2000",
    ...env,
  });
  processes.push(child);
  return child;
}

/** POSTs one signed delivery to a web process, and records what it answered. */
async function post(request: Request, webIndex: number): Promise<Response> {
  const url = new URL(request.url);
  const target = `http://127.0.0.1:${webPorts[webIndex]}${url.pathname}`;
  const delivery: Delivery = {
    webhookId: request.headers.get("X-Shopify-Webhook-Id") ?? "",
    eventId: request.headers.get("X-Shopify-Event-Id") ?? "",
    topic: request.headers.get("X-Shopify-Topic") ?? "",
    shop: request.headers.get("X-Shopify-Shop-Domain") ?? "",
    process: `web-${webIndex + 1}`,
    status: null,
  };
  posted.push(delivery);
  const response = await fetch(target, { method: "POST", headers: request.headers, body: await request.text() });
  delivery.status = response.status;
  return response;
}

let sent = 0;
/**
 * Alternates deliveries between the web processes; every third goes to both at once, the same
 * delivery (same webhook id) racing itself, as a retry after a timeout can.
 */
async function spread(request: Request): Promise<Response> {
  sent += 1;
  if (sent % 3 === 0) {
    const [first] = await Promise.all([post(request.clone(), 0), post(request.clone(), 1)]);
    return first;
  }
  return post(request, sent % 2);
}

/**
 * `npm run build`: the Remix app into build/ (where the web entry loads it from), and the process
 * entries beside it at once, into a directory of this run's own (the Remix build empties build/).
 */
async function buildProduction() {
  const run = promisify(execFile);
  await Promise.all([
    run(process.execPath, [join(ROOT, "node_modules/@remix-run/dev/dist/cli.js"), "vite:build"], { cwd: ROOT }),
    run(
      process.execPath,
      [
        join(ROOT, "node_modules/vite/bin/vite.js"),
        "build",
        "--config",
        "vite.processes.config.ts",
        "--outDir",
        ENTRIES,
      ],
      { cwd: ROOT },
    ),
  ]);
}

const settledJobs = async () => {
  const counts = await getJobQueue().jobCounts();
  return counts.queued + counts.running;
};

describe.skipIf(!onPostgres)(
  "several instances: 2 web and 2 worker processes on PostgreSQL (skipped on SQLite: several processes sharing a database is the PostgreSQL deployment)",
  // Ceilings for a loaded machine (the whole suite beside it); a quiet run takes a fraction.
  { timeout: 150_000 },
  () => {
    beforeAll(async () => {
      webhooks = new WebhookDispatcher({
        secret: TEST_ENV.SHOPIFY_API_SECRET,
        apiVersion: "2026-10",
        target: spread,
        mode: "manual",
        retryDelayMs: 50,
      });
      sim = new StoreSimulator({
        apiKey: TEST_ENV.SHOPIFY_API_KEY,
        apiSecret: TEST_ENV.SHOPIFY_API_SECRET,
        webhooks,
      });
      server = await startSimulatorServer(sim);
      await buildProduction();
      const webs = [start("web-1", join(ENTRIES, "web.js"), { PORT: "0" })];
      webs.push(start("web-2", join(ENTRIES, "web.js"), { PORT: "0" }));
      webPorts = await Promise.all(webs.map((web) => web.listening("web")));
    }, 180_000);

    afterAll(async () => {
      for (const child of processes) if (child.child.exitCode === null) child.child.kill("SIGKILL");
      await server?.close();
      await stopJobRuntime();
      rmSync(ENTRIES, { recursive: true, force: true });
    });

    it("processes every acknowledged delivery once, matches Shopify, never mutates twice nor gets throttled, and runs each schedule once per period", async () => {
      // GIVEN three shops with automation on (every 3PL FO is requested automatically)
      const seeds = [];
      for (const shop of SHOPS) {
        await installShop(sim, shop);
        seeds.push({ shop, ...seedLocations(sim, shop) });
        await turnOnAutomation(shop);
      }

      // AND two workers, started seconds apart
      const workers = [start("worker-1", join(ENTRIES, "worker.js"))];
      await workers[0]!.printed("worker: running jobs and schedules");
      firstWorkerStartedAt = Date.now();
      await new Promise((resolve) => setTimeout(resolve, SECOND_WORKER_DELAY_MS));
      workers.push(start("worker-2", join(ENTRIES, "worker.js")));
      await workers[1]!.printed("worker: running jobs and schedules");

      // AND Shopify runs the first automatic request but its answer never reaches the worker
      // that sent it: that worker is about to die holding the job
      server.withholdAnswers((call) => call.operation === SUBMIT && server.withheld.length === 0);

      // WHEN a burst of orders arrives: 3PL orders (requested automatically), warehouse orders,
      // unpaid orders paid later and orders tagged later, all delivered in a shuffled order, with
      // every fifth delivery duplicated by Shopify (new webhook id, same event id)
      for (const [i, s] of seeds.entries()) {
        for (let n = 0; n < 4; n += 1) {
          const order = sim.createOrder(s.shop, {
            lineItems: [{ variantId: n % 2 ? s.tee.id : s.mug.id, quantity: 1 + ((i + n) % 3) }],
            locationId: n === 3 ? s.warehouse.id : s.thirdParty.id,
            financialStatus: n === 2 ? "PENDING" : "PAID",
          });
          if (n === 2) sim.markPaid(order.id);
          if (n === 1) sim.setOrderTags(order.id, ["gift", `batch-${i}`]);
        }
      }
      webhooks.intercept((delivery) => (delivery.id % 5 === 0 ? "duplicate" : undefined));
      const burst = webhooks.flush({ order: "shuffle", seed: 20261203 });

      // AND the worker that sent the first request is killed with SIGKILL while it holds that job
      await expect.poll(() => server.withheld.length, { timeout: 30_000 }).toBe(1);
      const victim = workers.find((_, index) => `worker-${index + 1}` === server.withheld[0]!.process)!;
      victim.child.kill("SIGKILL");
      expect(await victim.exited).toEqual({ code: null, signal: "SIGKILL" });
      // AND the orchestrator starts a replacement, later again: the schedules' timers now run in two
      // processes of three different start times
      workers.push(start("worker-3", join(ENTRIES, "worker.js")));
      await workers[2]!.printed("worker: running jobs and schedules");
      await burst;

      // AND the 3PL accepts what was requested; those webhooks arrive newest first
      const requested = () =>
        SHOPS.flatMap((shop) => sim.snapshot(shop).fulfillmentOrders).filter((fo) => fo.requestStatus === "SUBMITTED");
      await expect.poll(() => requested().length, { timeout: 30_000 }).toBe(SHOPS.length * 3);
      for (const fo of requested()) sim.acceptFulfillmentRequest(fo.id);
      await webhooks.flush({ order: "reverse" });

      // THEN every acknowledged delivery was recorded and processed, and its job succeeded
      await expect.poll(settledJobs, { timeout: 45_000, interval: 500 }).toBe(0);
      const acknowledged = posted.filter((d) => d.status !== null && d.status >= 200 && d.status < 300);
      expect(posted.filter((d) => !acknowledged.includes(d))).toEqual([]);
      const rows = await prisma.webhookDelivery.findMany({
        select: { shop: true, topic: true, eventId: true, status: true },
      });
      const byEvent = new Map(rows.map((row) => [`${row.shop} ${row.topic} ${row.eventId}`, row.status]));
      const unprocessed = acknowledged
        .filter(
          (d) => !["processed", "ignored"].includes(byEvent.get(`${d.shop} ${d.topic} ${d.eventId}`) ?? "missing"),
        )
        .map((d) => ({ ...d, row: byEvent.get(`${d.shop} ${d.topic} ${d.eventId}`) ?? "missing" }));
      expect(unprocessed).toEqual([]);
      const webhookJobs = await getJobQueue().listJobs({ type: PROCESS_WEBHOOK_JOB });
      // (read from pg-boss, where the processes put them: none there would mean another queue ran them)
      expect(webhookJobs.length).toBeGreaterThan(0);
      expect(webhookJobs.filter((job) => job.status !== "succeeded")).toEqual([]);
      expect(await getJobQueue().jobCounts()).toMatchObject({ dead: 0 });

      // AND the ledger equals the simulator's truth, shop by shop
      for (const shop of SHOPS) {
        await expect.poll(() => ledgerView(shop), { timeout: 15_000 }).toEqual(simulatorView(sim, shop));
      }

      // AND no Admin mutation was sent twice: one request per requested FO (the withheld one
      // included, never sent again by the worker that took its job over), nothing else repeated
      const mutations = server.calls.filter((call) => call.mutation);
      const submitted = mutations.filter((call) => call.operation === SUBMIT);
      expect(submitted).toHaveLength(SHOPS.length * 3);
      const keys = mutations.map((call) => `${call.shop} ${call.operation} ${JSON.stringify(call.variables)}`);
      expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
      for (const shop of SHOPS) {
        for (const fo of sim.snapshot(shop).fulfillmentOrders.filter((f) => f.requestStatus !== "UNSUBMITTED")) {
          expect(fo.merchantRequests, fo.id).toHaveLength(1);
        }
      }

      // AND no Admin call was throttled
      expect(server.calls.filter((call) => call.throttled)).toEqual([]);

      // AND the run was the one described: both web processes acknowledged deliveries, the same
      // delivery reached both, Shopify's duplicates repeated an event id, and the withheld request's
      // FO was requested once although its job ran again on the surviving worker
      expect(new Set(acknowledged.map((d) => d.process))).toEqual(new Set(["web-1", "web-2"]));
      const webhookIds = acknowledged.map((d) => d.webhookId);
      expect(webhookIds.some((id, index) => webhookIds.indexOf(id) !== index)).toBe(true);
      const copies = webhooks.deliveries.filter((d) => d.kind === "duplicate");
      expect(copies.length).toBeGreaterThan(0);
      const withheldFo = (server.withheld[0]!.variables as { id: string }).id;
      expect(submitted.filter((call) => (call.variables as { id: string }).id === withheldFo)).toHaveLength(1);
      expect(sim.getFulfillmentOrder(withheldFo).requestStatus).toBe("ACCEPTED");
      const evaluations = await getJobQueue().listJobDetails({ type: AUTOMATION_EVALUATE_JOB });
      const takenOver = evaluations.filter(
        (job) => (job.payload as EvaluatePayload).fulfillmentOrderId === withheldFo && job.attempts > 1,
      );
      expect(takenOver.length).toBeGreaterThan(0);
      expect(takenOver.filter(({ status }) => status !== "succeeded")).toEqual([]);
      // AND no automatic decision is left mid-submission or holding its order's submission lock: the
      // dead worker's one was settled by the worker that took its job over
      const unsettled = await prisma.automationDecision.findMany({
        where: { OR: [{ status: { in: ["submitting", "uncertain"] } }, { activeSubmissionKey: { not: null } }] },
        select: { fulfillmentOrderShopifyId: true, status: true, activeSubmissionKey: true, reason: true },
      });
      expect(unsettled).toEqual([]);

      // AND each schedule ran once per period across both workers, although each worker runs
      // every schedule's timer: the retention prune (on start, then hourly) once, and the reconcile
      // sweep per shop at most once per period elapsed since the first worker started (and at
      // least once, or the check proves nothing)
      const prunes = await getJobQueue().listJobs({ type: "retention.prune" });
      expect
        .soft(
          prunes.map((job) => job.status),
          "retention.prune jobs",
        )
        .toEqual(["succeeded"]);
      const periods = Math.floor((Date.now() - firstWorkerStartedAt) / RECONCILE_INTERVAL_MS) + 1;
      const sweeps = (await getJobQueue().listJobDetails({ type: "reconcile.shop" })).filter(
        (job) => (job.payload as { trigger?: string }).trigger === "scheduled",
      );
      for (const shop of SHOPS) {
        const count = sweeps.filter((job) => job.shop === shop).length;
        expect.soft(count, `scheduled reconcile jobs of ${shop} in ${periods} periods`).toBeGreaterThan(0);
        expect.soft(count, `scheduled reconcile jobs of ${shop} in ${periods} periods`).toBeLessThanOrEqual(periods);
      }
    });
  },
);
