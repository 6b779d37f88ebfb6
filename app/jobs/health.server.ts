// Whether this process can reach the job queue's store, for /readyz: the `Job` table for the
// embedded queue, pg-boss's job table over its own pool for pg-boss (runtime.server.ts).
import { checkJobQueueReachable } from "./runtime.server";

export async function checkQueueReachable(): Promise<void> {
  await checkJobQueueReachable();
}
