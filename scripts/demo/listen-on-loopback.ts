// The demo server listens on the loopback interface only. Demo mode mints session tokens for
// anyone who asks (/demo/session-token) and lets the browser play the store's other actors
// (/demo/simulator): nobody else on the network may reach it. IPv4 loopback, because every
// client of http://localhost falls back to it (browsers, curl and Node's fetch try ::1 and
// 127.0.0.1 in turn).
import type { Server } from "node:http";

export const DEMO_LISTEN_HOST = "127.0.0.1";

export function listenOnLoopback(server: Server, port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, DEMO_LISTEN_HOST, () => resolve());
  });
}
