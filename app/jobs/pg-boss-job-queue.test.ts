// pg-boss specifics the contract suite (job-queue.contract.ts) cannot reach through the interfaces.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { withSqlTransaction } from "~/db.server";
import { isPostgresUrl } from "~/db/database-url";
import { env } from "~/env.server";
import { PGBOSS_SCHEMA, PgBossJobQueue } from "./pg-boss-job-queue.server";

describe.skipIf(!isPostgresUrl(env.DATABASE_URL))(
  "PgBossJobQueue (needs PostgreSQL: skipped on the sqlite project)",
  () => {
    const queue = new PgBossJobQueue({ connectionString: env.DATABASE_URL });

    beforeEach(async () => {
      await queue.sql(`DELETE FROM ${PGBOSS_SCHEMA}.job`);
    });

    afterAll(async () => {
      await queue.close();
    });

    it("sends again when the job holding the key finished between the refused insert and the read of the holder", async () => {
      // GIVEN a job holding the key, which finishes just as a second enqueue with the key is refused
      const holder = await queue.enqueue("read-order", {}, { dedupeKey: "read:1" });
      const sql = queue.sql.bind(queue);
      let finished = false;
      queue.sql = async <T>(text: string, values?: unknown[]): Promise<T[]> => {
        if (!finished && text.includes("singleton_key = $2")) {
          finished = true;
          await sql(`UPDATE ${PGBOSS_SCHEMA}.job SET state = 'completed', completed_on = now() WHERE id = $1`, [
            holder.id,
          ]);
        }
        return sql<T>(text, values);
      };

      // WHEN the key is enqueued again, THEN a new job holds it
      const again = await queue.enqueue("read-order", {}, { dedupeKey: "read:1" });
      queue.sql = sql;

      expect(again.deduplicated).toBe(false);
      expect(again.id).not.toBe(holder.id);
      expect(await queue.pendingDedupeKeys(["read:1"])).toEqual(new Set(["read:1"]));
    });

    it("creates a type's queue once when several processes create it at once", async () => {
      const others = [1, 2, 3].map(() => new PgBossJobQueue({ connectionString: env.DATABASE_URL }));
      try {
        await Promise.all(others.map((other) => other.ensureQueue("created-together")));
        const rows = await queue.sql<{ count: number }>(
          `SELECT count(*)::int AS count FROM ${PGBOSS_SCHEMA}.queue WHERE name = 'created-together'`,
        );
        expect(rows[0]?.count).toBe(1);
      } finally {
        await Promise.all(others.map((other) => other.close()));
      }
    });

    it("enqueues inside a transaction on the driver: the jobs exist if and only if it commits", async () => {
      expect(queue.enqueuesInSqlTransactions).toBe(true);
      // WHEN one transaction commits its jobs and another throws after enqueueing
      await withSqlTransaction(async (tx) => {
        await queue.enqueueWith(tx, "note", { n: 1 }, { shop: "a.myshopify.com" });
        await queue.enqueueManyWith(tx, "note", [{ payload: { n: 2 } }, { payload: { n: 3 } }]);
      });
      const failed = withSqlTransaction(async (tx) => {
        await queue.enqueueManyWith(tx, "note", [{ payload: { n: 4 } }]);
        throw new Error("after the enqueue");
      });
      await expect(failed).rejects.toThrow("after the enqueue");

      // THEN only the committed ones are queued
      const jobs = await queue.listJobDetails({ type: "note", take: 10 });
      expect(jobs.map((job) => (job.payload as { n: number }).n).sort()).toEqual([1, 2, 3]);
    });

    it("refuses a job type pg-boss cannot name a queue by, before touching the database", async () => {
      await expect(queue.enqueue("bad type; drop", {})).rejects.toThrow(/A job type is letters/);
    });
  },
);
