// Preloaded (`node --import`) into the app's processes by `npm run bench:webhooks`: the bench shop's
// Admin API does not exist, so the worker's calls to it must fail here rather than leave the
// machine. The entries themselves (build/processes/*.js) run unchanged.
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);
const realFetch = globalThis.fetch;

globalThis.fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (LOOPBACK.has(url.hostname)) return realFetch(input, init);
  throw new Error(`bench: refused an outbound request to ${url.origin} (loopback only)`);
};
