import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { Session } from "@shopify/shopify-api";
import { afterEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { withGroupedSessionReads } from "./session-reads.server";
import { readSessionRows } from "./session-rows.server";

const SHOPS = ["grouped-a.myshopify.com", "grouped-b.myshopify.com"];
const offline = (shop: string, token: string) =>
  new Session({ id: `offline_${shop}`, shop, state: "", isOnline: false, accessToken: token });

afterEach(async () => {
  await prisma.session.deleteMany({ where: { shop: { in: SHOPS } } });
});

describe("grouped session reads", () => {
  it("answers reads asked together with one query, each with its own session", async () => {
    const queries: string[][] = [];
    const counting = async (ids: readonly string[]) => {
      queries.push([...ids].sort());
      return readSessionRows(ids);
    };
    const storage = new PrismaSessionStorage(withGroupedSessionReads(prisma, counting));
    await storage.storeSession(offline(SHOPS[0]!, "shpat_a"));
    await storage.storeSession(offline(SHOPS[1]!, "shpat_b"));

    const ids = [SHOPS[0], SHOPS[1], SHOPS[0], "missing.myshopify.com", SHOPS[1], SHOPS[0]].map((s) => `offline_${s}`);
    const sessions = await Promise.all(ids.map((id) => storage.loadSession(id)));

    expect(sessions.map((session) => session?.accessToken)).toEqual([
      "shpat_a",
      "shpat_b",
      "shpat_a",
      undefined,
      "shpat_b",
      "shpat_a",
    ]);
    // Asked together, the six reads share one query (groupWhileBusy waits one turn of the event loop
    // before the first), each id once.
    expect(queries).toEqual([
      ["offline_grouped-a.myshopify.com", "offline_grouped-b.myshopify.com", "offline_missing.myshopify.com"],
    ]);
    expect(sessions[0]).not.toBe(sessions[2]); // each caller gets its own Session object
  });

  it("is not a cache: a read asked after another process's write sees it, even while an earlier read is in flight", async () => {
    const storage = new PrismaSessionStorage(withGroupedSessionReads(prisma));
    const id = `offline_${SHOPS[0]}`;
    await storage.storeSession(offline(SHOPS[0]!, "shpat_old"));

    const earlier = storage.loadSession(id);
    // "Another process": the row is replaced straight through the database, not the storage.
    await prisma.session.update({ where: { id }, data: { accessToken: "shpat_new" } });
    const later = storage.loadSession(id);
    expect((await later)?.accessToken).toBe("shpat_new");
    expect(["shpat_old", "shpat_new"]).toContain((await earlier)?.accessToken);

    const beforeDelete = storage.loadSession(id);
    await prisma.session.delete({ where: { id } });
    expect(await storage.loadSession(id)).toBeUndefined();
    await beforeDelete;
  });

  it("passes any other lookup through unchanged", async () => {
    const client = withGroupedSessionReads(prisma);
    await client.session.create({
      data: { id: `offline_${SHOPS[1]}`, shop: SHOPS[1]!, state: "", isOnline: false, accessToken: "t" },
    });
    const found = await client.session.findUnique({ where: { id: `offline_${SHOPS[1]}` }, select: { shop: true } });
    expect(found).toEqual({ shop: SHOPS[1] });
    expect(await client.session.count({ where: { shop: SHOPS[1] } })).toBe(1);
  });
});
