// Entry of `npm start`: the Remix app over HTTP, /healthz and /readyz included (app/routes), and
// never a job (docs/decisions/0034-web-and-worker-processes.md). Our own entry instead of
// remix-serve so that a SIGTERM is ours to handle: stop accepting connections, let in-flight
// requests finish within SHUTDOWN_TIMEOUT_MS, close keep-alive connections, close the database.
//
// NODE_ENV=production (the default) serves build/ from `npm run build`, relative to the working
// directory as remix-serve does; any other NODE_ENV loads the app through Vite from source, the way
// `tsx app/processes/web.server.ts` runs it in the process tests.
import { createServer } from "node:http";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { announceListening, exitGracefullyOnSignals, settledWithin } from "./graceful-shutdown.server";
import { readProcessEnv } from "./process-env.server";
import { webhookFastPath } from "./webhook-fast-path.server";

// Before the app loads (app/env.server.ts reads the environment at import): whatever the
// deployment's environment says, this process never claims a job.
process.env.JOB_RUNNER = "off";
process.env.NODE_ENV ??= "production";
const production = process.env.NODE_ENV === "production";

interface AppBuild {
  build: ServerBuild | (() => Promise<ServerBuild>);
  load(): Promise<ServerBuild>;
  close(): Promise<void>;
}

async function productionBuild(app: express.Express): Promise<AppBuild> {
  const build = (await import(pathToFileURL(resolve("build/server/index.js")).href)) as ServerBuild;
  // Fingerprinted assets never change; everything else in build/client may.
  app.use("/assets", express.static(resolve("build/client/assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(resolve("build/client"), { maxAge: "1h", index: false }));
  return { build, load: async () => build, close: async () => {} };
}

async function developmentBuild(app: express.Express): Promise<AppBuild> {
  const vite = await import("vite");
  const ownListeners = new Set(process.listeners("SIGTERM"));
  const server = await vite.createServer({ server: { middlewareMode: true }, appType: "custom" });
  app.use(server.middlewares);
  app.use(express.static(resolve("public"), { index: false }));
  const load = () => server.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
  await load();
  // The Remix plugin's child Vite server (started by the first load) closes itself and exits the
  // process on SIGTERM, cutting requests in flight; the shutdown is this module's, which closes Vite.
  for (const listener of process.listeners("SIGTERM")) {
    if (!ownListeners.has(listener)) process.off("SIGTERM", listener);
  }
  return { build: load, load, close: () => server.close() };
}

async function main(): Promise<void> {
  const config = readProcessEnv();
  const app = express();
  app.disable("x-powered-by");
  let shuttingDown = false;
  // A response whose head is written while draining (even one whose request came before the
  // SIGTERM) tells the client not to reuse its connection, and Node closes it once sent.
  app.use((_req, res, next) => {
    const writeHead = res.writeHead;
    res.writeHead = function (this: typeof res, ...args: Parameters<typeof writeHead>) {
      if (shuttingDown && !this.headersSent) this.setHeader("Connection", "close");
      return writeHead.apply(this, args);
    } as typeof writeHead;
    next();
  });
  // Shopify's deliveries first, before the static files and Remix (ADR 0047).
  // (Requests come only once the server listens, after appBuild below is set.)
  const webhooks = webhookFastPath(() => appBuild.load());
  app.use((req, res, next) => {
    webhooks(req, res, req.path).then((handled) => (handled ? undefined : next()), next);
  });
  const appBuild = production ? await productionBuild(app) : await developmentBuild(app);
  app.all("*", createRequestHandler({ build: appBuild.build, mode: production ? "production" : "development" }));
  // Loaded once before listening: a broken environment or import fails here, not on the first request.
  const build = await appBuild.load();

  const server = createServer(app);
  await new Promise<void>((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(config.PORT, config.HOST, () => resolveListen());
  });
  announceListening("web", server.address());

  exitGracefullyOnSignals("web", async () => {
    shuttingDown = true;
    // close() stops accepting and, on Node >= 19, closes idle keep-alive connections; busy ones
    // close once their response is sent (Connection: close above).
    const closed = new Promise<void>((resolveClose) => server.close(() => resolveClose()));
    if ((await settledWithin(closed, config.SHUTDOWN_TIMEOUT_MS)) === "timed-out") {
      console.warn(`web: requests still open after ${config.SHUTDOWN_TIMEOUT_MS} ms are cut`);
      server.closeAllConnections();
    }
    await appBuild.close();
    const entry = build.entry.module as { closeServerResources?: () => Promise<void> };
    await entry.closeServerResources?.();
  });
}

main().catch((error: unknown) => {
  console.error("web: failed to start", error);
  process.exit(1);
});
