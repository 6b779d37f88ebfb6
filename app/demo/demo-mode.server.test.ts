import { describe, expect, it } from "vitest";
import { DemoModeInProductionError, isDemoMode } from "./demo-mode.server";

describe("isDemoMode", () => {
  it("is off unless DEMO_MODE=1 is set explicitly", () => {
    expect(isDemoMode({ NODE_ENV: "development", DEMO_MODE: "0" })).toBe(false);
    expect(isDemoMode({ NODE_ENV: "development", DEMO_MODE: "1" })).toBe(true);
  });

  it("refuses to switch on in production, whatever the flag says", () => {
    expect(() => isDemoMode({ NODE_ENV: "production", DEMO_MODE: "1" })).toThrow(DemoModeInProductionError);
    expect(isDemoMode({ NODE_ENV: "production", DEMO_MODE: "0" })).toBe(false);
  });
});
