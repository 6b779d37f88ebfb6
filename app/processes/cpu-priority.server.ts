// The worker gives way to the web processes when they share a machine's CPUs
// (docs/decisions/0051-worker-yields-cpu-to-web.md). A webhook has 5 seconds to be acknowledged before
// Shopify counts it failed, retries it and, after repeated failures, removes the subscription
// (https://shopify.dev/docs/apps/build/webhooks/best-practices); a job the worker has not started yet
// is only later, and lost by nobody. So when both want a core, the web process should get it.
//
// The means is the Unix nice value of the worker. Under Linux's scheduler a thread at nice 10 weighs
// 110 against 1,024 at nice 0 (kernel/sched/core.c, sched_prio_to_weight): with the web busy, the
// worker gets about a tenth of a shared core; with the web idle, all of it. Containers that each have
// their own CPU share (cgroups) compete by that share first, so there it changes nothing.
import { getPriority, setPriority } from "node:os";

type PriorityOutcome =
  | { kind: "lowered"; from: number; to: number }
  | { kind: "unchanged"; nice: number }
  | { kind: "failed"; reason: string };

export interface PriorityCalls {
  get(): number;
  set(nice: number): void;
}

// On Linux the nice value belongs to a thread, not the process (setpriority(2), BUGS): pid 0 is the
// calling thread, the main one, which runs the jobs' JavaScript. Threads started later, such as
// libuv's pool on its first use, inherit it.
const thisThread: PriorityCalls = {
  get: () => getPriority(0),
  set: (nice) => setPriority(0, nice),
};

/**
 * Raises this thread's nice value to `nice` (0–19; 0 asks for nothing). Lowering a nice value needs
 * privileges, so a process started nicer than asked (`nice -n 15 npm run worker`) is left as it is.
 */
export function yieldCpu(nice: number, calls: PriorityCalls = thisThread): PriorityOutcome {
  try {
    const current = calls.get();
    if (nice <= current) return { kind: "unchanged", nice: current };
    calls.set(nice);
    return { kind: "lowered", from: current, to: nice };
  } catch (error) {
    return { kind: "failed", reason: error instanceof Error ? error.message : String(error) };
  }
}
