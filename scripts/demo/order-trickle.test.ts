import { afterEach, describe, expect, it, vi } from "vitest";
import { SHOP, setupStore } from "../../tests/support/simulator-fixture";
import { placeTrickleOrder, startOrderTrickle, trickleSeconds } from "./order-trickle";

describe("the demo's order trickle", () => {
  afterEach(() => vi.useRealTimers());

  it.each([
    [undefined, 20],
    ["", 20],
    ["0", 0],
    ["5", 5],
  ])("reads DEMO_ORDER_TRICKLE_SECONDS=%j as %d seconds", (raw, seconds) => {
    expect(trickleSeconds(raw === undefined ? {} : { DEMO_ORDER_TRICKLE_SECONDS: raw })).toBe(seconds);
  });

  it.each(["-1", "soon"])("refuses DEMO_ORDER_TRICKLE_SECONDS=%j with a clear message", (raw) => {
    expect(() => trickleSeconds({ DEMO_ORDER_TRICKLE_SECONDS: raw })).toThrow(/DEMO_ORDER_TRICKLE_SECONDS must be/);
  });

  it("routes each order to the 3PL, paid and tagged, and makes every sixth one high risk", () => {
    const { sim, thirdParty } = setupStore();
    const orders = Array.from({ length: 6 }, (_, n) => placeTrickleOrder(sim, SHOP, n));
    for (const order of orders) {
      expect(sim.fulfillmentOrdersOf(order.id).map((fo) => [fo.locationId, fo.status])).toEqual([
        [thirdParty.id, "OPEN"],
      ]);
      expect(order).toMatchObject({ financialStatus: "PAID", tags: ["demo-trickle"] });
    }
    expect(orders.map((o) => o.riskLevel)).toEqual(["LOW", "LOW", "LOW", "LOW", "LOW", "HIGH"]);
  });

  it("places an order each period, and none when it is off", () => {
    vi.useFakeTimers();
    const { sim } = setupStore();
    const off = startOrderTrickle(sim, SHOP, 0);
    vi.advanceTimersByTime(60_000);
    expect(sim.snapshot(SHOP).orders).toHaveLength(0);
    off();
    const stop = startOrderTrickle(sim, SHOP, 20);
    vi.advanceTimersByTime(60_000);
    stop();
    vi.advanceTimersByTime(60_000);
    expect(sim.snapshot(SHOP).orders).toHaveLength(3);
  });
});
