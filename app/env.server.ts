import { z } from "zod";
import { isPostgresUrl } from "./db/database-url";
import { assertDemoModeAllowed } from "./demo/demo-guard";

// Validated once at start-up so a missing secret fails loudly, not on the first request.
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  SHOPIFY_API_KEY: z.string().min(1),
  SHOPIFY_API_SECRET: z.string().min(1),
  SHOPIFY_APP_URL: z.string().url(),
  SCOPES: z
    .string()
    .default(
      "read_orders,write_orders,read_merchant_managed_fulfillment_orders,write_merchant_managed_fulfillment_orders,read_third_party_fulfillment_orders,write_third_party_fulfillment_orders,read_locations,read_inventory",
    ),
  DATABASE_URL: z.string().default("file:./prisma/dev.sqlite"),
  /**
   * PostgreSQL: the most connections this process's pool for the app's queries opens (pg-boss
   * keeps its own pool of up to 5). Size the server's `max_connections` for every process's pools.
   */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  SHOP_CUSTOM_DOMAIN: z.string().optional(),
  DEMO_MODE: z.enum(["0", "1"]).default("0"),
  /**
   * `off` keeps the job runner and schedules from starting in this process: jobs are still enqueued
   * and wait for a process that runs them. For web-only processes and benchmarks.
   */
  JOB_RUNNER: z.enum(["on", "off"]).default("on"),
  /**
   * Keep offline sessions in memory for a few seconds (app/shopify/session-cache.server.ts). Only
   * for one process: another process's session change would go unseen until the entry expires.
   * On by default outside production (demo, `shopify app dev`); off in production, where web and
   * worker processes share the database.
   */
  SESSION_CACHE: z.enum(["on", "off"]).optional(),
  /** How often the reconciliation sweep runs per shop (minutes). */
  RECONCILE_INTERVAL_MINUTES: z.coerce.number().positive().optional(),
  /**
   * Largest webhook body accepted (bytes); larger ones answer 413 before they are buffered.
   * Shopify's payloads are far smaller (README.md#privacy-and-data-retention).
   */
  WEBHOOK_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(4 * 1024 * 1024),
  /** Days a processed webhook delivery (its raw payload) is kept; unprocessed ones are never pruned. */
  WEBHOOK_RETENTION_DAYS: z.coerce.number().positive().default(30),
  /**
   * How long a worker may hold a job without a sign of life before another worker takes it over
   * (after a crash or a SIGKILL). Heartbeats renew it while the job runs, so long jobs are safe.
   */
  JOB_LEASE_MS: z.coerce
    .number()
    .int()
    .min(1_000)
    .default(5 * 60_000),
  /**
   * Which queue runs background jobs: `pg-boss` (docs/decisions/0038-pg-boss-job-queue.md) or
   * `embedded` (the `Job` table). Defaults to pg-boss on PostgreSQL and embedded on SQLite;
   * pg-boss needs PostgreSQL.
   */
  JOB_QUEUE: z.enum(["embedded", "pg-boss"]).optional(),
  /** Days a finished (succeeded or cancelled) background job is kept. */
  JOB_RETENTION_DAYS: z.coerce.number().positive().default(14),
});

type Env = Omit<z.infer<typeof EnvSchema>, "JOB_QUEUE"> & { JOB_QUEUE: "embedded" | "pg-boss" };

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}. See README.md#configuration.`);
  }
  // Demo flags outside `npm run demo` stop the process here, at start-up, not on a request.
  assertDemoModeAllowed(parsed.data);
  const postgres = isPostgresUrl(parsed.data.DATABASE_URL);
  const jobQueue = parsed.data.JOB_QUEUE ?? (postgres ? "pg-boss" : "embedded");
  if (jobQueue === "pg-boss" && !postgres) {
    throw new Error(
      "Invalid environment: JOB_QUEUE=pg-boss needs a PostgreSQL DATABASE_URL (postgresql://…); on SQLite use JOB_QUEUE=embedded. See README.md#configuration.",
    );
  }
  return { ...parsed.data, JOB_QUEUE: jobQueue };
}

export const env = readEnv();
