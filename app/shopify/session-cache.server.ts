// Sessions kept in memory for a few seconds, so a burst of webhooks does not read the same offline
// session from the database once per delivery (authenticate.webhook loads it on every request;
// measured in docs/benchmarks.md#benchwebhooks). Only found sessions are kept: a shop that just
// installed is seen at once.
//
// Writes through the session storage invalidate at once. The app's own bulk writes to the Session
// table (uninstall, shop/redact, scopes update) call forgetShop. Another process's writes are not
// seen here until the entry expires, so the cache is for a single process only (sessionStorageFor):
// production's web and worker processes read every session from the database.
import type { Session } from "@shopify/shopify-api";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import type { PrismaClient } from "@prisma/client";
import { withGroupedSessionReads } from "./session-reads.server";

export const SESSION_CACHE_TTL_MS = 10_000;

const entries = new Map<string, { session: Session; until: number }>();
// Bumped by every invalidation: a read that started before one must not cache what it read (it may
// be the row just replaced or deleted). Invalidations are rare, so the odd skipped fill is cheap.
let epoch = 0;

function invalidate(id?: string): void {
  epoch += 1;
  if (id !== undefined) entries.delete(id);
}

/** Drops every cached session of the shop: call after writing its Session rows directly. */
export function forgetShop(shop: string): void {
  epoch += 1;
  for (const [id, entry] of entries) if (entry.session.shop === shop) entries.delete(id);
}

/**
 * The session storage for this process: cached in memory when it is the app's only process
 * (SESSION_CACHE, on by default outside production), else straight from the database so a session
 * written or deleted by another process is seen at once. Either way, reads that arrive while one is
 * in flight share one query (session-reads.server.ts).
 */
export function sessionStorageFor(
  prisma: PrismaClient,
  env: { NODE_ENV: string; SESSION_CACHE?: "on" | "off" },
): PrismaSessionStorage<PrismaClient> {
  const cached = (env.SESSION_CACHE ?? (env.NODE_ENV === "production" ? "off" : "on")) === "on";
  const client = withGroupedSessionReads(prisma);
  return cached ? new CachedPrismaSessionStorage(client) : new PrismaSessionStorage(client);
}

export class CachedPrismaSessionStorage extends PrismaSessionStorage<PrismaClient> {
  readonly #now: () => number;

  constructor(prisma: PrismaClient, options: { now?: () => number } = {}) {
    super(prisma);
    this.#now = options.now ?? Date.now;
  }

  override async loadSession(id: string): Promise<Session | undefined> {
    const entry = entries.get(id);
    if (entry && entry.until > this.#now()) return entry.session;
    entries.delete(id);
    const started = epoch;
    const session = await super.loadSession(id);
    if (session && epoch === started) entries.set(id, { session, until: this.#now() + SESSION_CACHE_TTL_MS });
    return session;
  }

  override async storeSession(session: Session): Promise<boolean> {
    invalidate(session.id);
    try {
      return await super.storeSession(session);
    } finally {
      invalidate(session.id);
    }
  }

  override async deleteSession(id: string): Promise<boolean> {
    invalidate(id);
    try {
      return await super.deleteSession(id);
    } finally {
      invalidate(id);
    }
  }

  override async deleteSessions(ids: string[]): Promise<boolean> {
    for (const id of ids) invalidate(id);
    try {
      return await super.deleteSessions(ids);
    } finally {
      for (const id of ids) invalidate(id);
    }
  }
}
