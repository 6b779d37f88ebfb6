// Serves the app the way `remix vite:dev` would, from this process: Express, Vite in
// middleware mode (HMR over the same HTTP server, so no second port), public/ as static
// files, and @remix-run/express for everything else. Running in-process is the point:
// the app then uses this process's fetch, which goes to the simulator. scripts/demo.ts
// imports this module only after it has replaced fetch.
import { createServer, type Server } from "node:http";
import { fileURLToPath } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express, { type RequestHandler } from "express";
import { createServer as createViteServer } from "vite";
import { DEMO_APP_BRIDGE_PATH } from "./demo-env";
import { listenOnLoopback } from "./listen-on-loopback";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const REMIX_BUILD = "virtual:remix/server-build";

const CDN_APP_BRIDGE = "https://cdn.shopify.com/shopifycloud/app-bridge.js";

/**
 * shopify-app-remix's addDocumentResponseHeaders always adds
 * `Link: <https://cdn.shopify.com/shopifycloud/app-bridge.js>; rel="preload"`, and browsers act
 * on it. Offline that is a request to a host the demo cannot reach, so point it at the stand-in.
 */
const preloadLocalAppBridge: RequestHandler = (_req, res, next) => {
  const setHeader = res.setHeader.bind(res);
  res.setHeader = (name: string, value: number | string | readonly string[]) => {
    if (name.toLowerCase() !== "link") return setHeader(name, value);
    const rewrite = (v: string) => v.replaceAll(CDN_APP_BRIDGE, DEMO_APP_BRIDGE_PATH);
    return setHeader(
      name,
      typeof value === "number" ? value : typeof value === "string" ? rewrite(value) : value.map(rewrite),
    );
  };
  next();
};

export interface ServedApp {
  server: Server;
  close(): Promise<void>;
}

export async function serveApp(port: number): Promise<ServedApp> {
  const app = express();
  const server = createServer(app);
  const vite = await createViteServer({
    root: ROOT,
    appType: "custom",
    server: { middlewareMode: true, hmr: { server } },
  });
  app.disable("x-powered-by");
  app.use(preloadLocalAppBridge);
  app.use(vite.middlewares);
  app.use(express.static(`${ROOT}/public`, { index: false }));
  app.all(
    "*",
    createRequestHandler({ build: () => vite.ssrLoadModule(REMIX_BUILD) as Promise<ServerBuild>, mode: "development" }),
  );
  // Load the app once before announcing readiness: a broken env or import fails here, not on first click.
  await vite.ssrLoadModule(REMIX_BUILD);
  await listenOnLoopback(server, port);
  return {
    server,
    async close() {
      await vite.close();
      // Browsers keep connections (and the HMR socket) open; shutting down must not wait for them.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
