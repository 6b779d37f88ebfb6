// A lock held until the end of the caller's transaction, for read-then-write work that must not
// interleave with itself (the ledger's write of one order: "older never overwrites newer").
//
// - PostgreSQL runs transactions concurrently at READ COMMITTED: two writers of one order can both
//   read the same stored row and the later commit wins, newer or not, or both insert it. A
//   transaction-scoped advisory lock on the key serialises them
//   (https://www.postgresql.org/docs/15/explicit-locking.html#ADVISORY-LOCKS).
// - SQLite has one writer at a time, and our adapter runs one interactive transaction at a time
//   (ADR 0009), so there is nothing to take.
// The only provider-specific SQL in the app (docs/decisions/0035-one-schema-two-providers.md).
import type { Prisma } from "@prisma/client";
import { env } from "~/env.server";
import { isPostgresUrl } from "./database-url";

export async function lockForTransaction(tx: Prisma.TransactionClient, key: string): Promise<void> {
  if (!isPostgresUrl(env.DATABASE_URL)) return;
  // $executeRaw, not $queryRaw: the function returns void, a type the adapter cannot read back.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
}
