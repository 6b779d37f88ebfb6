// bench:queue-libraries — pg-boss against graphile-worker on one throwaway PostgreSQL cluster, in
// one run, to choose the PostgreSQL job queue (issue 12, docs/decisions/0037-postgresql-job-queue-pg-boss.md).
// Every case runs ROUNDS times per library, alternating which library goes first, each round on a
// fresh database; the report gives every figure and the median.
//
// Cases: single sends; sends inside a Prisma interactive transaction (adapter-pg); a dedupe burst
// (1,000 sends over 100 keys, 10 at a time); enqueue-to-start latency and end-to-end throughput with
// 2 worker processes running no-op jobs; a worker killed with SIGKILL mid-job and the time until the
// job starts again elsewhere. It also proves, and asserts, that a job enqueued inside a Prisma
// transaction that rolls back does not exist.
//
// The same file is the worker process (`--worker <library> <url>`), so both libraries' workers are
// started, configured and timed the same way. Raw SQL here only reads the libraries' own tables
// for the figures; the app never does.
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { cpus, loadavg, totalmem } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import type { PrismaClient } from "@prisma/client";
import { Logger, makeWorkerUtils, run, runMigrations, type WorkerUtils } from "graphile-worker";
import pg from "pg";
import { PgBoss, fromPrisma } from "pg-boss";
import { startCluster } from "../pg-cluster.mjs";
import { percentile } from "./stats";

type Library = "pg-boss" | "graphile-worker";
const LIBRARIES: readonly Library[] = ["pg-boss", "graphile-worker"];

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const SINGLE_SENDS = 1_000;
const TX_SENDS = 500;
/** Web processes serve requests concurrently: transactions enqueueing this many at a time. */
const TX_PARALLEL = 16;
/** The webhook inbox's group commit (ADR 0016): many jobs enqueued in one transaction. */
const TX_BATCHES = 100;
const TX_BATCH_SIZE = 50;
const DEDUPE_SENDS = 1_000;
const DEDUPE_KEYS = 100;
const DEDUPE_PARALLEL = 10;
const LATENCY_JOBS = 200;
const LATENCY_RATE_PER_S = 50;
const E2E_JOBS = 5_000;
/** How long we wait for a killed worker's job to start again before calling it "not re-run". */
const RERUN_WAIT_MS = 30_000;

// Queues / task identifiers. Jobs of ENQUEUE_QUEUE are never worked: they only measure producers.
const ENQUEUE_QUEUE = "bench-enqueue";
const DEDUPE_QUEUE = "bench-dedupe";
const NOOP_QUEUE = "bench-noop";
const SLOW_QUEUE = "bench-slow";

// Worker settings, the same work in flight for both: 4 jobs at a time per process.
const WORKER_CONCURRENCY = 4;
/** pg-boss leases: a job whose worker stops heartbeating is retried; 10 s is the smallest allowed. */
const PGBOSS_HEARTBEAT_S = 10;
/**
 * pg-boss polls a notify-enabled queue only this often (default 30 s): a job retried after a lost
 * heartbeat, or one whose startAfter arrives, sends no NOTIFY and waits for this poll.
 */
const NOTIFY_BACKSTOP_S = Number(process.env.PGBOSS_NOTIFY_BACKSTOP_S ?? 2);

const silentGraphileLogger = new Logger(() => () => {});

// ---------------------------------------------------------------------------------------------
// Worker process
// ---------------------------------------------------------------------------------------------

type WorkerMessage =
  | { kind: "ready" }
  | { kind: "latency"; ms: number }
  | { kind: "slow-started"; pid: number; attempt: number; at: number };

function tell(message: WorkerMessage): void {
  process.send?.(message);
}

interface BenchPayload {
  sentAt?: number;
}

function onNoop(payload: BenchPayload | null): void {
  if (payload?.sentAt) tell({ kind: "latency", ms: Date.now() - payload.sentAt });
}

async function onSlow(attempt: number): Promise<void> {
  tell({ kind: "slow-started", pid: process.pid, attempt, at: Date.now() });
  // Long enough to be killed mid-job; a re-run (attempt > 1) returns at once.
  if (attempt === 1) await sleep(120_000);
}

