// A throwaway PostgreSQL cluster from the server binaries (initdb, pg_ctl): for the test
// suite, `db:check-postgres`, `db:new-migration` and the benchmarks. It listens on 127.0.0.1 at a
// free port, trusts local connections and runs as "nobody" when we are root (initdb refuses root).
// Durability is off (fsync, synchronous_commit): the cluster lives as long as one run.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, realpathSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const SERVER_BINARIES = ["initdb", "pg_ctl", "postgres"];

/**
 * Where the server binaries are: on PATH, or Debian's /usr/lib/postgresql/<version>/bin (the
 * postgresql package puts only wrappers on PATH), newest version first. Null when missing.
 */
function serverBinDir() {
  const onPath = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" });
  if (onPath.status === 0) {
    const dir = dirname(realpathSync(onPath.stdout.trim()));
    if (SERVER_BINARIES.every((binary) => existsSync(join(dir, binary)))) return dir;
  }
  const debian = "/usr/lib/postgresql";
  if (!existsSync(debian)) return null;
  const versions = readdirSync(debian)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const dir = join(debian, version, "bin");
    if (SERVER_BINARIES.every((binary) => existsSync(join(dir, binary)))) return dir;
  }
  return null;
}

export const hasPostgresServer = () => serverBinDir() !== null;

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

function run([binary, ...options]) {
  const args = [join(serverBinDir(), binary), ...options];
  const asRoot = process.getuid?.() === 0;
  const [command, ...rest] = asRoot ? ["runuser", "-u", "nobody", "--", ...args] : args;
  const result = spawnSync(command, rest, { encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`${args.join(" ")} failed:\n${result.stdout ?? ""}\n${result.stderr ?? ""}`);
  }
  return result.stdout;
}

/**
 * Starts a cluster; `url` connects as the superuser "postgres" to database "postgres".
 * `settings` are extra `-c name=value` server options.
 */
export async function startCluster({ settings = {} } = {}) {
  if (!hasPostgresServer()) {
    throw new Error("PostgreSQL server binaries (initdb, pg_ctl, postgres) are not on PATH: install postgresql.");
  }
  const work = mkdtempSync(join(tmpdir(), "fd-pg-"));
  chmodSync(work, 0o777);
  const data = join(work, "data");
  run(["initdb", "-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale", "C.UTF-8"]);
  const port = await freePort();
  const options = {
    listen_addresses: "127.0.0.1",
    port: String(port),
    unix_socket_directories: `'${work}'`,
    fsync: "off",
    synchronous_commit: "off",
    full_page_writes: "off",
    max_connections: "300",
    ...settings,
  };
  const flags = Object.entries(options)
    .map(([name, value]) => `-c ${name}=${value}`)
    .join(" ");
  // -l: the server's output goes to a file, or it would hold our pipes open.
  run(["pg_ctl", "-D", data, "-l", join(work, "server.log"), "-o", flags, "-w", "start"]);
  let stopped = false;
  return {
    port,
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    urlFor: (database) => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run(["pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    },
  };
}
