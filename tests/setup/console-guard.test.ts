import { describe, expect, it } from "vitest";
import { allowConsoleError, takeUnexpectedConsoleErrors } from "../support/console-guard";

describe("the console.error guard", () => {
  it("records a console.error no test expected, so the test fails", () => {
    console.error("something went wrong", { id: 1 });
    expect(takeUnexpectedConsoleErrors()).toEqual(["something went wrong { id: 1 }"]);
  });

  it("lets through what the test said it expects, and only that", () => {
    allowConsoleError(/jobs: dead-lettered/);
    console.error("jobs: dead-lettered", { jobId: "j1" });
    console.error("Warning: Each child in a list should have a unique key");
    expect(takeUnexpectedConsoleErrors()).toEqual(["Warning: Each child in a list should have a unique key"]);
  });

  it("forgets an allowance when the test ends", () => {
    allowConsoleError(/expected/);
    takeUnexpectedConsoleErrors();
    console.error("expected in the last test only");
    expect(takeUnexpectedConsoleErrors()).toEqual(["expected in the last test only"]);
  });
});
