// Who is connected to this test file's PostgreSQL database (tests/setup/setup-test-env.ts gives each
// file its own), read over a connection of its own so the look does not reopen a pool it checks:
// proves that a shutdown step closed its connections rather than leaving them to the process's exit.
import pg from "pg";

/** The application_name of every other connection to the database at `url`. */
export async function otherConnections(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url, application_name: "connection-check" });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT application_name AS name FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    return rows.map((row) => row.name).sort();
  } finally {
    await client.end();
  }
}

/** Polls until no other connection matches `match`: a closed connection leaves pg_stat_activity shortly after. */
export async function waitForNoConnections(
  url: string,
  match: (name: string) => boolean,
  timeoutMs = 5_000,
): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const names = (await otherConnections(url)).filter(match);
    if (names.length === 0 || Date.now() > deadline) return names;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
