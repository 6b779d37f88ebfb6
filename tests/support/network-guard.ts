// No test may reach a network. Every outbound request goes through this guard: Admin API
// calls are routed to the store simulator by whoever registers a route; anything else is
// refused (the call throws) and recorded, and tests/setup/setup-test-env.ts fails the
// test in afterEach even if the code under test swallowed the error.
import net from "node:net";

type RouteHandler = (request: Request) => Promise<Response>;

interface Route {
  matches: (url: URL) => boolean;
  handle: RouteHandler;
}

export class UnhandledRequestError extends Error {
  override readonly name = "UnhandledRequestError";
  constructor(readonly target: string) {
    super(`Unhandled outbound request to ${target}: tests may not reach a network`);
  }
}

const routes: Route[] = [];
const unhandled: string[] = [];
const originalFetch = globalThis.fetch;
let installed = false;

const LOOPBACK = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);
const isLoopback = (host: string | undefined) => !host || LOOPBACK.has(host) || host.startsWith("127.");

async function guardedFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = new Request(input, init);
  const url = new URL(request.url);
  const route = routes.find((r) => r.matches(url));
  if (route) return route.handle(request);
  // Loopback is this machine: the e2e tests' own servers.
  if (isLoopback(url.hostname)) return originalFetch(request);
  unhandled.push(`${request.method} ${url.href}`);
  throw new UnhandledRequestError(`${request.method} ${url.href}`);
}

type ConnectArgs = Parameters<net.Socket["connect"]>;
const originalConnect = net.Socket.prototype.connect;

function connectTarget(args: unknown[]): string | undefined {
  const [first, second] = args;
  // net.connect() passes its normalized arguments as one array.
  if (Array.isArray(first)) return connectTarget(first);
  if (typeof first === "object" && first !== null) {
    const options = first as { host?: string; path?: string };
    if (options.path) return undefined; // unix socket: local by definition
    return options.host;
  }
  if (typeof first === "number" || (typeof first === "string" && /^\d+$/.test(first))) {
    return typeof second === "string" ? second : undefined;
  }
  return undefined; // a path string: unix socket
}

/** Installs the guard for fetch and raw sockets (http/https/net). Idempotent. */
export function installNetworkGuard(): void {
  if (installed) return;
  installed = true;
  globalThis.fetch = guardedFetch as typeof fetch;
  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: ConnectArgs) {
    const host = connectTarget(args);
    if (!isLoopback(host)) {
      unhandled.push(`socket ${host}`);
      throw new UnhandledRequestError(`socket ${host}`);
    }
    return originalConnect.apply(this, args);
  } as net.Socket["connect"];
}

/** Routes matching requests (e.g. https://*.myshopify.com/…) to a handler; returns an unregister function. */
export function routeRequests(matches: (url: URL) => boolean, handle: RouteHandler): () => void {
  const route = { matches, handle };
  routes.push(route);
  return () => {
    const index = routes.indexOf(route);
    if (index >= 0) routes.splice(index, 1);
  };
}

/** Returns and clears the requests refused since the last call. */
export function takeUnhandledRequests(): string[] {
  return unhandled.splice(0, unhandled.length);
}
