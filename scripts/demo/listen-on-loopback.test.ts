import { createServer } from "node:http";
import { describe, expect, it } from "vitest";
import { listenOnLoopback } from "./listen-on-loopback";

describe("listenOnLoopback", () => {
  it("binds the demo server to 127.0.0.1 only, never to every interface", async () => {
    const server = createServer((_req, res) => res.end("ok"));

    await listenOnLoopback(server, 0);

    try {
      const address = server.address();
      expect(address).toMatchObject({ address: "127.0.0.1", family: "IPv4" });
      const port = typeof address === "object" && address ? address.port : 0;
      // Still reachable at the URL the demo prints (http://localhost:<port>).
      expect(await (await fetch(`http://localhost:${port}/`)).text()).toBe("ok");
    } finally {
      await new Promise((done) => server.close(done));
    }
  });
});
