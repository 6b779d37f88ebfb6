// JSON columns are Prisma Json: text on SQLite, jsonb on PostgreSQL (this file runs in both
// projects). docs/decisions/0036-json-columns-are-json.md
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { Prisma, PrismaClient } from "@prisma/client";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { isPostgresUrl } from "./database-url";
import { JSON_DB_NULL, sameJson, toJsonColumn } from "./json-column";
import { SerializedSQLiteAdapterFactory } from "./serialized-sqlite-adapter.server";

const onPostgres = isPostgresUrl(process.env.DATABASE_URL ?? "");

const actionRequest = (idempotencyKey: string, result: Prisma.InputJsonValue) =>
  prisma.actionRequest.create({ data: { shop: "json.myshopify.com", idempotencyKey, intent: "fulfil", result } });

describe("Json columns", () => {
  it("store a value and read it back as that value, not as text", async () => {
    const row = await actionRequest("value", { ok: true, lines: [{ id: "a", quantity: 2 }], note: null });

    const back = await prisma.actionRequest.findUniqueOrThrow({ where: { id: row.id } });
    expect(back.result).toEqual({ ok: true, lines: [{ id: "a", quantity: 2 }], note: null });
  });

  it("compare by value: jsonb may hand an object's keys back in another order", async () => {
    const written = { zeta: 1, alpha: { y: 2, b: 3 } };
    const row = await actionRequest("order", written);

    const back = (await prisma.actionRequest.findUniqueOrThrow({ where: { id: row.id } })).result;
    expect(sameJson(back, written)).toBe(true);
    // PostgreSQL's jsonb orders keys by length, then bytes
    // (https://www.postgresql.org/docs/current/datatype-json.html): text comparison would see a change.
    if (onPostgres) expect(JSON.stringify(back)).not.toBe(JSON.stringify(written));
  });

  it("write SQL NULL with JSON_DB_NULL on both clients", async () => {
    const row = await actionRequest("null", { ok: true });

    await prisma.actionRequest.update({ where: { id: row.id }, data: { result: JSON_DB_NULL } });

    expect((await prisma.actionRequest.findUniqueOrThrow({ where: { id: row.id } })).result).toBeNull();
    expect(await prisma.actionRequest.count({ where: { id: row.id, result: { equals: JSON_DB_NULL } } })).toBe(1);
  });

  it("pins why: @prisma/client's DbNull is not the PostgreSQL client's, which stores it as {}", async () => {
    const row = await actionRequest("dbnull", { ok: true });

    await prisma.actionRequest.update({ where: { id: row.id }, data: { result: Prisma.DbNull } });

    // Each generated client carries its own runtime and knows only its own sentinel. If this starts
    // reading null on PostgreSQL too, Prisma.DbNull has become safe to use.
    const back = (await prisma.actionRequest.findUniqueOrThrow({ where: { id: row.id } })).result;
    expect(back).toEqual(onPostgres ? {} : null);
  });
});

describe("toJsonColumn and sameJson", () => {
  it("keep what JSON.stringify kept when the columns were text", () => {
    expect(toJsonColumn({ a: undefined, at: new Date("2026-12-03T00:00:00Z"), n: [1, null] })).toEqual({
      at: "2026-12-03T00:00:00.000Z",
      n: [1, null],
    });
    expect(() => toJsonColumn(undefined)).toThrow(TypeError);
  });

  it("ignore key order, not array order or values", () => {
    expect(sameJson({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: 1 }, { a: "1" })).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameJson([], {})).toBe(false);
    expect(sameJson(null, {})).toBe(false);
  });
});

// SQLite databases out there hold these columns as text written by JSON.stringify; the
// json_columns migration rebuilds the tables. PostgreSQL's baseline shipped nowhere before the
// change, so it was regenerated instead (ADR 0036): there is no PostgreSQL data to carry.
describe.skipIf(onPostgres)("the SQLite json_columns migration", () => {
  const dir = mkdtempSync(join(tmpdir(), "fd-json-migration-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps text written before it, and Prisma reads it back as the value", async () => {
    const root = join(process.cwd(), "prisma", "migrations");
    const folders = readdirSync(root, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    const target = folders.findIndex((name) => name.endsWith("_json_columns"));
    expect(target).toBeGreaterThan(0);
    const file = join(dir, "old.sqlite");
    const db = new Database(file);
    const apply = (name: string) => db.exec(readFileSync(join(root, name, "migration.sql"), "utf8"));
    folders.slice(0, target).forEach(apply);
    // GIVEN rows as the app wrote them before: JSON text, and NULL for no result
    const now = Date.now();
    db.prepare(
      `INSERT INTO "Order" (id, shop, shopifyId, name, placedAt, shopifyUpdatedAt, updatedAt) VALUES ('o1', 's', 'gid://shopify/Order/1', '#1', ?, ?, ?)`,
    ).run(now, now, now);
    db.prepare(
      `INSERT INTO "FulfillmentOrder" (id, shop, shopifyId, orderId, orderShopifyId, status, requestStatus, holds, lineItems, openedAt, shopifyUpdatedAt, updatedAt) VALUES ('f1', 's', 'gid://shopify/FulfillmentOrder/1', 'o1', 'gid://shopify/Order/1', 'OPEN', 'UNSUBMITTED', ?, ?, ?, ?, ?)`,
    ).run(
      JSON.stringify([{ id: "gid://shopify/FulfillmentHold/1", reason: "OTHER", heldByRequestingApp: true }]),
      JSON.stringify([{ id: "l1", sku: "SKU-1", remainingQuantity: 2 }]),
      now,
      now,
      now,
    );
    db.prepare(
      `INSERT INTO "ActionRequest" (id, shop, idempotencyKey, intent, status, result, updatedAt) VALUES ('a1', 's', 'k1', 'fulfil', 'succeeded', ?, ?), ('a2', 's', 'k2', 'fulfil', 'failed', NULL, ?)`,
    ).run(JSON.stringify({ ok: true }), now, now);
    // WHEN the migration runs
    apply(folders[target]!);
    db.close();

    // THEN Prisma reads the values, the defaults of untouched columns included
    const client = new PrismaClient({ adapter: new SerializedSQLiteAdapterFactory({ url: `file:${file}` }) });
    try {
      expect(
        await client.fulfillmentOrder.findUniqueOrThrow({
          where: { id: "f1" },
          select: { holds: true, lineItems: true, supportedActions: true },
        }),
      ).toEqual({
        holds: [{ id: "gid://shopify/FulfillmentHold/1", reason: "OTHER", heldByRequestingApp: true }],
        lineItems: [{ id: "l1", sku: "SKU-1", remainingQuantity: 2 }],
        supportedActions: [],
      });
      const requests = await client.actionRequest.findMany({ orderBy: { id: "asc" }, select: { result: true } });
      expect(requests.map((r) => r.result)).toEqual([{ ok: true }, null]);
    } finally {
      await client.$disconnect();
    }
  });
});
