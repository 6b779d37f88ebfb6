// The database as a whole, for /readyz and shutdown. The probe reads one row of the sessions table
// through Prisma, not raw SQL, so it asks the same question on SQLite and PostgreSQL: can this
// process open the database and read a table every request needs?
import { closeDatabase, prisma } from "~/db.server";

export async function checkDatabaseReachable(): Promise<void> {
  await prisma.session.findFirst({ select: { id: true } });
}

/** The last step of a graceful shutdown: the connection (pool) is closed, not left to the exit. */
export async function disconnectDatabase(): Promise<void> {
  await closeDatabase();
}
