import { describe, expect, it } from "vitest";
import { shapeDifferences } from "./key-tree";

describe("shapeDifferences", () => {
  it("accepts the same shape with different values", () => {
    expect(shapeDifferences({ a: 1, b: [{ c: "x" }] }, { a: 2, b: [{ c: "y" }, { c: "z" }] })).toEqual([]);
  });

  it("reports missing keys, unexpected keys, wrong kinds and key order", () => {
    expect(shapeDifferences({ a: 1, b: "s" }, { b: 1, c: true })).toEqual(
      expect.arrayContaining([
        { path: "$.a", problem: "missing" },
        { path: "$.b", problem: "expected string, got number" },
        { path: "$.c", problem: "unexpected key" },
      ]),
    );
    expect(shapeDifferences({ a: 1, b: 2 }, { b: 2, a: 1 })).toEqual([
      { path: "$", problem: "key order differs: expected a,b" },
    ]);
  });

  it("merges array elements, so a key present in any sample element is required", () => {
    const sample = { items: [{ staff: [{ id: "x" }] }, { staff: [] }] };
    expect(shapeDifferences(sample, { items: [{ staff: [] }] })).toEqual([
      { path: "$.items[].staff[]", problem: "missing" },
      { path: "$.items[].staff[].id", problem: "missing" },
    ]);
  });

  it("says nothing below an empty or null sample value, and lets null match any kind", () => {
    expect(shapeDifferences({ f: [], d: null, n: "x" }, { f: [{ any: 1 }], d: { k: 1 }, n: null })).toEqual([]);
  });
});
