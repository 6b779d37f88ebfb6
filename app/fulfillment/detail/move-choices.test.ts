import { describe, expect, it } from "vitest";
import { moveChoices } from "./move-choices";

const NOT_STOCKED = "The destination location doesn't stock the requested inventory item.";
const PARTLY = "Some items aren't stocked at this location and will stay where they are.";

describe("moveChoices", () => {
  it("offers only the movable locations and lists the others with Shopify's reason", () => {
    const { choices, refused } = moveChoices([
      { id: "L1", name: "Warehouse", movable: true, message: null },
      { id: "L2", name: "Outlet", movable: false, message: NOT_STOCKED },
      { id: "L3", name: "Downtown store", movable: true, message: PARTLY },
    ]);
    expect(choices).toEqual([
      { value: "L1", label: "Warehouse", note: null },
      { value: "L3", label: "Downtown store", note: PARTLY },
    ]);
    expect(refused).toEqual([{ id: "L2", name: "Outlet", reason: NOT_STOCKED }]);
  });
});
