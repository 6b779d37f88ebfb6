// /healthz and /readyz, answered the same way by the web process (app/routes) and the worker's
// probe port (app/processes/probe-listener.server.ts). Neither authenticates: a load balancer or an orchestrator
// calls them, often with a user agent isbot() calls a bot, so they never go near authenticate.admin
// (which answers bots 410).
import { checkQueueReachable } from "~/jobs/health.server";
import { checkDatabaseReachable } from "./database.server";

/** A probe that has not answered by then counts as failed: a hung database must not hang /readyz. */
const PROBE_TIMEOUT_MS = 2_000;

type ProbeState = "ok" | "unreachable";

interface Readiness {
  status: 200 | 503;
  body: { database: ProbeState; queue: ProbeState };
}

const NO_STORE = { "Cache-Control": "no-store" };

async function probe(name: string, check: () => Promise<void>, timeoutMs: number): Promise<ProbeState> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([check(), timedOut]);
    return "ok";
  } catch (error) {
    // The reason goes to the log; the response only says which dependency failed.
    console.error(JSON.stringify({ event: "readiness.failed", probe: name, reason: String(error) }));
    return "unreachable";
  } finally {
    clearTimeout(timer);
  }
}

const PROBES = { database: checkDatabaseReachable, queue: checkQueueReachable };

export async function checkReadiness(probes = PROBES, timeoutMs: number = PROBE_TIMEOUT_MS): Promise<Readiness> {
  const [database, queue] = await Promise.all([
    probe("database", probes.database, timeoutMs),
    probe("queue", probes.queue, timeoutMs),
  ]);
  return { status: database === "ok" && queue === "ok" ? 200 : 503, body: { database, queue } };
}

/** Alive: the process answers. No database access, so a database outage does not restart it. */
export function livenessResponse(): Response {
  return Response.json({ status: "ok" }, { headers: NO_STORE });
}

/** Probes are read-only: any other method is told so (Remix would answer 405 "Unexpected Server Error"). */
export function probeMethodNotAllowed(): Response {
  return new Response("Method not allowed: the probes answer GET and HEAD.", {
    status: 405,
    headers: { Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8" },
  });
}

export async function readinessResponse(): Promise<Response> {
  const { status, body } = await checkReadiness();
  return Response.json(body, { status, headers: NO_STORE });
}
