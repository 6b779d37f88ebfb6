// The benchmark's one way to reach PostgreSQL: a throwaway cluster (scripts/pg-cluster.mjs) with
// production's durability, and pg clients on it. Used by the bench process (template, verification)
// and by the baseline server (its insert), so client settings live in one place.
import pg from "pg";
import { startCluster } from "../pg-cluster.mjs";

/**
 * pg-cluster.mjs turns fsync and synchronous_commit off for the test suite's speed; a benchmark of
 * "committed before the 200" must pay for the flush, as a production server does.
 */
const DURABLE = { fsync: "on", synchronous_commit: "on", full_page_writes: "on" };

export interface BenchCluster {
  /** Superuser URL of database `postgres`. */
  url: string;
  urlFor(database: string): string;
  stop(): void;
}

export async function startDurableCluster(): Promise<BenchCluster> {
  return startCluster({ settings: DURABLE });
}

export function pgPool(url: string, max: number): pg.Pool {
  return new pg.Pool({ connectionString: url, max });
}

/** One connection for a few statements, closed whatever happens. */
export async function withPgClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
