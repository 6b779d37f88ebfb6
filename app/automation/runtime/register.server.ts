// Wires automation into the process: its job handlers and its feed from the ledger.
import { env } from "~/env.server";
import type { JobQueue, JobWorker } from "~/jobs/job-queue";
import { shopAdminGraphql } from "~/shopify/admin/shop-admin.server";
import { type AutomationDeps, evaluateFulfillmentOrder } from "./evaluate.server";
import {
  AUTOMATION_EVALUATE_JOB,
  AUTOMATION_RELEASE_HOLD_JOB,
  type EvaluatePayload,
  type ReleaseHoldPayload,
} from "./jobs";
import { listenToLedger } from "./listen.server";
import { releaseOurHold } from "./release-hold.server";

/**
 * Automation spends from the shop's bucket only what leaves this many points for the merchant's
 * own actions, which are never paced: manual work keeps priority.
 */
export const AUTOMATION_RESERVED_POINTS = 200;

export function automationDeps(queue: JobQueue, overrides: Partial<AutomationDeps> = {}): AutomationDeps {
  return {
    queue,
    adminFor: (shop) => shopAdminGraphql(shop, { reservePoints: AUTOMATION_RESERVED_POINTS }),
    now: () => new Date(),
    abandonedAfterMs: env.JOB_LEASE_MS,
    ...overrides,
  };
}

export function registerAutomation(queue: JobQueue, worker: JobWorker, deps = automationDeps(queue)): void {
  listenToLedger(queue);
  worker.register<EvaluatePayload>(AUTOMATION_EVALUATE_JOB, (payload) => evaluateFulfillmentOrder(payload, deps));
  worker.register<ReleaseHoldPayload>(AUTOMATION_RELEASE_HOLD_JOB, (payload) => releaseOurHold(payload, deps));
}
