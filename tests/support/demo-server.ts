// Starts `tsx scripts/demo.ts` as a child process on a free port with a SQLite file of its
// own, waits for its ready line, and kills its whole process group afterwards.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TSX_CLI = join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
/** scripts/demo.ts prints this line, followed by the URL, once it serves requests. */
const READY_PATTERN = /Fulfillment Desk demo is ready at (http:\/\/\S+)/;

export interface DemoServer {
  url: string;
  port: number;
  /** The demo's SQLite file, for a test that must set up what no screen can (e.g. backdate a time). */
  databaseFile: string;
  /** Everything the server printed so far (stdout and stderr), for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

export async function startDemoServer(options: { readyTimeoutMs?: number } = {}): Promise<DemoServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "fd-demo-"));
  const databaseFile = join(dataDir, "demo.sqlite");
  let output = "";
  const child = spawn(process.execPath, [TSX_CLI, "scripts/demo.ts"], {
    cwd: ROOT,
    env: {
      ...parentEnvWithoutVitest(),
      NODE_ENV: "development",
      PORT: String(port),
      DATABASE_URL: `file:${databaseFile}`,
      // Browser tests place the orders they look for; a trickle would change what the screens show.
      DEMO_ORDER_TRICKLE_SECONDS: "0",
    },
    // Its own process group, so stop() reaches tsx's child node process too.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));

  const stop = async () => {
    await killGroup(child);
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const url = await waitForReady(child, () => output, options.readyTimeoutMs ?? 120_000);
    return { url, port, databaseFile, output: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function waitForReady(child: ChildProcess, output: () => string, timeoutMs: number): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    const timer = setTimeout(
      () => finish(new Error(`Demo server not ready after ${timeoutMs} ms:\n${output()}`)),
      timeoutMs,
    );
    const onData = () => {
      const match = READY_PATTERN.exec(output());
      if (match?.[1]) finish(null, match[1]);
    };
    const onExit = (code: number | null) =>
      finish(new Error(`Demo server exited (${code}) before it was ready:\n${output()}`));
    function finish(error: Error | null, url?: string) {
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      child.stderr?.off("data", onData);
      child.off("exit", onExit);
      if (error || !url) reject(error ?? new Error("no URL"));
      else resolveUrl(url);
    }
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", onExit);
  });
}

async function killGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const pid = child.pid;
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-pid, name);
    } catch {
      // The group is already gone.
    }
  };
  signal("SIGTERM");
  const timedOut = await Promise.race([exited.then(() => false), sleep(5_000).then(() => true)]);
  if (timedOut) {
    signal("SIGKILL");
    await exited;
  }
}

/** The demo is a dev server, not a test process: keep vitest's own variables out of it. */
function parentEnvWithoutVitest(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith("VITEST")),
  ) as NodeJS.ProcessEnv;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Runs a command on the demo's simulator (POST /demo/simulator, app/demo/demo-simulator.server.ts). */
export async function simulatorCommand<T>(server: DemoServer, command: Record<string, unknown>): Promise<T> {
  const response = await fetch(`${server.url}/demo/simulator`, {
    method: "POST",
    // The demo page's own origin: the route refuses commands from anywhere else.
    headers: { "Content-Type": "application/json", Origin: new URL(server.url).origin },
    body: JSON.stringify(command),
  });
  const body = (await response.json()) as { result?: T; error?: unknown };
  if (!response.ok) throw new Error(`simulator ${String(command.command)}: ${JSON.stringify(body.error)}`);
  return body.result as T;
}
