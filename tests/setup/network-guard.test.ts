import http from "node:http";
import https from "node:https";
import { describe, expect, it } from "vitest";
import { routeRequests, takeUnhandledRequests, UnhandledRequestError } from "../support/network-guard";

describe("the network guard", () => {
  it("refuses a fetch to any host that no test routed, and records it", async () => {
    await expect(fetch("https://example.com/")).rejects.toBeInstanceOf(UnhandledRequestError);
    expect(takeUnhandledRequests()).toEqual(["GET https://example.com/"]);
  });

  it("refuses raw http and https requests to outside hosts", () => {
    expect(() => http.get("http://example.com/")).toThrow(UnhandledRequestError);
    expect(() => https.get("https://shopify.dev/")).toThrow(UnhandledRequestError);
    expect(takeUnhandledRequests()).toEqual(["socket example.com", "socket shopify.dev"]);
  });

  it("refuses a Shopify Admin API call when no simulator is routed", async () => {
    const call = fetch("https://some-shop.myshopify.com/admin/api/2026-10/graphql.json", { method: "POST" });
    await expect(call).rejects.toThrow(/Unhandled outbound request/);
    takeUnhandledRequests();
  });

  it("hands routed requests to their handler", async () => {
    const unroute = routeRequests(
      (url) => url.hostname.endsWith(".myshopify.com"),
      async () => new Response("routed"),
    );
    try {
      const response = await fetch("https://some-shop.myshopify.com/admin/api/2026-10/graphql.json");
      expect(await response.text()).toBe("routed");
    } finally {
      unroute();
    }
  });
});
