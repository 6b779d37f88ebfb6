import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { isPostgresUrl } from "~/db/database-url";
import { env } from "~/env.server";

const onSqlite = !isPostgresUrl(env.DATABASE_URL);

/**
 * Another OS process (a deployment's web process next to its worker) inserting a shop into the
 * same database file with better-sqlite3's default busy timeout; resolves with its exit code.
 */
function writeFromAnotherProcess(shop: string): { started: Promise<void>; exited: Promise<number | null> } {
  const betterSqlite = createRequire(import.meta.url).resolve("better-sqlite3");
  const file = env.DATABASE_URL.replace(/^file:/, "");
  const script = `
    const db = new (require(${JSON.stringify(betterSqlite)}))(${JSON.stringify(file)});
    process.stdout.write("open");
    db.prepare('INSERT INTO "Shop" (id, shop, installedAt, updatedAt) SELECT ?, ?, installedAt, updatedAt FROM "Shop" LIMIT 1').run(${JSON.stringify(shop)}, ${JSON.stringify(shop)});
  `;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const started = new Promise<void>((resolve, reject) => {
    child.stdout.once("data", () => resolve());
    void exited.then((code) => reject(new Error(`the other process exited (${code}) before it opened the file`)));
  });
  return { started, exited };
}

describe("the SQLite connection", () => {
  it("keeps a write made elsewhere while a transaction is open when that transaction rolls back", async () => {
    // GIVEN an interactive transaction that pauses between its statements and then fails
    let letItFail!: () => void;
    const paused = new Promise<void>((resolve) => (letItFail = resolve));
    let opened!: () => void;
    const isOpen = new Promise<void>((resolve) => (opened = resolve));
    const failing = prisma.$transaction(async (tx) => {
      await tx.shop.create({ data: { shop: "in-tx.myshopify.com" } });
      opened();
      await paused;
      throw new Error("rolled back");
    });
    await isOpen;
    // WHEN another request writes while it is open
    // (Prisma queries are lazy: .then() sends it now, while the transaction is open.)
    const elsewhere = prisma.shop.create({ data: { shop: "elsewhere.myshopify.com" } }).then((row) => row);
    await new Promise((resolve) => setTimeout(resolve, 20));
    letItFail();
    await expect(failing).rejects.toThrow("rolled back");
    await elsewhere;
    // THEN only the transaction's own write is gone
    const shops = await prisma.shop.findMany({
      where: { shop: { in: ["in-tx.myshopify.com", "elsewhere.myshopify.com"] } },
    });
    expect(shops.map((s) => s.shop)).toEqual(["elsewhere.myshopify.com"]);
  });

  it.skipIf(!onSqlite)(
    "a transaction that reads and then writes is not broken by another process writing in between",
    async () => {
      await prisma.shop.create({ data: { shop: "counted.myshopify.com", name: "0" } });
      let other: ReturnType<typeof writeFromAnotherProcess> | undefined;
      // GIVEN a transaction that reads a row, and another process that writes the file meanwhile
      await prisma.$transaction(async (tx) => {
        const row = await tx.shop.findUniqueOrThrow({ where: { shop: "counted.myshopify.com" } });
        other = writeFromAnotherProcess("other-process.myshopify.com");
        await other.started;
        await new Promise((resolve) => setTimeout(resolve, 300));
        // WHEN it writes what it read
        await tx.shop.update({ where: { id: row.id }, data: { name: String(Number(row.name) + 1) } });
      });
      // THEN both writes land: the other process waited for the transaction instead of breaking it
      expect(await other!.exited).toBe(0);
      const shops = await prisma.shop.findMany({
        where: { shop: { in: ["counted.myshopify.com", "other-process.myshopify.com"] } },
        orderBy: { shop: "asc" },
      });
      expect(shops.map((s) => [s.shop, s.name])).toEqual([
        ["counted.myshopify.com", "1"],
        ["other-process.myshopify.com", null],
      ]);
    },
  );
});
