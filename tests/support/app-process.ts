// The web and worker entries (app/processes/) as real OS processes, for the process tests. They run from
// source through tsx (or built, with node) against the test file's own SQLite database (process.env.DATABASE_URL) with
// the test credentials; `env` adds or overrides variables. A process prints
// "<name>: listening on port N" once it listens (PORT=0 picks a free port).
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { TEST_ENV } from "./test-env";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface AppProcess {
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
  /** Resolves with the port once the line "`name`: listening on port N" appears. */
  listening(name: string, timeoutMs?: number): Promise<number>;
  /** Resolves once `text` appears in its output. */
  printed(text: string, timeoutMs?: number): Promise<void>;
  /** Resolves with its exit code (or the signal that killed it). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function spawnAppProcess(entry: string, env: Record<string, string>): AppProcess {
  // Built entries (.js) run as production does, with plain node.
  const args = entry.endsWith(".js") ? [entry] : ["--import", "tsx", entry];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...TEST_ENV, DATABASE_URL: process.env.DATABASE_URL ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const waiters = new Set<() => void>();
  const append = (chunk: Buffer) => {
    output += chunk.toString("utf8");
    for (const waiter of waiters) waiter();
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
  });

  const waitFor = <T>(find: () => T | undefined, what: string, timeoutMs: number) =>
    new Promise<T>((resolve, reject) => {
      const check = () => {
        const found = find();
        if (found === undefined) return;
        cleanup();
        resolve(found);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`${entry}: no ${what} within ${timeoutMs} ms. Output:\n${output}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      void exited.then(() => {
        if (waiters.has(check)) {
          cleanup();
          reject(new Error(`${entry} exited before ${what}. Output:\n${output}`));
        }
      });
      check();
    });

  return {
    child,
    output: () => output,
    listening: (name, timeoutMs = 45_000) =>
      waitFor(
        () => {
          const match = new RegExp(`${name}: listening on port (\\d+)`).exec(output);
          return match ? Number(match[1]) : undefined;
        },
        `"${name}: listening"`,
        timeoutMs,
      ),
    printed: (text, timeoutMs = 45_000) =>
      waitFor(() => (output.includes(text) ? true : undefined), `"${text}"`, timeoutMs).then(() => undefined),
    exited,
  };
}

/** A user agent isbot() calls a bot, as load balancers and orchestrators send. */
export const PROBE_USER_AGENT = "kube-probe/1.31";
