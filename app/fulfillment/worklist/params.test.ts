import { describe, expect, it } from "vitest";
import {
  DEFAULT_PARAMS,
  decodeCursor,
  encodeCursor,
  filterProblems,
  parseWorklistParams,
  worklistSearch,
  withFilters,
} from "./params";

describe("the worklist's URL params", () => {
  it("round-trips every filter, the sort and the cursor through the URL", () => {
    const params = {
      ...DEFAULT_PARAMS,
      tab: "on-hold" as const,
      locationId: "gid://shopify/Location/7",
      deliveryMethod: "PICK_UP",
      olderThanDays: 3 as const,
      tag: "vip",
      financialStatus: "PENDING",
      query: "#1001",
      sort: "newest" as const,
      after: { openedAt: "2026-11-20T10:00:00.000Z", id: "cabc123" },
    };
    expect(parseWorklistParams(new URLSearchParams(worklistSearch(params)))).toEqual(params);
  });

  it.each([
    ["tab=nonsense", { tab: "to-request" }],
    ["age=2", { olderThanDays: null }],
    ["delivery=TELEPORT", { deliveryMethod: null }],
    ["financial=RICH", { financialStatus: null }],
    ["tag=a,b", { tag: null }],
    ["q=%20%20", { query: null }],
    ["sort=sideways", { sort: "oldest" }],
    ["after=not-a-cursor", { after: null }],
  ])("drops a bad value instead of failing: %s", (search, expected) => {
    expect(parseWorklistParams(new URLSearchParams(search))).toMatchObject(expected);
  });

  it("leaves defaults out of the URL", () => {
    expect(worklistSearch(DEFAULT_PARAMS)).toBe("");
  });

  it("starts again at the first page when a filter or the tab changes", () => {
    const paged = { ...DEFAULT_PARAMS, after: { openedAt: "2026-11-20T10:00:00.000Z", id: "c1" } };
    expect(withFilters(paged, { tab: "done" })).toMatchObject({ tab: "done", after: null, before: null });
  });

  it("reads back the cursor it wrote, ids with separators included", () => {
    const cursor = { openedAt: "2026-11-20T10:00:00.000Z", id: "c~weird" };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it.each([
    ["a 101-character search", { q: "a".repeat(101) }, { query: "too-long", tag: null }],
    ["a tag with a comma", { tag: "a,b" }, { query: null, tag: "comma" }],
    ["a 256-character tag", { tag: "t".repeat(256) }, { query: null, tag: "too-long" }],
    ["a search and a tag at their limits", { q: "a".repeat(100), tag: "t".repeat(255) }, { query: null, tag: null }],
  ])("reports %s as refused, and applies only what it accepts", (_, search: Record<string, string>, problems) => {
    const url = new URLSearchParams(search);
    expect(filterProblems(url)).toEqual(problems);
    const params = parseWorklistParams(url);
    expect(params.query === null).toBe(problems.query !== null || !search.q);
    expect(params.tag === null).toBe(problems.tag !== null || !search.tag);
  });
});