async function pgBossWorker(url: string): Promise<() => Promise<void>> {
  const boss = new PgBoss({
    connectionString: url,
    useListenNotify: true,
    max: 6,
    schedule: false,
    // Every instance supervises (pg-boss elects one per pass), so a dead worker's job is failed over
    // by whichever instance survives.
    supervise: true,
    superviseIntervalSeconds: 2,
    monitorIntervalSeconds: 2,
  });
  boss.on("error", (error) => console.error("pg-boss worker:", error));
  await boss.start();
  const options = {
    localConcurrency: 1,
    batchSize: WORKER_CONCURRENCY,
    burstWhenBatchFull: true,
    pollingIntervalSeconds: 0.5,
    notifyPollingIntervalSeconds: NOTIFY_BACKSTOP_S,
    perJobResults: true,
  } as const;
  await boss.work<BenchPayload>(NOOP_QUEUE, options, async (jobs) =>
    jobs.map((job) => {
      onNoop(job.data);
      return { id: job.id, status: "completed" as const };
    }),
  );
  await boss.work<BenchPayload>(
    SLOW_QUEUE,
    {
      localConcurrency: 1,
      pollingIntervalSeconds: 0.5,
      notifyPollingIntervalSeconds: NOTIFY_BACKSTOP_S,
      includeMetadata: true,
    },
    async ([job]) => {
      await onSlow((job?.retryCount ?? 0) + 1);
    },
  );
  return () => boss.stop({ graceful: false, close: true });
}

async function graphileWorker(url: string): Promise<() => Promise<void>> {
  const runner = await run({
    connectionString: url,
    concurrency: WORKER_CONCURRENCY,
    maxPoolSize: 6,
    pollInterval: 500,
    noHandleSignals: true,
    logger: silentGraphileLogger,
    taskList: {
      [NOOP_QUEUE]: async (payload) => onNoop(payload as BenchPayload),
      [SLOW_QUEUE]: async (_payload, helpers) => onSlow(helpers.job.attempts),
    },
  });
  return () => runner.stop();
}

async function workerMain(library: Library, url: string): Promise<void> {
  const stop = library === "pg-boss" ? await pgBossWorker(url) : await graphileWorker(url);
  process.on("SIGTERM", () => {
    void stop().finally(() => process.exit(0));
  });
  tell({ kind: "ready" });
}

// ---------------------------------------------------------------------------------------------
// Producers: one interface over both libraries, as the app's adapter would see them
// ---------------------------------------------------------------------------------------------

interface Producer {
  send(queue: string, payload: object): Promise<string>;
  sendMany(queue: string, payloads: object[]): Promise<void>;
  /** Many jobs in one statement inside the caller's transaction. */
  sendManyInTransaction(tx: TransactionClient, queue: string, payloads: object[]): Promise<void>;
  /** Inside the caller's Prisma interactive transaction. */
  sendInTransaction(tx: TransactionClient, queue: string, payload: object): Promise<string>;
  /** Returns the job holding the key while one is queued or running, else a new one. */
  sendDeduped(queue: string, payload: object, key: string): Promise<string>;
  /** Jobs of a queue not yet finished (queued, retrying or running). */
  unfinished(queue: string): Promise<number>;
  /** Jobs of a queue carrying this payload marker, in any state. */
  countMarked(queue: string, marker: string): Promise<number>;
  close(): Promise<void>;
}

// Prisma's type for the transaction client, taken from the SQLite client's types: the PostgreSQL
// client generated from the same models has the same API (app/db.server.ts).
type TransactionClient = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

