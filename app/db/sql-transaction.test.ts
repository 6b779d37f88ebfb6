// withSqlTransaction (app/db.server.ts): the driver-level transaction of the webhook inbox.
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { prisma, withSqlTransaction } from "~/db.server";
import { env } from "~/env.server";
import { isPostgresUrl } from "./database-url";
import { sqlParameter, type SqlTransaction } from "./sql-transaction";

function insertSession(tx: SqlTransaction, shop: string, state: string) {
  const [a, b, c] = [1, 2, 3].map((position) => sqlParameter(tx.dialect, position));
  return tx.executeSql(`INSERT INTO "Session" (id, shop, state, "accessToken") VALUES (${a}, ${b}, ${c}, 't')`, [
    `${shop}-${state}`,
    shop,
    state,
  ]);
}

describe.skipIf(!isPostgresUrl(env.DATABASE_URL))("withSqlTransaction (needs PostgreSQL)", () => {
  const shop = "sql-transaction.myshopify.com";
  const insert = (tx: SqlTransaction, state: string) => insertSession(tx, shop, state);

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

describe.skipIf(isPostgresUrl(env.DATABASE_URL))("withSqlTransaction on SQLite", () => {
  const shop = "sql-transaction-sqlite.myshopify.com";
  const insert = (tx: SqlTransaction, state: string) => insertSession(tx, shop, state);

  it("waits for this process's open Prisma transaction instead of failing on the file's write lock", async () => {
    // GIVEN a Prisma transaction that has written and is still open
    let finish!: () => void;
    const finishing = new Promise<void>((resolve) => (finish = resolve));
    let wrote!: () => void;
    const written = new Promise<void>((resolve) => (wrote = resolve));
    const prismaWork = prisma.$transaction(async (tx) => {
      await tx.session.create({ data: { id: `${shop}-prisma`, shop, state: "prisma", accessToken: "t" } });
      wrote();
      await finishing;
      throw new Error("the Prisma transaction rolls back");
    });
    await written;

    // WHEN a driver transaction starts meanwhile, and then the Prisma one rolls back
    const driverWork = withSqlTransaction((tx) => insert(tx, "driver"));
    await new Promise((resolve) => setTimeout(resolve, 50));
    finish();

    // THEN the driver transaction ran after it, on its own: its row is kept, the other's is not
    await expect(prismaWork).rejects.toThrow("the Prisma transaction rolls back");
    await driverWork;
    const rows = await prisma.session.findMany({ where: { shop }, select: { state: true } });
    expect(rows).toEqual([{ state: "driver" }]);
    await prisma.session.deleteMany({ where: { shop } });
  });

  it("leaves checkpoints to Prisma's connections (the worker's) until the log passes about 40 MB", async () => {
    // WHEN the inbox's connection commits about 12 MB in small transactions, past the default
    // threshold of 1,000 pages (which would checkpoint, then start the log again) several times over
    const state = "x".repeat(16_000);
    for (let batch = 0; batch < 40; batch += 1)
      await withSqlTransaction(async (tx) => {
        for (let i = 0; i < 10; i += 1) await insertSession(tx, shop, `${batch}-${i}-${state}`);
      });
    // THEN no commit of it checkpointed: every frame is still in the log
    const observer = new Database(env.DATABASE_URL.replace(/^file:/, ""));
    try {
      const [frames] = observer.pragma("wal_checkpoint(PASSIVE)") as { log: number }[];
      expect(frames?.log).toBeGreaterThan(2_000);
    } finally {
      observer.close();
      await prisma.session.deleteMany({ where: { shop } });
    }
  });

  describe("while another process holds the file's write lock", () => {
    // A connection of its own stands for the worker process: it holds the lock without waiting.
    const holdWriteLock = () => {
      const other = new Database(env.DATABASE_URL.replace(/^file:/, ""));
      other.exec("BEGIN IMMEDIATE");
      return other;
    };

    it("waits without blocking the event loop, lets this process's reads through, and writes once it is free", async () => {
      const other = holdWriteLock();
      try {
        // WHEN a driver transaction wants to write
        let done = false;
        const write = withSqlTransaction((tx) => insert(tx, "after-the-wait")).then(() => (done = true));
        // THEN timers and Prisma's reads still run meanwhile, and the write waits
        await new Promise((resolve) => setTimeout(resolve, 30));
        expect(await prisma.session.count({ where: { shop } })).toBe(0);
        expect(done).toBe(false);
        // AND once the other process commits, the write goes through
        other.exec("COMMIT");
        await write;
        expect(await prisma.session.count({ where: { shop, state: "after-the-wait" } })).toBe(1);
      } finally {
        if (other.inTransaction) other.exec("ROLLBACK");
        other.close();
        await prisma.session.deleteMany({ where: { shop } });
      }
    });

    it("gives up after 5 s with SQLITE_BUSY, having written nothing", async () => {
      const other = holdWriteLock();
      try {
        const started = Date.now();
        await expect(withSqlTransaction((tx) => insert(tx, "never"))).rejects.toMatchObject({ code: "SQLITE_BUSY" });
        expect(Date.now() - started).toBeGreaterThanOrEqual(4_900);
      } finally {
        other.exec("ROLLBACK");
        other.close();
      }
      expect(await prisma.session.count({ where: { shop } })).toBe(0);
    }, 15_000);
  });
});

// After the describe above: its first test must run before any Prisma query of the file.
it("commits what the work wrote when it returns, and rolls all of it back when it throws", async () => {
  const shop = "sql-transaction-commit.myshopify.com";
  await withSqlTransaction((tx) => insertSession(tx, shop, "kept"));
  const failed = withSqlTransaction(async (tx) => {
    await insertSession(tx, shop, "undone");
    throw new Error("after the insert");
  });
  await expect(failed).rejects.toThrow("after the insert");
  const rows = await prisma.session.findMany({ where: { shop }, select: { state: true } });
  expect(rows).toEqual([{ state: "kept" }]);
  await prisma.session.deleteMany({ where: { shop } });
});
