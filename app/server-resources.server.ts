// What a server process holds open besides its sockets, closed last in a graceful shutdown
// (app/processes/web.server.ts, through entry.server.tsx). The web process only enqueues, yet on
// PostgreSQL its queue is pg-boss with a pool of its own, opened by the first enqueue: it is closed
// first, since its last statements go to the database, and then the app's database.
import { closeJobQueue } from "./jobs/runtime.server";
import { disconnectDatabase } from "./probes/database.server";

export async function closeServerResources(): Promise<void> {
  await closeJobQueue();
  await disconnectDatabase();
}
