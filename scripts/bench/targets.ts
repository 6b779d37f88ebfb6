// What a run measures. The app and the raw baseline are the figures; the rest (--diagnose) are
// variants that each change one thing, so the report can say what limits the app, with numbers.
import type { JournalMode } from "./database";

export interface Target {
  name: string;
  kind: "app" | "baseline";
  journal: JournalMode;
  env: Record<string, string>;
  description: string;
}

export const APP: Target = {
  name: "app",
  kind: "app",
  journal: "wal",
  env: {},
  description: "the production build as shipped (WAL, synchronous=FULL, job runner off)",
};

export const BASELINE: Target = {
  name: "baseline",
  kind: "baseline",
  journal: "wal",
  env: { BASELINE_DRIVER: "raw" },
  description: "node:http + HMAC + better-sqlite3 transaction (WAL, synchronous=FULL, like the app)",
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
    name: "app-wal",
    kind: "app",
    journal: "wal",
    env: {},
    description: "the app on a database file switched to journal_mode=WAL",
  },
  {
    name: "app-runner",
    kind: "app",
    journal: "delete",
    env: { BENCH_JOB_RUNNER: "running" },
    description: "the app with its job runner running (Admin API refused, so jobs fail and back off)",
  },
];
