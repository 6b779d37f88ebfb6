import { describe, expect, it } from "vitest";
import { groupPickupOrders, type PickupOrderView } from "./board";

const now = new Date("2026-11-22T12:00:00.000Z");
const order = (
  id: string,
  preparedForPickupAt: string | null,
  placedAt = "2026-11-18T09:00:00.000Z",
): PickupOrderView => ({
  fulfillmentOrderId: `gid://shopify/FulfillmentOrder/${id}`,
  orderName: `#${id}`,
  customerName: null,
  locationName: "Downtown store",
  remainingQuantity: 1,
  placedAt,
  preparedForPickupAt,
  expectedUpdatedAt: placedAt,
  readyForPickup: null,
  pickedUp: null,
  refundable: true,
  cancellation: null,
});

describe("groupPickupOrders", () => {
  it("puts unprepared orders first, then ready ones, then ready ones waiting N days or more", () => {
    const board = groupPickupOrders(
      [
        order("1", null),
        order("2", "2026-11-22T10:00:00.000Z"),
        order("3", "2026-11-19T12:00:00.000Z"), // exactly 3 days
        order("4", "2026-11-19T12:00:01.000Z"), // just under 3 days
        order("5", "2026-11-10T12:00:00.000Z"),
      ],
      3,
      now,
    );

    expect(board.awaiting.map((o) => o.orderName)).toEqual(["#1"]);
    expect(board.ready.map((o) => o.orderName)).toEqual(["#4", "#2"]);
    expect(board.notCollected.map((o) => o.orderName)).toEqual(["#5", "#3"]);
    expect(board.notCollectedDays).toBe(3);
  });

  it("moves orders between groups when the threshold changes", () => {
    const orders = [order("2", "2026-11-21T11:00:00.000Z")];
    expect(groupPickupOrders(orders, 3, now).ready).toHaveLength(1);
    expect(groupPickupOrders(orders, 1, now).notCollected).toHaveLength(1);
  });
});
