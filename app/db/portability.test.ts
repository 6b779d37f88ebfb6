// What the app relies on from the database, checked on both providers (this file runs in the
// "sqlite" and the "postgresql" project): where SQLite and PostgreSQL differ by default, the app
// must not notice. docs/decisions/0035-one-schema-two-providers.md
import { describe, expect, it } from "vitest";
import { prisma, querySql, sqlDialect } from "~/db.server";
import { recordInstall } from "~/shops/shop-lifecycle.server";

describe("the database under the app", () => {
  it("sends `contains` as LIKE with % and _ as wildcards, so searched columns hold search keys", async () => {
    await prisma.shop.createMany({
      data: ["50%off.myshopify.com", "50xoff.myshopify.com"].map((shop) => ({ shop })),
    });
    const find = async (term: string) =>
      (await prisma.shop.findMany({ where: { shop: { contains: term } }, orderBy: { shop: "asc" } })).map(
        (s) => s.shop,
      );
    // Pinned: if Prisma starts escaping them, searchKey's replacement can go
    // (app/fulfillment/order-filter-fields.ts; the worklist test matches % and _ literally).
    expect(await find("50%off")).toEqual(["50%off.myshopify.com", "50xoff.myshopify.com"]);
  });

  it("compares text case-sensitively, so searches go through lowercased columns (searchKey)", async () => {
    await prisma.shop.create({ data: { shop: "case.myshopify.com", name: "Östergaard Supplies" } });
    const byName = (term: string) => prisma.shop.count({ where: { name: { contains: term } } });
    expect(await byName("Östergaard")).toBe(1);
    // SQLite's LIKE folds ASCII case by default and PostgreSQL's does not; the app never relies on
    // either (app/fulfillment/order-filter-fields.ts). Pinned so a change of default is noticed.
    expect(await byName("östergaard")).toBe(0);
  });

  it("lets concurrent upserts of one key all succeed: a database upsert, not read-then-insert", async () => {
    // Prisma runs `upsert` as INSERT … ON CONFLICT when its where names one unique field with the
    // create's value (https://www.prisma.io/docs/orm/reference/prisma-client-reference#database-upserts);
    // otherwise two racing callers can both insert and one fails with P2002 on PostgreSQL.
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () => recordInstall({ shop: "race.myshopify.com", scopes: "read_orders" })),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(await prisma.shop.count({ where: { shop: "race.myshopify.com" } })).toBe(1);
  });

  it.runIf(sqlDialect === "postgresql")(
    "compresses webhook bodies with lz4 on PostgreSQL, and gives them back byte for byte",
    async () => {
      // prisma/postgresql/migrations/20261205020000_webhook_payload_lz4: pglz cost PostgreSQL more CPU
      // per delivery (docs/benchmarks.md). Needs a server built with lz4 (PostgreSQL 14+).
      const [column] = (await querySql(
        `SELECT attcompression AS method FROM pg_attribute WHERE attrelid = '"WebhookDelivery"'::regclass AND attname = 'payload'`,
      )) as { method: string }[];
      expect(column?.method).toBe("l");
      const payload = JSON.stringify({ id: "9007199254740993", note: "Östergaard ".repeat(2_000) });
      const { id } = await prisma.webhookDelivery.create({
        data: { shop: "lz4.myshopify.com", topic: "orders/create", webhookId: "lz4", payload },
      });
      expect((await prisma.webhookDelivery.findUniqueOrThrow({ where: { id } })).payload).toBe(payload);
    },
  );
});
