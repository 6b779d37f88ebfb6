// Whether this process can reach the job queue's store, for /readyz. The embedded queue keeps its
// jobs in the `Job` table, so the probe is the cheapest read of that table: one row, one column.
import { prisma } from "~/db.server";

export async function checkQueueReachable(): Promise<void> {
  await prisma.job.findFirst({ select: { id: true } });
}
