// The worker's only listener: /healthz and /readyz for an orchestrator, on WORKER_HEALTH_PORT. It
// serves no pages; anything else is 404 (a method other than GET or HEAD, 405).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { livenessResponse, probeMethodNotAllowed, readinessResponse } from "~/probes/readiness.server";
import { announceListening } from "./graceful-shutdown.server";

const text = (res: ServerResponse, status: number, body: string) => {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" }).end(body);
};

async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? "/", "http://worker").pathname;
  if (path !== "/healthz" && path !== "/readyz") return text(res, 404, "Not found");
  const response =
    req.method !== "GET" && req.method !== "HEAD"
      ? probeMethodNotAllowed()
      : path === "/healthz"
        ? livenessResponse()
        : await readinessResponse();
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(req.method === "HEAD" ? undefined : await response.text());
}

interface ProbeServer {
  close(): Promise<void>;
}

export async function startProbeServer(port: number, host: string | undefined): Promise<ProbeServer> {
  const server: Server = createServer((req, res) => {
    answer(req, res).catch((error: unknown) => {
      console.error("worker: probe failed", error);
      if (!res.headersSent) text(res, 500, "Probe failed");
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  announceListening("worker probes", server.address());
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
