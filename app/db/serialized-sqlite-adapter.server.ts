// One SQLite connection, one writer at a time — including across an interactive transaction.
//
// @prisma/adapter-better-sqlite3 (6.19) shares a single connection per PrismaClient. Its mutex
// serialises transactions against each other, but a query issued outside a transaction while an
// interactive transaction is open (another request, between the transaction's awaits) runs on
// the same connection *inside* that transaction: if the transaction rolls back — a duplicate
// webhook hitting the unique index, say — the unrelated write is rolled back with it. This
// wrapper makes every top-level query wait for an open transaction to end. PostgreSQL adapters
// use a pool of connections and need no such wrapper.
//
// The same lock guards the webhook inbox's transactions on a connection of its own
// (app/db.server.ts, withSqlTransaction): one writer at a time in this process whichever connection
// it uses, so neither waits out SQLite's busy timeout on the other while blocking the event loop.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

/** Resolves when the caller holds the lock, with the function that releases it. */
export type ProcessLock = () => Promise<() => void>;

export function createProcessLock(): ProcessLock {
  let tail: Promise<void> = Promise.resolve();
  return async function acquire(): Promise<() => void> {
    let release!: () => void;
    const previous = tail;
    tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    return release;
  };
}

function serializedTransaction(tx: Transaction, release: () => void): Transaction {
  let released = false;
  const done = () => {
    if (!released) {
      released = true;
      release();
    }
  };
  return {
    provider: tx.provider,
    adapterName: tx.adapterName,
    options: tx.options,
    queryRaw: (query) => tx.queryRaw(query),
    executeRaw: (query) => tx.executeRaw(query),
    commit: async () => {
      try {
        await tx.commit();
      } finally {
        done();
      }
    },
    rollback: async () => {
      try {
        await tx.rollback();
      } finally {
        done();
      }
    },
  };
}

// The adapter opens a deferred transaction ("BEGIN"), which only reads until its first write.
// With another process writing the same file (the web and worker processes of one deployment),
// a transaction that reads, then writes after the other process committed, fails at once with
// SQLITE_BUSY_SNAPSHOT: busy_timeout does not apply to it (https://www.sqlite.org/wal.html#busy,
// https://www.sqlite.org/rescode.html#busy_snapshot). A write first, matching no row, takes the
// write lock as BEGIN IMMEDIATE would (https://www.sqlite.org/lang_transaction.html): the other
// process then waits its busy timeout instead. Within this process transactions are already one
// at a time, so this costs no concurrency. "Session" is a table every database of the app has.
const TAKE_WRITE_LOCK = { sql: 'DELETE FROM "Session" WHERE 0', args: [], argTypes: [] };

async function takeWriteLock(tx: Transaction): Promise<void> {
  try {
    await tx.executeRaw(TAKE_WRITE_LOCK);
  } catch (error) {
    // Ends the transaction and frees the adapter's own mutex; the caller frees ours.
    await tx.rollback().catch(() => {});
    throw error;
  }
}

function serializeAdapter(adapter: Adapter, acquire: ProcessLock): Adapter {
  const exclusive =
    <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const release = await acquire();
      try {
        return await run(...args);
      } finally {
        release();
      }
    };
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: exclusive((query) => adapter.queryRaw(query)),
    executeRaw: exclusive((query) => adapter.executeRaw(query)),
    executeScript: exclusive((script) => adapter.executeScript(script)),
    startTransaction: async (isolationLevel) => {
      const release = await acquire();
      try {
        const tx = await adapter.startTransaction(isolationLevel);
        await takeWriteLock(tx);
        return serializedTransaction(tx, release);
      } catch (error) {
        release();
        throw error;
      }
    },
    ...(adapter.getConnectionInfo ? { getConnectionInfo: () => adapter.getConnectionInfo!() } : {}),
    dispose: () => adapter.dispose(),
  };
}

/** The driver adapter factory app/db.server.ts hands to PrismaClient. */
export class SerializedSQLiteAdapterFactory extends PrismaBetterSQLite3 {
  readonly #lock: ProcessLock;

  /** `lock`: shared with the process's other writers of the file (createProcessLock). */
  constructor(config: { url: string }, lock: ProcessLock = createProcessLock()) {
    super(config);
    this.#lock = lock;
  }

  override async connect(): Promise<Adapter> {
    const adapter = await super.connect();
    // WAL: a commit appends to the log instead of rewriting pages through a rollback journal, and
    // readers never wait for the writer. synchronous=FULL keeps every acknowledged webhook durable
    // through an OS crash; NORMAL measured no faster on our disk (docs/benchmarks.md).
    await adapter.executeScript("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
    return serializeAdapter(adapter, this.#lock);
  }
}
