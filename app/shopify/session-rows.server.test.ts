// The offline-session read on the driver (session-rows.server.ts) must give PrismaSessionStorage the
// very rows Prisma would: every column, on both databases, whatever the process's time zone.
import { afterEach, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { readSessionRows } from "./session-rows.server";

const SHOP = "session-rows.myshopify.com";
const zone = process.env.TZ;

afterEach(async () => {
  process.env.TZ = zone;
  await prisma.session.deleteMany({ where: { shop: SHOP } });
});

it("reads each session exactly as Prisma does, in any time zone", async () => {
  // GIVEN an online session with every column set, and an offline one with only what it needs
  await prisma.session.create({
    data: {
      id: `${SHOP}_online`,
      shop: SHOP,
      state: "state",
      isOnline: true,
      scope: "read_orders,write_fulfillments",
      expires: new Date("2026-12-05T23:59:58.123Z"),
      accessToken: "shpua_x",
      userId: 9007199254740993n, // above 2^53
      firstName: "Ada",
      lastName: "Lovelace",
      email: "ada@example.com",
      accountOwner: true,
      locale: "en-GB",
      collaborator: false,
      emailVerified: true,
      refreshToken: "shprt_x",
      refreshTokenExpires: new Date("2027-01-01T00:00:00.000Z"),
    },
  });
  await prisma.session.create({ data: { id: `offline_${SHOP}`, shop: SHOP, state: "", accessToken: "shpat_x" } });

  // WHEN they are read in a zone far from UTC
  process.env.TZ = "Pacific/Auckland";
  const ids = [`${SHOP}_online`, `offline_${SHOP}`, "offline_missing.myshopify.com"];
  const rows = await readSessionRows(ids);

  // THEN each row equals Prisma's, and a missing id has none
  const expected = await prisma.session.findMany({ where: { id: { in: ids } } });
  const byId = (list: { id: string }[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
  expect(byId(rows)).toEqual(byId(expected));
  expect(rows).toHaveLength(2);
  expect(rows.find((row) => row.isOnline)?.expires?.toISOString()).toBe("2026-12-05T23:59:58.123Z");
});

it("reads nothing for no ids, without a query", async () => {
  expect(await readSessionRows([])).toEqual([]);
});
