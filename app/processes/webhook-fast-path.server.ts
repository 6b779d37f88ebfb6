// Webhook deliveries served without Remix's routing (docs/decisions/0047-webhooks-skip-remix-routing.md).
// Remix matches a request by flattening and ranking every route of the app again on each request
// (@remix-run/router's matchRoutes); with 40-odd routes that was an eighth of a delivery's CPU
// (docs/benchmarks.md#benchwebhooks). A POST from Shopify needs none of it: its path names one of
// the routes whose action is the webhook ingest. Those paths are read from the build itself, so a
// route added, renamed or changed to something else is served by whatever it now is, and any other
// path, or any variant Remix would also match (case, trailing slash), still goes through Remix.
//
// What runs is the route's own action, with the same Request a resource route gets; what differs is
// only the route matching and Remix's request and response plumbing.
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import type { ServerBuild } from "@remix-run/node";

type Action = (args: { request: Request }) => Promise<Response>;

interface WebhookEntry {
  /** The ingest's action, exported by app/entry.server.tsx. */
  webhookAction?: unknown;
}

/** The paths whose route's action is the webhook ingest, with that action. */
export function webhookRoutesOf(build: ServerBuild): Map<string, Action> {
  const ingest = (build.entry.module as WebhookEntry).webhookAction;
  const routes = new Map<string, Action>();
  if (typeof ingest !== "function") return routes;
  for (const route of Object.values(build.routes)) {
    if (!route || route.module.action !== ingest) continue;
    const path = fullPath(build, route.id);
    if (path && !/[:*]/.test(path)) routes.set(path, ingest as Action);
  }
  return routes;
}

function fullPath(build: ServerBuild, id: string): string | null {
  const segments: string[] = [];
  const seen = new Set<string>();
  for (let route = build.routes[id]; route && !seen.has(route.id); route = build.routes[route.parentId ?? ""]) {
    seen.add(route.id);
    if (route.path) segments.unshift(route.path.replace(/^\/+|\/+$/g, ""));
  }
  const path = `/${segments.filter(Boolean).join("/")}`;
  return path === "/" ? null : path;
}

/**
 * A handler that answers a request to one of the build's webhook paths and returns true, or
 * returns false for Remix to handle. `load` gives the current build: in production always the same
 * one, in development Vite's latest.
 */
export function webhookFastPath(load: () => Promise<ServerBuild>) {
  const known = new WeakMap<ServerBuild, Map<string, Action>>();
  return async (req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> => {
    if (!pathname.startsWith("/webhooks/")) return false;
    const build = await load();
    let routes = known.get(build);
    if (!routes) known.set(build, (routes = webhookRoutesOf(build)));
    const action = routes.get(pathname);
    if (!action) return false;
    let response: Response;
    try {
      response = await action({ request: requestOf(req) });
    } catch (error) {
      // The ingest's 405, 401 and 400 are thrown Responses, as Remix would send them.
      if (error instanceof Response) response = error;
      else {
        console.error(JSON.stringify({ event: "webhook.unexpected_error", reason: String(error) }));
        response = new Response("Unexpected Server Error", { status: 500 });
      }
    }
    await send(res, response);
    return true;
  };
}

function requestOf(req: IncomingMessage): Request {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  // The URL is only for logs: the host header is the sender's word, so a malformed one is not trusted.
  let url: URL;
  try {
    url = new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`);
  } catch {
    url = new URL(req.url ?? "/", "http://localhost");
  }
  return new Request(url, {
    method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    // Node's fetch needs `duplex` for a streamed body.
    duplex: hasBody ? "half" : undefined,
  });
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  res.statusCode = response.status;
  if (response.statusText) res.statusMessage = response.statusText;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.setHeader("Content-Length", body.length);
  res.end(body);
}
