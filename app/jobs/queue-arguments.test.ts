import { describe, expect, it } from "vitest";
import { checkedMaxAttempts, emptyJobCounts, jobListQuery } from "./queue-arguments";

describe("the queues' shared argument handling", () => {
  it("applies a listing's defaults: any shop, type and status, 50 jobs", () => {
    expect(jobListQuery({})).toEqual({ shop: null, type: null, statuses: null, take: 50 });
    expect(jobListQuery({ shop: "a.myshopify.com", type: "sync", statuses: ["dead"], take: 7 })).toEqual({
      shop: "a.myshopify.com",
      type: "sync",
      statuses: ["dead"],
      take: 7,
    });
  });

  it("keeps take within 1..500", () => {
    expect(jobListQuery({ take: 0 }).take).toBe(1);
    expect(jobListQuery({ take: -3 }).take).toBe(1);
    expect(jobListQuery({ take: 10_000 }).take).toBe(500);
  });

  it("defaults maxAttempts to 8 and refuses one that is not a positive integer", () => {
    expect(checkedMaxAttempts(undefined)).toBe(8);
    expect(checkedMaxAttempts(3)).toBe(3);
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => checkedMaxAttempts(bad)).toThrow(RangeError);
  });

  it("counts start at zero for every status", () => {
    expect(emptyJobCounts()).toEqual({ queued: 0, running: 0, succeeded: 0, dead: 0, cancelled: 0 });
  });
});
