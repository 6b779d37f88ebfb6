import { describe, expect, it } from "vitest";
import { chooseQuantities } from "./line-quantities";

const lines = [
  { id: "gid://shopify/FulfillmentOrderLineItem/1", sku: "A", name: "A", totalQuantity: 3, remainingQuantity: 3 },
  { id: "gid://shopify/FulfillmentOrderLineItem/2", sku: "B", name: "B", totalQuantity: 2, remainingQuantity: 2 },
  { id: "gid://shopify/FulfillmentOrderLineItem/3", sku: "C", name: "C", totalQuantity: 1, remainingQuantity: 0 },
];

describe("chooseQuantities", () => {
  it("sends no lines when every open line is left at its remaining quantity (act on everything)", () => {
    expect(chooseQuantities(lines, {}).chosen).toEqual([]);
    expect(chooseQuantities(lines, { [lines[0]!.id]: 3 }).chosen).toEqual([]);
  });

  it("sends every open line once one quantity changed", () => {
    expect(chooseQuantities(lines, { [lines[0]!.id]: 1 }).chosen).toEqual([
      { id: lines[0]!.id, quantity: 1 },
      { id: lines[1]!.id, quantity: 2 },
    ]);
  });
});
