// withSqlTransaction (app/db.server.ts): the driver-level transaction of the webhook inbox, on PostgreSQL.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { prisma, withSqlTransaction } from "~/db.server";
import { env } from "~/env.server";
import { isPostgresUrl } from "./database-url";

describe.skipIf(!isPostgresUrl(env.DATABASE_URL))("withSqlTransaction (needs PostgreSQL)", () => {
  const shop = "sql-transaction.myshopify.com";
  const insert = (tx: Parameters<Parameters<typeof withSqlTransaction>[0]>[0], state: string) =>
    tx.executeSql(`INSERT INTO "Session" (id, shop, state, "accessToken") VALUES ($1, $2, $3, 't')`, [
      `${shop}-${state}`,
      shop,
      state,
    ]);

  // First in the file: before any Prisma query, whose adapter adds a listener of its own to the pool.
  it("survives the server closing an idle connection, and opens another for the next transaction", async () => {
    // GIVEN a connection of the pool, idle after a transaction
    const [row] = (await withSqlTransaction((tx) => tx.executeSql("SELECT pg_backend_pid() AS pid"))).rows as {
      pid: number;
    }[];
    // WHEN the server ends it (as a restart or an administrator would)
    const admin = new pg.Client({ connectionString: env.DATABASE_URL });
    await admin.connect();
    try {
      await admin.query("SELECT pg_terminate_backend($1)", [row!.pid]);
    } finally {
      await admin.end();
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    // THEN the process carries on (an unheard error event would have ended it) and the next transaction runs
    const { rows } = await withSqlTransaction((tx) => tx.executeSql("SELECT pg_backend_pid() AS pid"));
    expect((rows[0] as { pid: number }).pid).not.toBe(row!.pid);
  });

  it("commits what the work wrote when it returns, and rolls all of it back when it throws", async () => {
    await withSqlTransaction((tx) => insert(tx, "kept"));
    const failed = withSqlTransaction(async (tx) => {
      await insert(tx, "undone");
      throw new Error("after the insert");
    });
    await expect(failed).rejects.toThrow("after the insert");
    const rows = await prisma.session.findMany({ where: { shop }, select: { state: true } });
    expect(rows).toEqual([{ state: "kept" }]);
    await prisma.session.deleteMany({ where: { shop } });
  });

  it("fails a statement that waits longer than 5 s (here on a row another transaction holds), and rolls back", async () => {
    // GIVEN another connection holding a lock on the row the transaction will want
    const id = `${shop}-held`;
    await prisma.session.create({ data: { id, shop, state: "held", accessToken: "t" } });
    const holder = new pg.Client({ connectionString: env.DATABASE_URL });
    await holder.connect();
    try {
      await holder.query("BEGIN");
      await holder.query(`SELECT 1 FROM "Session" WHERE id = $1 FOR UPDATE`, [id]);

      // WHEN a driver transaction writes something, then waits for that row
      const started = Date.now();
      const waited = withSqlTransaction(async (tx) => {
        await insert(tx, "before-the-wait");
        await tx.executeSql(`UPDATE "Session" SET state = 'mine' WHERE id = $1`, [id]);
      });

      // THEN PostgreSQL cancels the statement after 5 s and nothing of the transaction stays
      await expect(waited).rejects.toThrow(/statement timeout/);
      expect(Date.now() - started).toBeGreaterThanOrEqual(4_900);
      expect(await prisma.session.count({ where: { shop, state: "before-the-wait" } })).toBe(0);
    } finally {
      await holder.query("ROLLBACK");
      await holder.end();
      await prisma.session.deleteMany({ where: { shop } });
    }
  }, 15_000);

  it("gives up waiting for a connection after 2 s, and the connection that comes later goes back to the pool", async () => {
    // GIVEN every connection of the pool held by an open transaction
    const size = env.DATABASE_POOL_SIZE;
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let holding = 0;
    const holders = Array.from({ length: size }, () =>
      withSqlTransaction(async () => {
        holding += 1;
        await gate;
      }),
    );
    await expect.poll(() => holding).toBe(size);

    // WHEN one more transaction asks, THEN it fails with a clear message instead of waiting on
    const started = Date.now();
    await expect(withSqlTransaction(async () => {})).rejects.toThrow(/No database connection within 2000 ms/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
    open();
    await Promise.all(holders);

    // AND the whole pool is usable again at once: all its connections in use together
    let together = 0;
    let allIn!: () => void;
    const barrier = new Promise<void>((resolve) => (allIn = resolve));
    await Promise.all(
      Array.from({ length: size }, () =>
        withSqlTransaction(async (tx) => {
          together += 1;
          if (together === size) allIn();
          await barrier;
          await tx.executeSql("SELECT 1");
        }),
      ),
    );
    expect(together).toBe(size);
  });
});
