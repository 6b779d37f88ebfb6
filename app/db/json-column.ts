import type { Prisma } from "@prisma/client";

// Columns that hold JSON are Prisma `Json`: text on SQLite, jsonb on PostgreSQL
// (docs/decisions/0036-json-columns-are-json.md). Pure helpers, safe in any module.

export type JsonColumn = Prisma.JsonValue;

/**
 * A value for a Json column, as JSON.stringify would keep it (undefined fields dropped, Dates as
 * ISO strings): what the column held when it was text, and a plain JSON value whatever the caller's
 * type. Throws on a value with no JSON form (undefined, a function), which is a bug, not input.
 */
export function toJsonColumn(value: unknown): Prisma.InputJsonValue {
  const text = JSON.stringify(value) as string | undefined;
  if (text === undefined) throw new TypeError("This value has no JSON form");
  return JSON.parse(text) as Prisma.InputJsonValue;
}

/**
 * A Json column the app itself wrote, typed as what it wrote. No check, as when the column was
 * parsed from text: where a reader validated the text, it validates the value instead.
 */
export const fromJsonColumn = <T>(value: JsonColumn): T => value as T;

/**
 * Whether two JSON values are equal. Object keys are compared as a set: jsonb stores an object's
 * keys in its own order (https://www.postgresql.org/docs/current/datatype-json.html), so a value
 * read back need not stringify as it was written.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => sameJson(v, b[i]));
  }
  const left = Object.entries(a).filter(([, v]) => v !== undefined);
  const right = new Map(Object.entries(b).filter(([, v]) => v !== undefined));
  return left.length === right.size && left.every(([k, v]) => right.has(k) && sameJson(v, right.get(k)));
}

/**
 * Writes SQL NULL to a nullable Json column, on both clients. `Prisma.DbNull` cannot: each
 * generated client carries its own runtime and recognises only its own DbNull, and the PostgreSQL
 * client takes @prisma/client's for a plain object and stores `{}`. A plain null is what both
 * runtimes store as NULL (pinned in json-column.test.ts); Prisma's types only admit the sentinel.
 */
export const JSON_DB_NULL = null as unknown as typeof Prisma.DbNull;
