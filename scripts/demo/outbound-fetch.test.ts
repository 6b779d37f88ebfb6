import { afterEach, describe, expect, it, vi } from "vitest";
import { DemoOutboundRequestError, installDemoFetch } from "./outbound-fetch";

const guardedFetch = globalThis.fetch;

afterEach(() => {
  globalThis.fetch = guardedFetch;
});

describe("installDemoFetch", () => {
  it("sends Admin API requests for a shop to the simulator", async () => {
    const simFetch = vi.fn(async () => new Response("{}", { status: 200 }));
    installDemoFetch().routeShopsTo({ fetch: simFetch });

    const response = await fetch("https://demo-shop.myshopify.com/admin/api/2026-10/graphql.json", { method: "POST" });

    expect(response.status).toBe(200);
    expect(simFetch).toHaveBeenCalledOnce();
  });

  it.each([
    ["Shopify's CDN", "https://cdn.shopify.com/shopifycloud/app-bridge.js"],
    ["any other host", "https://example.com/"],
  ])("refuses %s loudly", async (_label, url) => {
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
    installDemoFetch().routeShopsTo({ fetch: vi.fn() });

    await expect(fetch(url)).rejects.toThrow(DemoOutboundRequestError);
    expect(consoleError).toHaveBeenCalledWith(expect.stringContaining(url));
  });

  it("refuses shops too until the simulator is ready", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    installDemoFetch();

    await expect(fetch("https://demo-shop.myshopify.com/admin/oauth/access_token")).rejects.toThrow(
      DemoOutboundRequestError,
    );
  });
});
