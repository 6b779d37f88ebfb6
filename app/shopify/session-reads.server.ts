// Offline-session reads grouped while one is in flight. authenticate.webhook loads the shop's
// offline session on every delivery (@shopify/shopify-app-remix, ensureValidOfflineSession): under a
// burst that was the largest part of a delivery's CPU (docs/benchmarks.md#benchwebhooks). Reads that
// arrive while one is in flight go together in the next one, one query for all their ids, on the
// driver below Prisma (session-rows.server.ts): Prisma compiled each query anew.
//
// Not a cache: every read goes to the database, and every read in a group started before the group's
// query was sent, so a session written or deleted by another process before a read was asked for is
// seen by that read (README.md#production: "a session change in one process is seen by the others
// at once").
//
// PrismaSessionStorage keeps its own row ↔ Session mapping (private), so the grouping sits under it:
// the storage gets a client whose `session.findUnique({ where: { id } })` is grouped, and whose every
// other property is the real client's.
import type { PrismaClient, Session as SessionRow } from "@prisma/client";
import { groupWhileBusy } from "~/db/group-while-busy";
import { readSessionRows } from "./session-rows.server";

type FindUnique = PrismaClient["session"]["findUnique"];

function isLookupById(args: unknown): args is { where: { id: string } } {
  if (typeof args !== "object" || args === null || Object.keys(args).length !== 1) return false;
  const where = (args as { where?: unknown }).where;
  return (
    typeof where === "object" &&
    where !== null &&
    Object.keys(where).length === 1 &&
    typeof (where as { id?: unknown }).id === "string"
  );
}

/**
 * `prisma`, with `session.findUnique({ where: { id } })` grouped while one is in flight and read by
 * `readRows` (the driver's read, or a test's).
 */
export function withGroupedSessionReads(
  prisma: PrismaClient,
  readRows: (ids: readonly string[]) => Promise<SessionRow[]> = readSessionRows,
): PrismaClient {
  const table = prisma.session;
  const readGroup = groupWhileBusy(async (ids: string[]): Promise<(SessionRow | null)[]> => {
    const rows = await readRows([...new Set(ids)]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
  const findUnique = ((args: unknown) =>
    isLookupById(args) ? readGroup(args.where.id) : table.findUnique(args as Parameters<FindUnique>[0])) as FindUnique;
  const session = new Proxy(table, {
    get: (target, property) => (property === "findUnique" ? findUnique : Reflect.get(target, property)),
  });
  return new Proxy(prisma, {
    get: (target, property) => (property === "session" ? session : Reflect.get(target, property)),
  });
}
