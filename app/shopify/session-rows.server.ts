// The offline-session read of every webhook, on the driver below Prisma
// (docs/decisions/0050-sqlite-inbox-writes-through-the-driver.md). Through Prisma, compiling this one
// query cost about a quarter of the web process's CPU per delivery on SQLite (docs/benchmarks.md).
// The rows are the ones Prisma would return (PrismaSessionStorage maps them to Session objects).
import type { Session as SessionRow } from "@prisma/client";
import { querySql, sqlDialect } from "~/db.server";
import { sqlParameters } from "~/db/sql-transaction";

// Cast so that both databases answer alike: text for timestamps and 64-bit integers, integers for
// booleans (node-postgres would parse a zoneless timestamp in the process's zone, and an int8 as
// text; better-sqlite3 would lose an integer above 2^53). PostgreSQL's timestamp text follows the
// server's DateStyle, so it is formatted explicitly; SQLite's is the text Prisma stored.
const asText = (column: string) =>
  sqlDialect === "postgresql" ? `to_char("${column}", 'YYYY-MM-DD"T"HH24:MI:SS.MS')` : `CAST("${column}" AS TEXT)`;
const SELECT = `SELECT "id", "shop", "state", CAST("isOnline" AS INTEGER) AS "isOnline", "scope",
  ${asText("expires")} AS "expires", "accessToken", CAST("userId" AS TEXT) AS "userId", "firstName",
  "lastName", "email", CAST("accountOwner" AS INTEGER) AS "accountOwner", "locale",
  CAST("collaborator" AS INTEGER) AS "collaborator", CAST("emailVerified" AS INTEGER) AS "emailVerified",
  "refreshToken", ${asText("refreshTokenExpires")} AS "refreshTokenExpires" FROM "Session"`;

interface RawRow extends Omit<
  SessionRow,
  "isOnline" | "expires" | "userId" | "accountOwner" | "collaborator" | "emailVerified" | "refreshTokenExpires"
> {
  isOnline: number;
  expires: string | null;
  userId: string | null;
  accountOwner: number | null;
  collaborator: number | null;
  emailVerified: number | null;
  refreshTokenExpires: string | null;
}

/** The Session rows with these ids, in no particular order (a missing id has no row). */
export async function readSessionRows(ids: readonly string[]): Promise<SessionRow[]> {
  if (ids.length === 0) return [];
  const list = sqlParameters(sqlDialect, 1, ids.length);
  const rows = (await querySql(`${SELECT} WHERE "id" IN (${list})`, [...ids])) as RawRow[];
  return rows.map((row) => ({
    ...row,
    isOnline: row.isOnline !== 0,
    expires: timestamp(row.expires),
    userId: row.userId === null ? null : BigInt(row.userId),
    accountOwner: flag(row.accountOwner),
    collaborator: flag(row.collaborator),
    emailVerified: flag(row.emailVerified),
    refreshTokenExpires: timestamp(row.refreshTokenExpires),
  }));
}

const flag = (value: number | null) => (value === null ? null : value !== 0);

/**
 * A DateTime as Prisma wrote it, read back as text: `2026-12-05T01:02:03.456` (PostgreSQL, UTC
 * without a zone), `2026-12-05T01:02:03.456+00:00` (SQLite, @prisma/adapter-better-sqlite3's
 * iso8601), or milliseconds since the epoch (SQLite rows written with its `unixepoch-ms` format).
 */
function timestamp(value: string | null): Date | null {
  if (value === null) return null;
  if (/^-?\d+$/.test(value)) return new Date(Number(value));
  const date = new Date(/(Z|[+-]\d\d:\d\d)$/.test(value) ? value : `${value}Z`);
  if (Number.isNaN(date.getTime())) throw new Error(`Unreadable timestamp in the Session table: ${value}`);
  return date;
}
