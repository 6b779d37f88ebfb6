// Calls that arrive while one is in flight go together in the next one. A lone call goes after one
// turn of the event loop (setImmediate), not a timer, so calls whose I/O has already completed join
// it and a quiet app waits for nothing. That turn matters for a driver that never yields
// (better-sqlite3): without it the inbox's groups held 2.7 deliveries on average under load, with it
// 11.5 (docs/benchmarks.md#benchwebhooks). Two uses, measured there:
// - group commit (app/webhooks/inbox.server.ts): SQLite takes one writer at a time (and the
//   serialized adapter holds every other query while a transaction is open), so under load each
//   write would otherwise pay its own BEGIN/COMMIT and fsync in turn;
// - grouped reads (app/shopify/session-reads.server.ts): one query for many rows instead of one per
//   row.
// Every call in a group started before the group's query was sent, so a read in a group still sees
// every write committed before it was asked for.

interface GroupOptions {
  /** Largest group sent at once (bounds the statement's bound parameters). */
  maxGroup?: number;
}

/**
 * Wraps `write`, which must return one result per item in order (or throw for the whole group),
 * into a function of one item. `write` may as well be a read.
 */
export function groupWhileBusy<I, O>(
  write: (group: I[]) => Promise<O[]>,
  options: GroupOptions = {},
): (item: I) => Promise<O> {
  const maxGroup = options.maxGroup ?? 100;
  let waiting: { item: I; resolve: (value: O) => void; reject: (error: unknown) => void }[] = [];
  let writing = false;

  async function drain() {
    writing = true;
    while (waiting.length > 0) {
      await new Promise((resolve) => setImmediate(resolve)); // see above: calls already due join

      const group = waiting.slice(0, maxGroup);
      waiting = waiting.slice(group.length);
      try {
        const results = await write(group.map((entry) => entry.item));
        if (results.length !== group.length)
          throw new Error(`group write returned ${results.length} of ${group.length}`);
        group.forEach((entry, i) => entry.resolve(results[i]!));
      } catch (error) {
        for (const entry of group) entry.reject(error);
      }
    }
    writing = false;
  }

  return (item) =>
    new Promise<O>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (!writing) void drain();
    });
}
