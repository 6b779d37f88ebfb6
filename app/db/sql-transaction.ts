// A transaction on the database driver itself, below Prisma: PostgreSQL only, for the webhook
// inbox's write, the one statement on the hot path of every delivery
// (docs/decisions/0049-inbox-writes-through-the-driver.md). Everything else goes through Prisma.

/** An open transaction on the driver: each statement runs in it, with bound parameters ($1, $2, …). */
export interface SqlTransaction {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** Tells a driver transaction from a Prisma interactive one, which has no `executeSql`. */
export function isSqlTransaction(tx: object): tx is SqlTransaction {
  return typeof (tx as Partial<SqlTransaction>).executeSql === "function";
}
