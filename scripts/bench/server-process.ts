// Starts a benchmark server as a child process, waits for its "listening <port>" line, and
// stops it (SIGTERM, then SIGKILL after a grace period). Also reads the child's CPU time from
// /proc so a level can report how busy the server was.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";

export interface ServerProcess {
  url: URL;
  pid: number;
  /** stderr and non-protocol stdout lines, for the report when something fails. */
  output: string[];
  /** User + system CPU seconds the process has used so far (Linux /proc). */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

const CLOCK_TICKS = 100;
const live = new Set<ChildProcess>();

/** For SIGINT/exit handlers: no benchmark server outlives the run. */
export function killAllServers(): void {
  for (const child of live) child.kill("SIGKILL");
}

export async function startServer(
  cwd: string,
  script: string,
  env: NodeJS.ProcessEnv,
  path: string,
): Promise<ServerProcess> {
  // BENCH_CPU_PROF_DIR=/tmp/prof writes a V8 CPU profile of each server (open it in Chrome DevTools).
  const profile = process.env.BENCH_CPU_PROF_DIR
    ? ["--cpu-prof", "--cpu-prof-dir", process.env.BENCH_CPU_PROF_DIR]
    : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", script], {
    cwd,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  live.add(child);
  const output: string[] = [];
  const exited = new Promise<void>((resolve) => child.once("exit", () => (live.delete(child), resolve())));

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start:\n${output.join("\n")}`)), 60_000);
    const onLine = (line: string) => {
      const match = /^listening (\d+)$/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
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
      reject(new Error(`${script} exited with ${code} before listening:\n${output.join("\n")}`));
    });
  });

  return {
    url: new URL(path, `http://127.0.0.1:${port}`),
    pid: child.pid!,
    output,
    cpuSeconds() {
      const fields = readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      // utime and stime are fields 14 and 15 of /proc/<pid>/stat; fields[0] here is field 3.
      return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
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