async function pgBossProducer(url: string, pool: pg.Pool): Promise<Producer> {
  const boss = new PgBoss({ connectionString: url, max: 4, schedule: false, supervise: false });
  boss.on("error", (error) => console.error("pg-boss producer:", error));
  await boss.start();
  await boss.createQueue(ENQUEUE_QUEUE);
  // exclusive: one job per singletonKey while created, retry or active (a unique partial index).
  await boss.createQueue(DEDUPE_QUEUE, { policy: "exclusive" });
  await boss.createQueue(NOOP_QUEUE, { notify: true, retryLimit: 3 });
  await boss.createQueue(SLOW_QUEUE, { notify: true, retryLimit: 3, heartbeatSeconds: PGBOSS_HEARTBEAT_S });
  const must = (id: string | null, what: string): string => {
    if (id === null) throw new Error(`pg-boss ${what} returned null`);
    return id;
  };
  return {
    send: async (queue, payload) => must(await boss.send(queue, payload), "send"),
    sendMany: async (queue, payloads) => {
      await boss.insert(
        queue,
        payloads.map((data) => ({ data })),
      );
    },
    sendInTransaction: async (tx, queue, payload) =>
      must(await boss.send(queue, payload, { db: fromPrisma(tx) }), "send in transaction"),
    sendManyInTransaction: async (tx, queue, payloads) => {
      await boss.insert(
        queue,
        payloads.map((data) => ({ data })),
        { db: fromPrisma(tx) },
      );
    },
    sendDeduped: async (queue, payload, key) => {
      const id = await boss.send(queue, payload, { singletonKey: key });
      if (id !== null) return id;
      // The key is held: send answers null, so the held job is looked up (the contract returns it).
      // findJobs by key lists every retained job with it (completed ones too, oldest first), and
      // `queued` would leave out an active holder: pick the one that holds the key.
      const jobs = await boss.findJobs(queue, { key });
      const held = jobs.find((job) => job.state === "created" || job.state === "retry" || job.state === "active");
      return must(held?.id ?? null, "findJobs for a held key");
    },
    unfinished: async (queue) => {
      const { rows } = await pool.query<{ n: string }>(
        `select count(*) as n from pgboss.job where name = $1 and state in ('created', 'retry', 'active')`,
        [queue],
      );
      return Number(rows[0]!.n);
    },
    countMarked: async (queue, marker) => {
      const { rows } = await pool.query<{ n: string }>(
        `select count(*) as n from pgboss.job where name = $1 and data->>'marker' = $2`,
        [queue, marker],
      );
      return Number(rows[0]!.n);
    },
    close: () => boss.stop({ graceful: false, close: true }),
  };
}

async function graphileProducer(url: string, pool: pg.Pool): Promise<Producer> {
  await runMigrations({ connectionString: url, logger: silentGraphileLogger });
  const utils: WorkerUtils = await makeWorkerUtils({ connectionString: url, logger: silentGraphileLogger });
  return {
    send: async (queue, payload) => (await utils.addJob(queue, payload)).id,
    sendMany: async (queue, payloads) => {
      await utils.addJobs(payloads.map((payload) => ({ identifier: queue, payload })));
    },
    // add_job is a SQL function: called on the transaction's connection, it commits or rolls back
    // with the caller's writes.
    sendInTransaction: async (tx, queue, payload) => {
      const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
        `select id::text as id from graphile_worker.add_job($1::text, $2::json)`,
        queue,
        JSON.stringify(payload),
      );
      return rows[0]!.id;
    },
    // add_jobs takes an array of job_spec rows, built here from one JSON parameter.
    sendManyInTransaction: async (tx, queue, payloads) => {
      const specs = payloads.map((payload) => ({ identifier: queue, payload }));
      await tx.$queryRawUnsafe(
        `select count(*)::int as n from graphile_worker.add_jobs(array(
           select json_populate_record(null::graphile_worker.job_spec, spec) from json_array_elements($1::json) as spec))`,
        JSON.stringify(specs),
      );
    },
    // unsafe_dedupe: while a job (queued, running, or failed and kept) has the key, add_job returns it.
    sendDeduped: async (queue, payload, key) =>
      (await utils.addJob(queue, payload, { jobKey: key, jobKeyMode: "unsafe_dedupe" })).id,
    // Completed jobs are deleted; what is left and not permanently failed is unfinished.
    unfinished: async (queue) => {
      const { rows } = await pool.query<{ n: string }>(
        `select count(*) as n from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
         where t.identifier = $1 and j.attempts < j.max_attempts`,
        [queue],
      );
      return Number(rows[0]!.n);
    },
    countMarked: async (queue, marker) => {
      const { rows } = await pool.query<{ n: string }>(
        `select count(*) as n from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
         where t.identifier = $1 and j.payload->>'marker' = $2`,
        [queue, marker],
      );
      return Number(rows[0]!.n);
    },
    close: async () => {
      await utils.release();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Cases
// ---------------------------------------------------------------------------------------------

interface RoundResult {
  library: Library;
  round: number;
  loadBefore: number;
  singleSendsPerS: number;
  txSendsPerS: number;
  txParallelSendsPerS: number;
  txBatchJobsPerS: number;
  dedupeBurstMs: number;
  dedupeJobsCreated: number;
  dedupeReturnedHeld: boolean;
  latencyP50Ms: number;
  latencyP95Ms: number;
  e2eJobsPerS: number;
  rerunAfterKillMs: number | null;
  rollbackProof: string;
}

/**
 * A Prisma client on adapter-pg: the PostgreSQL client `npm run db:generate` writes next to the
 * SQLite one (docs/decisions/0035-one-schema-two-providers.md), opened on this round's database.
 */
function postgresPrisma(url: string): PrismaClient {
  const generated = fileURLToPath(new URL("../../node_modules/.prisma/client-postgresql/index.js", import.meta.url));
  const { PrismaClient: Client } = createRequire(import.meta.url)(generated) as {
    PrismaClient: new (options: { adapter: PrismaPg }) => PrismaClient;
  };
  return new Client({ adapter: new PrismaPg({ connectionString: url }) });
}

async function timed(action: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await action();
  return performance.now() - started;
}

async function inParallel(count: number, width: number, action: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) await action(next++);
    }),
  );
}

