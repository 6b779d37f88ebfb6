// What a run measures. The app and the raw baseline are the figures; the rest (--diagnose) are
// variants that each change one thing, so the report can say what limits the app, with numbers.
// On PostgreSQL only the targets marked `postgres` run: the others vary SQLite's settings or
// adapters.
import type { JournalMode } from "./database";

export interface Target {
  name: string;
  kind: "app" | "baseline";
  journal: JournalMode;
  env: Record<string, string>;
  description: string;
  /** For the app: run `npm run worker` beside the web processes (production), or leave jobs queued. */
  worker?: boolean;
  postgres?: boolean;
}

export const APP: Target = {
  name: "app",
  kind: "app",
  journal: "wal",
  env: {},
  worker: true,
  postgres: true,
  description:
    "`npm start` (build/processes/web.js) + `npm run worker` (build/processes/worker.js), as production runs",
};

export const BASELINE: Target = {
  name: "baseline",
  kind: "baseline",
  journal: "wal",
  env: { BASELINE_DRIVER: "raw" },
  postgres: true,
  description:
    "node:http + HMAC + one durable transaction (SQLite: better-sqlite3, WAL, synchronous=FULL; PostgreSQL: pg)",
};

export const DIAGNOSTIC_TARGETS: Target[] = [
  {
    name: "baseline-prisma",
    kind: "baseline",
    journal: "delete",
    env: { BASELINE_DRIVER: "prisma" },
    description: "baseline, insert through Prisma + the serialized adapter (inbox.server.ts's transaction)",
  },
  {
    name: "baseline-prisma-batch",
    kind: "baseline",
    journal: "delete",
    env: { BASELINE_DRIVER: "prisma-batch" },
    description:
      "baseline through Prisma, the two creates as a batch $transaction([...]) instead of an interactive one",
  },
  {
    name: "baseline-prisma-group",
    kind: "baseline",
    journal: "delete",
    env: { BASELINE_DRIVER: "prisma-group" },
    description: "baseline through Prisma with group commit (createMany per group of concurrent deliveries)",
  },
  {
    name: "baseline-wal",
    kind: "baseline",
    journal: "wal",
    env: { BASELINE_DRIVER: "raw" },
    description: "baseline, journal_mode=WAL (synchronous=FULL: still one fsync per commit)",
  },
  {
    name: "baseline-wal-normal",
    kind: "baseline",
    journal: "wal",
    env: { BASELINE_DRIVER: "raw", BASELINE_SYNCHRONOUS: "NORMAL" },
    description: "baseline, journal_mode=WAL + synchronous=NORMAL (no fsync per commit)",
  },
  {
    name: "baseline-prisma-wal",
    kind: "baseline",
    journal: "wal",
    env: { BASELINE_DRIVER: "prisma" },
    description: "baseline through Prisma, journal_mode=WAL",
  },
  {
    name: "baseline-prisma-group-wal",
    kind: "baseline",
    journal: "wal",
    env: { BASELINE_DRIVER: "prisma-group" },
    description: "baseline through Prisma with group commit, journal_mode=WAL",
  },
  {
    name: "app-web-only",
    kind: "app",
    journal: "wal",
    env: {},
    worker: false,
    postgres: true,
    description: "the web processes alone, no worker: jobs stay queued (what the worker's share of the machine costs)",
  },
  {
    name: "app-worker-nice-0",
    kind: "app",
    journal: "wal",
    env: { WORKER_NICE: "0" },
    worker: true,
    postgres: true,
    description: "the app with its worker at the web's priority (WORKER_NICE=0): what giving way to the web buys",
  },
];
