import { describe, expect, it } from "vitest";
import { applyDemoEnv, DEMO_API_KEY, DEMO_API_SECRET, DemoRefusedInProductionError } from "./demo-env";

// process.env's type insists on NODE_ENV; these stand-ins are plain variable sets.
const vars = (values: Record<string, string>) => values as NodeJS.ProcessEnv;

describe("applyDemoEnv", () => {
  it("refuses to run the demo with NODE_ENV=production", () => {
    const source = vars({ NODE_ENV: "production" });

    expect(() => applyDemoEnv(source)).toThrow(DemoRefusedInProductionError);
    expect(source.DEMO_MODE).toBeUndefined();
  });

  it("turns demo mode on with demo-only credentials, port 3000 and its own SQLite file", () => {
    const source = vars({ SHOPIFY_API_KEY: "a-real-key", SHOPIFY_API_SECRET: "a-real-secret" });

    const env = applyDemoEnv(source);

    expect(env).toEqual({ port: 3000, appUrl: "http://localhost:3000", databaseUrl: "file:./prisma/demo.sqlite" });
    expect(source).toMatchObject({
      DEMO_MODE: "1",
      NODE_ENV: "development",
      SHOPIFY_API_KEY: DEMO_API_KEY,
      SHOPIFY_API_SECRET: DEMO_API_SECRET,
      SHOPIFY_APP_URL: "http://localhost:3000",
    });
  });

  it("keeps an explicit PORT and DATABASE_URL so tests can run demos side by side", () => {
    const source = vars({ PORT: "4123", DATABASE_URL: "file:/tmp/e2e.sqlite" });

    expect(applyDemoEnv(source)).toEqual({
      port: 4123,
      appUrl: "http://localhost:4123",
      databaseUrl: "file:/tmp/e2e.sqlite",
    });
  });
});
