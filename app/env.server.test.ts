import { describe, expect, it } from "vitest";
import { readEnv } from "./env.server";

const base = {
  NODE_ENV: "test" as const,
  SHOPIFY_API_KEY: "key",
  SHOPIFY_API_SECRET: "secret",
  SHOPIFY_APP_URL: "https://app.example.com",
};

describe("the environment", () => {
  it("sizes the PostgreSQL pool from DATABASE_POOL_SIZE, 10 by default", () => {
    expect(readEnv(base).DATABASE_POOL_SIZE).toBe(10);
    expect(readEnv({ ...base, DATABASE_POOL_SIZE: "40" }).DATABASE_POOL_SIZE).toBe(40);
  });

  it("refuses a pool size that is not a whole number from 1 to 500, naming the setting", () => {
    for (const bad of ["0", "-3", "2.5", "lots", "100000"]) {
      expect(() => readEnv({ ...base, DATABASE_POOL_SIZE: bad })).toThrow(/DATABASE_POOL_SIZE/);
    }
  });
});
