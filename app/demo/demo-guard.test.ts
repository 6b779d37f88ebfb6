import { describe, expect, it } from "vitest";
import { readEnv } from "~/env.server";
import { assertDemoModeAllowed, DemoModeRefusedError } from "./demo-guard";
import { DEMO_API_KEY, DEMO_API_SECRET } from "./demo-shop";

const DEMO = { DEMO_MODE: "1", SHOPIFY_API_KEY: DEMO_API_KEY, SHOPIFY_API_SECRET: DEMO_API_SECRET };
const REAL = { SHOPIFY_API_KEY: "a-real-partner-app-key", SHOPIFY_API_SECRET: "a-real-partner-app-secret" };

describe("assertDemoModeAllowed", () => {
  it("allows demo mode only in the npm run demo process, with the demo's credentials", () => {
    expect(() => assertDemoModeAllowed({ NODE_ENV: "development", ...DEMO }, true)).not.toThrow();
  });

  it.each([
    ["NODE_ENV=test with a real app's credentials", { NODE_ENV: "test", ...DEMO, ...REAL }, true, /credentials/],
    [
      "a real key with the demo's secret",
      { NODE_ENV: "development", ...DEMO, SHOPIFY_API_KEY: "real" },
      true,
      /credentials/,
    ],
    ["the demo's credentials outside npm run demo", { NODE_ENV: "development", ...DEMO }, false, /npm run demo/],
    ["production, even inside the demo process", { NODE_ENV: "production", ...DEMO }, true, /production/],
  ])("refuses %s", (_label, settings, inDemoServer, why) => {
    expect(() => assertDemoModeAllowed(settings, inDemoServer)).toThrow(DemoModeRefusedError);
    expect(() => assertDemoModeAllowed(settings, inDemoServer)).toThrow(why);
  });

  it("has nothing to say when demo mode is off", () => {
    expect(() => assertDemoModeAllowed({ NODE_ENV: "production", DEMO_MODE: "0", ...REAL }, false)).not.toThrow();
  });
});

describe("reading the environment at start-up", () => {
  const base = { SHOPIFY_APP_URL: "https://fulfillment-desk.example", ...REAL };

  it("refuses to start with demo flags in production, instead of answering 500 later", () => {
    expect(() => readEnv({ ...base, NODE_ENV: "production", DEMO_MODE: "1" })).toThrow(DemoModeRefusedError);
  });

  it("refuses to start `NODE_ENV=test DEMO_MODE=1 npm start` with real credentials", () => {
    expect(() => readEnv({ ...base, NODE_ENV: "test", DEMO_MODE: "1" })).toThrow(/credentials are not the demo's/);
  });

  it("starts a real app as before", () => {
    expect(readEnv({ ...base, NODE_ENV: "production" }).DEMO_MODE).toBe("0");
  });
});
