import { describe, expect, it } from "vitest";
import { formatTabCount } from "./format";

describe("formatTabCount", () => {
  it("shows a count up to the limit as is, and one past it as 'limit+'", () => {
    expect(formatTabCount(0, 1_000)).toBe("0");
    expect(formatTabCount(1_000, 1_000)).toBe("1,000");
    expect(formatTabCount(1_001, 1_000)).toBe("1,000+");
  });
});
