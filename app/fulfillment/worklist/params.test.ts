import { describe, expect, it } from "vitest";
import { DEFAULT_PARAMS, decodeCursor, encodeCursor, parseWorklistParams, worklistSearch, withFilters } from "./params";

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
});
