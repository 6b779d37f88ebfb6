// The few settings of the process entries themselves (the app's own are app/env.server.ts, which
// the web entry must not import: the app's modules live in the Remix build it loads).
import { z } from "zod";

const port = z.coerce.number().int().min(0).max(65_535);

const ProcessEnvSchema = z.object({
  /** The web process's HTTP port. */
  PORT: port.default(3000),
  /** Interface to listen on; unset listens on all of them. */
  HOST: z.string().min(1).optional(),
  /** The worker's /healthz and /readyz port; unset, the worker listens on no port at all. */
  WORKER_HEALTH_PORT: port.optional(),
  /**
   * How long a SIGTERM waits for in-flight requests (web) or running jobs (worker) before it
   * exits anyway. Below Kubernetes' default 30 s grace period, so the exit is ours, not a SIGKILL.
   */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(25_000),
  /**
   * The worker's nice value (0–19): how far it gives way to web processes on the same CPUs, so that
   * webhooks are acknowledged first (app/processes/cpu-priority.server.ts). 0 leaves it as started.
   */
  WORKER_NICE: z.coerce.number().int().min(0).max(19).default(10),
});

type ProcessEnv = z.infer<typeof ProcessEnvSchema>;

export function readProcessEnv(source: NodeJS.ProcessEnv = process.env): ProcessEnv {
  const parsed = ProcessEnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}. See README.md#production.`);
  }
  return parsed.data;
}
