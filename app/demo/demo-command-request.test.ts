import { describe, expect, it } from "vitest";
import { refuseDemoCommandRequest } from "./demo-command-request";

const APP_URL = "http://localhost:3000";

const post = (headers: Record<string, string>) =>
  new Request(`${APP_URL}/demo/simulator`, { method: "POST", headers, body: '{"command":"inventory","sku":"X"}' });

describe("refuseDemoCommandRequest", () => {
  it.each([["http://localhost:3000"], ["http://127.0.0.1:3000"]])(
    "accepts JSON from the demo page's own origin (%s)",
    (origin) => {
      expect(
        refuseDemoCommandRequest(post({ Origin: origin, "Content-Type": "application/json" }), APP_URL),
      ).toBeNull();
    },
  );

  it.each([
    ["another site", { Origin: "https://evil.example", "Content-Type": "application/json" }],
    [
      "a DNS-rebound name on the demo's port",
      { Origin: "http://evil.example:3000", "Content-Type": "application/json" },
    ],
    ["another port on this machine", { Origin: "http://localhost:3001", "Content-Type": "application/json" }],
    ["no origin at all", { "Content-Type": "application/json" }],
  ])("refuses %s with 403", (_label, headers) => {
    expect(refuseDemoCommandRequest(post(headers), APP_URL)).toEqual({ status: 403, error: expect.any(String) });
  });

  it.each([["text/plain"], ["application/x-www-form-urlencoded"], [""]])(
    "refuses a body sent as %s with 415",
    (contentType) => {
      const request = post({ Origin: APP_URL, ...(contentType ? { "Content-Type": contentType } : {}) });

      expect(refuseDemoCommandRequest(request, APP_URL)).toEqual({ status: 415, error: expect.stringMatching(/JSON/) });
    },
  );
});
