// Orderings for `WebhookDispatcher.flush`: Shopify does not guarantee delivery
// order (https://shopify.dev/docs/apps/build/webhooks/subscribe/https), so tests
// replay a batch forwards, backwards or in a seeded random order.

export type FlushOrder = "fifo" | "reverse" | "shuffle";

/** mulberry32: tiny deterministic PRNG so a failing shuffle can be replayed from its seed. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function orderBatch<T>(items: readonly T[], order: FlushOrder, seed: number): T[] {
  const out = [...items];
  if (order === "reverse") return out.reverse();
  if (order === "fifo") return out;
  const random = seededRandom(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = out[i] as T;
    out[i] = out[j] as T;
    out[j] = tmp;
  }
  return out;
}
