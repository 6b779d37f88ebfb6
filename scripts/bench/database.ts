// SQLite files for the benchmark: migrated once with the project's migrations (the offline
// Prisma recipe, scripts/prisma.mjs), then copied per target so every server starts empty.
import { spawnSync } from "node:child_process";
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";
import { Session } from "@shopify/shopify-api";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import Database from "better-sqlite3";
import { BENCH_SHOP } from "./webhook-fixture";

export type JournalMode = "delete" | "wal";

export function migrateTemplate(root: string, dir: string): string {
  const file = join(dir, "template.sqlite");
  const result = spawnSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${file}` },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`prisma migrate deploy failed:\n${result.stdout}\n${result.stderr}`);
  return file;
}

/**
 * A fresh copy of the migrated template. The journal mode is stored in the file for WAL, so a
 * server that opens it with default settings (as app/db.server.ts does) runs in that mode.
 */
export function freshDatabase(template: string, dir: string, name: string, journal: JournalMode): string {
  const file = join(dir, `${name}.sqlite`);
  copyFileSync(template, file);
  const db = new Database(file);
  db.pragma(`journal_mode = ${journal}`);
  db.close();
  return file;
}

/** The offline session ingest looks up; without it a delivery is acknowledged but not recorded. */
export async function storeBenchSession(file: string): Promise<void> {
  const prisma = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${file}` }) });
  try {
    await new PrismaSessionStorage(prisma).storeSession(
      new Session({
        id: `offline_${BENCH_SHOP}`,
        shop: BENCH_SHOP,
        state: "",
        isOnline: false,
        accessToken: "shpat_bench_not_a_real_token",
        scope: "read_orders,write_orders",
      }),
    );
  } finally {
    await prisma.$disconnect();
  }
}

export interface RecordedCounts {
  deliveries: number;
  jobs: number;
  /** Jobs still queued: all of them when the runner was held. */
  queued: number;
  /** Deliveries without a job pointing at them: the transaction's both-or-neither. */
  orphans: number;
}

export function countRecorded(file: string): RecordedCounts {
  const db = new Database(file, { readonly: true });
  try {
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      deliveries: count(`SELECT COUNT(*) AS n FROM "WebhookDelivery"`),
      jobs: count(`SELECT COUNT(*) AS n FROM "Job" WHERE type = 'webhook.process'`),
      queued: count(`SELECT COUNT(*) AS n FROM "Job" WHERE type = 'webhook.process' AND status = 'queued'`),
      orphans: count(
        `SELECT COUNT(*) AS n FROM "WebhookDelivery"
         WHERE id NOT IN (SELECT json_extract(payload, '$.deliveryId') FROM "Job" WHERE type = 'webhook.process')`,
      ),
    };
  } finally {
    db.close();
  }
}

export function sqliteVersion(): string {
  const db = new Database(":memory:");
  try {
    return (db.prepare("SELECT sqlite_version() AS v").get() as { v: string }).v;
  } finally {
    db.close();
  }
}
