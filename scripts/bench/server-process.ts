// Starts a benchmark process (a server, or the worker) as a child, waits for the line that says it
// is ready ("listening <port>" from the baseline, "web: listening on port <port>" from `npm start`,
// the worker's start line), and stops it (SIGTERM, then SIGKILL after a grace period). Also reads
// the child's CPU time from /proc so a level can report how busy each process was.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";

export interface BenchProcess {
  pid: number;
  /** stderr and non-protocol stdout lines, for the report when something fails. */
  output: string[];
  /** User + system CPU seconds the process has used so far (Linux /proc). */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

export interface ServerProcess extends BenchProcess {
  url: URL;
}

const CLOCK_TICKS = 100;
const live = new Set<ChildProcess>();

/** For SIGINT/exit handlers: no benchmark server outlives the run. */
export function killAllServers(): void {
  for (const child of live) child.kill("SIGKILL");
}

const LISTENING = /^(?:web: )?listening (?:on port )?(\d+)$/;

/** A server: `nodeArgs` is what follows `node` (e.g. `["--import", "tsx", "script.ts"]`). */
export async function startServer(
  cwd: string,
  nodeArgs: string[],
  env: NodeJS.ProcessEnv,
  path: string,
): Promise<ServerProcess> {
  const { match, ...started } = await startProcess(cwd, nodeArgs, env, LISTENING);
  return { ...started, url: new URL(path, `http://127.0.0.1:${match[1]}`) };
}

export async function startProcess(
  cwd: string,
  nodeArgs: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
): Promise<BenchProcess & { match: RegExpExecArray }> {
  // BENCH_CPU_PROF_DIR=/tmp/prof writes a V8 CPU profile of each process (open it in Chrome DevTools).
  const profile = process.env.BENCH_CPU_PROF_DIR
    ? ["--cpu-prof", "--cpu-prof-dir", process.env.BENCH_CPU_PROF_DIR]
    : [];
  const script = nodeArgs.at(-1);
  const child = spawn(process.execPath, [...profile, ...nodeArgs], {
    cwd,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  live.add(child);
  const output: string[] = [];
  const exited = new Promise<void>((resolve) => child.once("exit", () => (live.delete(child), resolve())));

  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start:\n${output.join("\n")}`)), 60_000);
    const onLine = (line: string) => {
      const found = ready.exec(line);
      if (found) {
        clearTimeout(timer);
        resolve(found);
      } else if (line.trim()) output.push(line);
    };
    let buffered = "";
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      lines.forEach(onLine);
    });
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => output.push(...chunk.split("\n").filter(Boolean)));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code} before it was ready:\n${output.join("\n")}`));
    });
  });

  let lastCpu = 0;
  child.once("exit", (code, signal) => output.push(`${script} exited (${signal ?? code})`));
  return {
    match,
    pid: child.pid!,
    output,
    cpuSeconds() {
      // A process that has exited keeps the last figure read; the run reports it as failed (its output).
      if (child.exitCode !== null || child.signalCode !== null) return lastCpu;
      const fields = readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      // utime and stime are fields 14 and 15 of /proc/<pid>/stat; fields[0] here is field 3.
      lastCpu = (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
      return lastCpu;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