/** The job exists if and only if the transaction that enqueued it commits: asserted, then printed. */
async function proveRollback(prisma: PrismaClient, producer: Producer, library: Library): Promise<string> {
  const rolledBack = `rollback-${library}`;
  const committed = `commit-${library}`;
  await prisma
    .$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`insert into bench_delivery (marker) values ($1)`, rolledBack);
      await producer.sendInTransaction(tx, ENQUEUE_QUEUE, { marker: rolledBack });
      throw new Error("roll back");
    })
    .catch((error: unknown) => {
      if (!(error instanceof Error && error.message === "roll back")) throw error;
    });
  await prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`insert into bench_delivery (marker) values ($1)`, committed);
    await producer.sendInTransaction(tx, ENQUEUE_QUEUE, { marker: committed });
  });
  const jobsRolledBack = await producer.countMarked(ENQUEUE_QUEUE, rolledBack);
  const jobsCommitted = await producer.countMarked(ENQUEUE_QUEUE, committed);
  const rows = await prisma.$queryRawUnsafe<{ marker: string }[]>(`select marker from bench_delivery`);
  const rowsRolledBack = rows.filter((row) => row.marker === rolledBack).length;
  const rowsCommitted = rows.filter((row) => row.marker === committed).length;
  if (jobsRolledBack !== 0 || rowsRolledBack !== 0 || jobsCommitted !== 1 || rowsCommitted !== 1) {
    throw new Error(
      `${library}: enqueue in a transaction is not atomic: rolled back ${rowsRolledBack} row / ${jobsRolledBack} job, committed ${rowsCommitted} row / ${jobsCommitted} job`,
    );
  }
  return "rolled back: 0 rows, 0 jobs; committed: 1 row, 1 job";
}

interface Worker {
  child: ChildProcess;
  ready: Promise<void>;
}

function startWorker(library: Library, url: string, onMessage: (message: WorkerMessage) => void): Worker {
  const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--worker", library, url], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`${library} worker exited (${code}) before it was ready`)));
    child.on("message", (message: WorkerMessage) => {
      if (message.kind === "ready") resolve();
      onMessage(message);
    });
  });
  return { child, ready };
}

async function waitFor(what: string, timeoutMs: number, done: () => Promise<boolean> | boolean): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await done()) return true;
    await sleep(20);
  }
  if (what) throw new Error(`timed out waiting for ${what}`);
  return false;
}

