// The store simulator over real HTTP, for app processes of their own (tests/processes/): their
// Admin API calls reach it through tests/processes/fixtures/shops-via-simulator.ts, which sends
// https://<shop>.myshopify.com/… here with the shop's host in SHOP_HOST_HEADER. It records every
// call as Shopify would have seen it (which process sent it, the operation, whether it was
// throttled) and lets a test hold back an answer, as a process dying mid-call never receives it.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { StoreSimulator } from "../../simulator/store-simulator";

/** Header carrying the Admin API host the app addressed (the fetch preload sets it). */
const SHOP_HOST_HEADER = "x-fd-test-shop-host";
/** Header naming the app process that sent the call (its FD_TEST_PROCESS_NAME). */
const PROCESS_HEADER = "x-fd-test-process";

interface AdminCall {
  process: string;
  shop: string;
  operation: string;
  mutation: boolean;
  variables: unknown;
  status: number;
  throttled: boolean;
}

/** Decides, once the simulator has executed a call, whether its answer is withheld for good. */
type AnswerGate = (call: AdminCall) => boolean;

export interface SimulatorServer {
  /** http://127.0.0.1:port */
  origin: string;
  calls: AdminCall[];
  /** Calls whose answer was withheld (their effect happened in the simulator). */
  withheld: AdminCall[];
  withholdAnswers(gate: AnswerGate | undefined): void;
  close(): Promise<void>;
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function describeBody(body: Buffer): Pick<AdminCall, "operation" | "mutation" | "variables"> {
  try {
    const parsed = JSON.parse(body.toString("utf8")) as {
      query?: string;
      operationName?: string | null;
      variables?: unknown;
    };
    const match = /\b(query|mutation)\s+(\w+)/.exec(parsed.query ?? "");
    return {
      operation: parsed.operationName ?? match?.[2] ?? "anonymous",
      mutation: match?.[1] === "mutation" || /^\s*mutation\b/.test(parsed.query ?? ""),
      variables: parsed.variables ?? null,
    };
  } catch {
    return { operation: "unreadable", mutation: false, variables: null };
  }
}

function isThrottled(status: number, text: string): boolean {
  if (status === 429) return true;
  try {
    const body = JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] };
    return (body.errors ?? []).some((error) => error.extensions?.code === "THROTTLED");
  } catch {
    return false;
  }
}

export async function startSimulatorServer(sim: StoreSimulator): Promise<SimulatorServer> {
  const calls: AdminCall[] = [];
  const withheld: AdminCall[] = [];
  let gate: AnswerGate | undefined;

  const server: Server = createServer((req, res) => {
    void (async () => {
      const shop = String(req.headers[SHOP_HOST_HEADER] ?? "");
      const body = await readAll(req);
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === "string" && name !== "host" && name !== "content-length") headers.set(name, value);
      }
      const hasBody = req.method !== "GET" && req.method !== "HEAD";
      const response = await sim.fetch(
        new Request(`https://${shop}${req.url ?? "/"}`, {
          method: req.method,
          headers,
          ...(hasBody ? { body: new Uint8Array(body) } : {}),
        }),
      );
      const text = await response.text();
      const isGraphql = (req.url ?? "").includes("/graphql.json");
      const call: AdminCall = {
        process: String(req.headers[PROCESS_HEADER] ?? "unknown"),
        shop,
        ...(isGraphql ? describeBody(body) : { operation: "token", mutation: false, variables: null }),
        status: response.status,
        throttled: isThrottled(response.status, text),
      };
      calls.push(call);
      if (gate?.(call)) {
        // Shopify ran it; the answer never leaves. The socket stays open until the caller dies.
        withheld.push(call);
        return;
      }
      res.writeHead(response.status, Object.fromEntries(response.headers)).end(text);
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain" });
      res.end(`simulator server: ${String(error)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    calls,
    withheld,
    withholdAnswers: (next) => void (gate = next),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
