// Wires background work: which job type runs which function, and when the runner starts.
// Tests register the handlers and drive the runner themselves (runDue / drain).
import { getJobRunner, startJobRuntime } from "./jobs/runtime.server";
import { PROCESS_WEBHOOK_JOB } from "./webhooks/inbox.server";
import { type ProcessDeliveryPayload, processDelivery } from "./webhooks/process-delivery.server";

export function registerJobHandlers(): void {
  const runner = getJobRunner();
  runner.register<ProcessDeliveryPayload>(PROCESS_WEBHOOK_JOB, processDelivery);
}

/** Called once per server process (entry.server.tsx): resumes work left by a previous process. */
export async function startBackgroundWork(): Promise<void> {
  registerJobHandlers();
  await startJobRuntime();
}
