// The app as production runs it, for the benchmark: the Vite production build (build/server)
// behind Express and @remix-run/express, in its own process with NODE_ENV=production. Started by
// scripts/bench-webhooks.ts, which passes the env and reads "listening <port>" from stdout.
//
// Two things differ from production, both set up here before the build is imported:
// - fetch reaches loopback only. The bench shop's Admin API does not exist; a request to it
//   must fail here rather than leave the machine.
// - the job runner is off (JOB_RUNNER=off, set unless BENCH_JOB_RUNNER=running), so
//   webhook.process jobs stay queued and the run measures ingest alone.
import { createServer } from "node:http";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";

// BENCH_APP_ROOT serves another checkout's build (a scratch copy with a proposed change).
const ROOT = process.env.BENCH_APP_ROOT ?? fileURLToPath(new URL("../..", import.meta.url));
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

function allowLoopbackFetchOnly(): void {
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (LOOPBACK.has(url.hostname)) return realFetch(input, init);
    throw new Error(`bench: refused an outbound request to ${url.origin} (loopback only)`);
  };
}

async function main(): Promise<void> {
  allowLoopbackFetchOnly();
  if ((process.env.BENCH_JOB_RUNNER ?? "held") === "held") process.env.JOB_RUNNER = "off";

  const build = (await import(pathToFileURL(join(ROOT, "build/server/index.js")).href)) as ServerBuild;
  const app = express();
  app.disable("x-powered-by");
  app.use(
    build.publicPath,
    express.static(join(ROOT, "build/client", build.publicPath), { immutable: true, maxAge: "1y" }),
  );
  app.use(express.static(join(ROOT, "build/client"), { maxAge: "1h" }));
  app.all("*", createRequestHandler({ build, mode: "production" }));

  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no TCP address");
  console.log(`listening ${address.port}`);

  process.once("SIGTERM", () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error("bench app server failed to start:", error);
  process.exit(1);
});
