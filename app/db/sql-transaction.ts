// A transaction on the database driver itself, below Prisma, for the webhook inbox's write: the one
// statement on the hot path of every delivery (docs/decisions/0049-inbox-writes-through-the-driver.md,
// docs/decisions/0050-sqlite-inbox-writes-through-the-driver.md). Everything else goes through Prisma.

export type SqlDialect = "postgresql" | "sqlite";

/** An open transaction on the driver: each statement runs in it, with bound parameters. */
export interface SqlTransaction {
  readonly dialect: SqlDialect;
  /** Parameters are written `$1`, `$2`, … on PostgreSQL and `?` on SQLite (sqlParameter). */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** Tells a driver transaction from a Prisma interactive one, which has no `executeSql`. */
export function isSqlTransaction(tx: object): tx is SqlTransaction {
  return typeof (tx as Partial<SqlTransaction>).executeSql === "function";
}

/** The placeholder of the `position`-th bound value (from 1), in the order the values are given. */
export function sqlParameter(dialect: SqlDialect, position: number): string {
  return dialect === "postgresql" ? `$${position}` : "?";
}

/** `position`, `position + 1`, … : `count` placeholders, comma-separated. */
export function sqlParameters(dialect: SqlDialect, position: number, count: number): string {
  return Array.from({ length: count }, (_, i) => sqlParameter(dialect, position + i)).join(", ");
}

/**
 * One multi-row `INSERT INTO "table" ("a", "b", …) VALUES (…), (…)`, each row's values in the order of
 * `columns`, with its bound values; `suffix` follows (ON CONFLICT, RETURNING).
 */
export function insertRowsSql(
  dialect: SqlDialect,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  suffix = "",
): { text: string; values: unknown[] } {
  const tuples = rows.map((_, row) => `(${sqlParameters(dialect, row * columns.length + 1, columns.length)})`);
  const names = columns.map((column) => `"${column}"`).join(", ");
  return {
    text: `INSERT INTO "${table}" (${names}) VALUES ${tuples.join(", ")}${suffix && ` ${suffix}`}`,
    values: rows.flat(),
  };
}

/**
 * A DateTime column's value, written as Prisma writes it, so Prisma reads it back and compares it
 * with its own:
 * - PostgreSQL: UTC text. The columns are `timestamp(3)` without a zone; PostgreSQL ignores an offset
 *   given for such a column, and a Date would be sent in the process's zone.
 * - SQLite: ISO 8601 text ending `+00:00`, the default `timestampFormat` of @prisma/adapter-better-sqlite3
 *   6.19 (its `mapArg`). SQLite compares these columns as text, so another spelling of the same
 *   instant would sort wrongly against Prisma's rows.
 */
export function sqlTimestamp(dialect: SqlDialect, date: Date): string {
  const iso = date.toISOString();
  return dialect === "postgresql" ? iso : iso.replace("Z", "+00:00");
}
