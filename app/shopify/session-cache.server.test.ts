import { Session } from "@shopify/shopify-api";
import { afterEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { recordUninstall } from "~/shops/shop-lifecycle.server";
import {
  CachedPrismaSessionStorage,
  forgetShop,
  SESSION_CACHE_TTL_MS,
  sessionStorageFor,
} from "./session-cache.server";

const SHOP = "cached.myshopify.com";
const offline = (token: string) =>
  new Session({ id: `offline_${SHOP}`, shop: SHOP, state: "", isOnline: false, accessToken: token });

let clock = Date.parse("2026-11-22T12:00:00Z");
const storage = new CachedPrismaSessionStorage(prisma, { now: () => clock });

afterEach(async () => {
  forgetShop(SHOP);
  await prisma.session.deleteMany({ where: { shop: SHOP } });
});

describe("the session cache", () => {
  it("serves a loaded session from memory for a few seconds, then reads the database again", async () => {
    await storage.storeSession(offline("shpat_1"));
    expect((await storage.loadSession(`offline_${SHOP}`))?.accessToken).toBe("shpat_1");

    // Another process deletes the row: this one keeps its copy until it expires
    await prisma.session.deleteMany({ where: { shop: SHOP } });
    expect((await storage.loadSession(`offline_${SHOP}`))?.accessToken).toBe("shpat_1");
    clock += SESSION_CACHE_TTL_MS + 1;
    expect(await storage.loadSession(`offline_${SHOP}`)).toBeUndefined();
  });

  it("never keeps a miss, so a shop that just installed is seen at once", async () => {
    expect(await storage.loadSession(`offline_${SHOP}`)).toBeUndefined();
    await prisma.session.create({
      data: { id: `offline_${SHOP}`, shop: SHOP, state: "", isOnline: false, accessToken: "shpat_new" },
    });
    expect((await storage.loadSession(`offline_${SHOP}`))?.accessToken).toBe("shpat_new");
  });

  it("sees its own writes at once: a new token, a deleted session, an uninstall", async () => {
    await storage.storeSession(offline("shpat_1"));
    await storage.loadSession(`offline_${SHOP}`);
    await storage.storeSession(offline("shpat_2"));
    expect((await storage.loadSession(`offline_${SHOP}`))?.accessToken).toBe("shpat_2");

    await storage.deleteSessions([`offline_${SHOP}`]);
    expect(await storage.loadSession(`offline_${SHOP}`)).toBeUndefined();

    await storage.storeSession(offline("shpat_3"));
    await storage.loadSession(`offline_${SHOP}`);
    await recordUninstall(SHOP);
    expect(await storage.loadSession(`offline_${SHOP}`)).toBeUndefined();
  });
});

describe("which session storage a process uses", () => {
  it("reads from the database in production, where another process's session change must be seen at once", async () => {
    const production = sessionStorageFor(prisma, { NODE_ENV: "production" });
    expect(production).not.toBeInstanceOf(CachedPrismaSessionStorage);
    // Another process deletes the session: this one sees it gone on its next read.
    await production.storeSession(offline("shpat_1"));
    expect((await production.loadSession(`offline_${SHOP}`))?.accessToken).toBe("shpat_1");
    await prisma.session.deleteMany({ where: { shop: SHOP } });
    expect(await production.loadSession(`offline_${SHOP}`)).toBeUndefined();
  });

  it("caches in the app's only process (demo, development), and when SESSION_CACHE says so", () => {
    expect(sessionStorageFor(prisma, { NODE_ENV: "development" })).toBeInstanceOf(CachedPrismaSessionStorage);
    expect(sessionStorageFor(prisma, { NODE_ENV: "production", SESSION_CACHE: "on" })).toBeInstanceOf(
      CachedPrismaSessionStorage,
    );
    expect(sessionStorageFor(prisma, { NODE_ENV: "development", SESSION_CACHE: "off" })).not.toBeInstanceOf(
      CachedPrismaSessionStorage,
    );
  });
});