async function runRound(library: Library, round: number, cluster: { url: string; urlFor(db: string): string }) {
  const database = `bench_${library.replace("-", "_")}_${round}`;
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query(`create database ${database}`);
  await admin.end();
  const url = cluster.urlFor(database);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  await pool.query(`create table bench_delivery (id serial primary key, marker text not null)`);
  const prisma = postgresPrisma(url);
  const producer = library === "pg-boss" ? await pgBossProducer(url, pool) : await graphileProducer(url, pool);
  const result: Partial<RoundResult> = { library, round, loadBefore: loadavg()[0]! };
  try {
    const singleMs = await timed(async () => {
      for (let i = 0; i < SINGLE_SENDS; i++) await producer.send(ENQUEUE_QUEUE, { i });
    });
    result.singleSendsPerS = (SINGLE_SENDS / singleMs) * 1000;

    const txMs = await timed(async () => {
      for (let i = 0; i < TX_SENDS; i++) {
        await prisma.$transaction(async (tx) => {
          await tx.$executeRawUnsafe(`insert into bench_delivery (marker) values ($1)`, `tx-${i}`);
          await producer.sendInTransaction(tx, ENQUEUE_QUEUE, { i });
        });
      }
    });
    result.txSendsPerS = (TX_SENDS / txMs) * 1000;
    const txParallelMs = await timed(() =>
      inParallel(TX_SENDS, TX_PARALLEL, async (i) => {
        await prisma.$transaction(
          async (tx) => {
            await tx.$executeRawUnsafe(`insert into bench_delivery (marker) values ($1)`, `txp-${i}`);
            await producer.sendInTransaction(tx, ENQUEUE_QUEUE, { i });
          },
          // More transactions than pool connections: they wait their turn instead of failing.
          { maxWait: 30_000, timeout: 30_000 },
        );
      }),
    );
    result.txParallelSendsPerS = (TX_SENDS / txParallelMs) * 1000;
    const txBatchMs = await timed(async () => {
      for (let batch = 0; batch < TX_BATCHES; batch++) {
        const payloads = Array.from({ length: TX_BATCH_SIZE }, (_, i) => ({ marker: `batch-${batch}`, i }));
        await prisma.$transaction(async (tx) => {
          await tx.$executeRawUnsafe(`insert into bench_delivery (marker) values ($1)`, `batch-${batch}`);
          await producer.sendManyInTransaction(tx, ENQUEUE_QUEUE, payloads);
        });
      }
    });
    const lastBatch = await producer.countMarked(ENQUEUE_QUEUE, `batch-${TX_BATCHES - 1}`);
    if (lastBatch !== TX_BATCH_SIZE)
      throw new Error(`${library}: a batch enqueued ${lastBatch} jobs, not ${TX_BATCH_SIZE}`);
    result.txBatchJobsPerS = ((TX_BATCHES * TX_BATCH_SIZE) / txBatchMs) * 1000;
    result.rollbackProof = await proveRollback(prisma, producer, library);

    const idsByKey = new Map<string, Set<string>>();
    result.dedupeBurstMs = await timed(() =>
      inParallel(DEDUPE_SENDS, DEDUPE_PARALLEL, async (i) => {
        const key = `key-${i % DEDUPE_KEYS}`;
        const id = await producer.sendDeduped(DEDUPE_QUEUE, { i }, key);
        const ids = idsByKey.get(key) ?? new Set<string>();
        ids.add(id);
        idsByKey.set(key, ids);
      }),
    );
    result.dedupeJobsCreated = await producer.unfinished(DEDUPE_QUEUE);
    result.dedupeReturnedHeld = [...idsByKey.values()].every((ids) => ids.size === 1);

    // Two worker processes.
    const latencies: number[] = [];
    const slowStarts: { pid: number; attempt: number; at: number }[] = [];
    const onMessage = (message: WorkerMessage) => {
      if (message.kind === "latency") latencies.push(message.ms);
      if (message.kind === "slow-started") slowStarts.push(message);
    };
    const workers = [startWorker(library, url, onMessage), startWorker(library, url, onMessage)];
    try {
      await Promise.all(workers.map((worker) => worker.ready));
      await sleep(500);

      for (let i = 0; i < LATENCY_JOBS; i++) {
        await producer.send(NOOP_QUEUE, { sentAt: Date.now() });
        await sleep(1000 / LATENCY_RATE_PER_S);
      }
      await waitFor("latency jobs", 60_000, () => latencies.length >= LATENCY_JOBS);
      const sorted = [...latencies].sort((a, b) => a - b);
      result.latencyP50Ms = percentile(sorted, 50);
      result.latencyP95Ms = percentile(sorted, 95);

      const payloads = Array.from({ length: E2E_JOBS }, (_, i) => ({ i }));
      const e2eMs = await timed(async () => {
        await producer.sendMany(NOOP_QUEUE, payloads);
        await waitFor("end-to-end jobs", 300_000, async () => (await producer.unfinished(NOOP_QUEUE)) === 0);
      });
      result.e2eJobsPerS = (E2E_JOBS / e2eMs) * 1000;

      await producer.send(SLOW_QUEUE, {});
      await waitFor("the slow job to start", 30_000, () => slowStarts.length > 0);
      const victim = workers.find((worker) => worker.child.pid === slowStarts[0]!.pid)!;
      const killedAt = Date.now();
      victim.child.kill("SIGKILL");
      const rerun = await waitFor("", RERUN_WAIT_MS, () => slowStarts.length > 1);
      result.rerunAfterKillMs = rerun ? slowStarts[1]!.at - killedAt : null;
    } finally {
      for (const worker of workers) worker.child.kill("SIGKILL");
    }
  } finally {
    await producer.close();
    await prisma.$disconnect();
    await pool.end();
  }
  return result as RoundResult;
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const FIGURES: { label: string; pick: (r: RoundResult) => number | null; digits: number }[] = [
  { label: "single sends / s", pick: (r) => r.singleSendsPerS, digits: 0 },
  { label: "sends in a Prisma transaction, one at a time / s", pick: (r) => r.txSendsPerS, digits: 0 },
  {
    label: `sends in a Prisma transaction, ${TX_PARALLEL} at a time / s`,
    pick: (r) => r.txParallelSendsPerS,
    digits: 0,
  },
  {
    label: `jobs enqueued ${TX_BATCH_SIZE} per Prisma transaction, one statement / s`,
    pick: (r) => r.txBatchJobsPerS,
    digits: 0,
  },
  { label: `dedupe burst, ${DEDUPE_SENDS} sends / ${DEDUPE_KEYS} keys (ms)`, pick: (r) => r.dedupeBurstMs, digits: 0 },
  { label: "dedupe burst: jobs created", pick: (r) => r.dedupeJobsCreated, digits: 0 },
  { label: "enqueue → start p50 (ms)", pick: (r) => r.latencyP50Ms, digits: 1 },
  { label: "enqueue → start p95 (ms)", pick: (r) => r.latencyP95Ms, digits: 1 },
  { label: `end-to-end, 2 workers, ${E2E_JOBS} no-op jobs / s`, pick: (r) => r.e2eJobsPerS, digits: 0 },
  { label: "SIGKILL → job starts again (ms)", pick: (r) => r.rerunAfterKillMs, digits: 0 },
  { label: "load average (1 min) before", pick: (r) => r.loadBefore, digits: 2 },
];

function format(value: number | null, digits: number): string {
  if (value === null) return `not within ${RERUN_WAIT_MS / 1000} s`;
  return value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

function report(results: RoundResult[]): string {
  const lines = [
    `| Case | ${LIBRARIES.map((library) => `${library} median (runs)`).join(" | ")} |`,
    `| --- | ${LIBRARIES.map(() => "---").join(" | ")} |`,
  ];
  for (const figure of FIGURES) {
    const cells = LIBRARIES.map((library) => {
      const values = results.filter((r) => r.library === library).map(figure.pick);
      const numbers = values.filter((value): value is number => value !== null);
      const middle = numbers.length > values.length / 2 ? median(numbers) : null;
      return `${format(middle, figure.digits)} (${values.map((value) => format(value, figure.digits)).join(", ")})`;
    });
    lines.push(`| ${figure.label} | ${cells.join(" | ")} |`);
  }
  return lines.join("\n");
}

async function main(): Promise<void> {
  const cluster = await startCluster();
  try {
    const { rows } = await (async () => {
      const client = new pg.Client({ connectionString: cluster.url });
      await client.connect();
      try {
        return await client.query<{ server_version: string }>("show server_version");
      } finally {
        await client.end();
      }
    })();
    const cpu = cpus()[0]?.model ?? "unknown";
    console.log(
      `machine: ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL ${rows[0]!.server_version}; load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
    );
    const results: RoundResult[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const order = round % 2 ? LIBRARIES : [...LIBRARIES].reverse();
      for (const library of order) {
        const result = await runRound(library, round, cluster);
        console.log(JSON.stringify(result));
        results.push(result);
      }
    }
    for (const library of LIBRARIES) {
      const proofs = new Set(results.filter((r) => r.library === library).map((r) => r.rollbackProof));
      console.log(`In-transaction enqueue, ${library} (asserted every round): ${[...proofs].join("; ")}`);
    }
    console.log(`pg-boss notifyPollingIntervalSeconds: ${NOTIFY_BACKSTOP_S}`);
    console.log(`\n${report(results)}\nload after: ${loadavg()[0]!.toFixed(2)}`);
  } finally {
    cluster.stop();
  }
}

const workerIndex = process.argv.indexOf("--worker");
if (workerIndex >= 0) {
  await workerMain(process.argv[workerIndex + 1] as Library, process.argv[workerIndex + 2]!);
} else {
  await main();
}
