import { describe, expect, it } from "vitest";
import { env } from "~/env.server";
import { BOUNCE_PAGE_PATH, demoBounceResponse, demoLaunchPath, requireDemoMode } from "./demo-auth.server";
import { DEMO_SHOP_DOMAIN, demoHostParam } from "./demo-shop";

const appUrl = env.SHOPIFY_APP_URL;

function bounceRequest(reload: string): Request {
  const params = new URLSearchParams({
    embedded: "1",
    shop: DEMO_SHOP_DOMAIN,
    host: demoHostParam(),
    "shopify-reload": reload,
  });
  return new Request(`${appUrl}${BOUNCE_PAGE_PATH}?${params.toString()}`);
}

describe("demo auth", () => {
  it("opens the app the way Shopify admin embeds it: embedded, shop, host and a session token", () => {
    const url = new URL(demoLaunchPath(), appUrl);

    expect(url.pathname).toBe("/app");
    expect(url.searchParams.get("embedded")).toBe("1");
    expect(url.searchParams.get("shop")).toBe(DEMO_SHOP_DOMAIN);
    expect(atob(url.searchParams.get("host") ?? "")).toBe("admin.shopify.com/store/demo-shop");
    expect(url.searchParams.get("id_token")?.split(".")).toHaveLength(3);
  });

  it("answers the bounce page by reloading the app URL with a fresh session token", () => {
    const response = demoBounceResponse(bounceRequest(`${appUrl}/app?embedded=1&shop=${DEMO_SHOP_DOMAIN}`));

    expect(response?.status).toBe(302);
    const location = new URL(response?.headers.get("Location") ?? "", appUrl);
    expect(location.pathname).toBe("/app");
    expect(location.searchParams.get("shop")).toBe(DEMO_SHOP_DOMAIN);
    expect(location.searchParams.get("id_token")?.split(".")).toHaveLength(3);
  });

  it.each([
    ["another origin", `https://evil.example/app?shop=${DEMO_SHOP_DOMAIN}`],
    ["another shop", `${appUrl}/app?shop=someone-else.myshopify.com`],
    ["no URL at all", "not a url"],
    ["a scheme-relative path on this origin (//host)", `${appUrl}//evil.example/x?shop=${DEMO_SHOP_DOMAIN}`],
    ["a backslash path on this origin (/\\host)", `${appUrl}/\\evil.example/x?shop=${DEMO_SHOP_DOMAIN}`],
  ])("refuses to bounce to %s, and mints no token", (_label, reload) => {
    const response = demoBounceResponse(bounceRequest(reload));

    expect(response?.status).toBe(400);
    expect(response?.headers.get("Location")).toBeNull();
  });

  it("leaves every other auth path to authenticate.admin", () => {
    expect(demoBounceResponse(new Request(`${appUrl}/auth/login`))).toBeNull();
  });

  it("hides the demo routes outside demo mode", () => {
    expect(env.DEMO_MODE).toBe("0");

    let thrown: unknown;
    try {
      requireDemoMode();
    } catch (error) {
      thrown = error;
    }

    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(404);
  });
});
