import { describe, expect, it } from "vitest";
import { StoreSimulator } from "../../simulator/store-simulator";
import { DEMO_LOCATIONS, DEMO_NEWEST_ORDER_NAME, DEMO_ORDER_COUNT, seedDemoShop } from "./seed-demo-shop";

const NOW = new Date("2026-11-22T12:00:00Z");

async function seeded() {
  const sim = new StoreSimulator({ apiKey: "demo-key", apiSecret: "demo-secret", now: () => NOW });
  const result = await seedDemoShop(sim, NOW);
  return { sim, result, shop: sim.snapshot(result.shop) };
}

describe("seedDemoShop", () => {
  it("seeds the same shop on every run", async () => {
    const [first, second] = await Promise.all([seeded(), seeded()]);

    expect(second.shop).toEqual(first.shop);
  });

  it("spreads 30+ orders over the warehouse, the 3PL and the pickup store", async () => {
    const { shop } = await seeded();

    expect(shop.orders).toHaveLength(DEMO_ORDER_COUNT);
    expect(DEMO_ORDER_COUNT).toBeGreaterThanOrEqual(30);
    expect(shop.orders.at(-1)?.name).toBe(DEMO_NEWEST_ORDER_NAME);
    const byLocation = new Map(shop.locations.map((l) => [l.id, l.name]));
    const used = new Set(shop.fulfillmentOrders.map((fo) => byLocation.get(fo.locationId)));
    expect([...used].sort()).toEqual(
      Object.values(DEMO_LOCATIONS)
        .map((l) => l.name)
        .sort(),
    );
  });

  it("includes the states a fulfillment desk deals with", async () => {
    const { shop } = await seeded();
    const fos = shop.fulfillmentOrders;
    const day = 24 * 3_600_000;

    expect(
      fos.filter((fo) => fo.holds.some((h) => h.heldByApp?.title === "Fulfillment Desk")).length,
    ).toBeGreaterThanOrEqual(2);
    expect(
      fos.filter((fo) => fo.holds.some((h) => h.heldByApp && h.heldByApp.title !== "Fulfillment Desk")).length,
    ).toBeGreaterThanOrEqual(2);
    expect(fos.filter((fo) => fo.holds.some((h) => h.reason === "ONLINE_STORE_POST_PURCHASE_CROSS_SELL"))).toHaveLength(
      1,
    );
    expect(fos.filter((fo) => fo.requestStatus === "SUBMITTED").length).toBeGreaterThanOrEqual(2);
    expect(fos.filter((fo) => fo.requestStatus === "ACCEPTED").length).toBeGreaterThanOrEqual(2);
    expect(fos.filter((fo) => fo.deliveryMethod === "PICK_UP" && fo.preparedForPickup).length).toBeGreaterThanOrEqual(
      1,
    );
    const partial = shop.fulfillmentOrders.filter(
      (fo) => fo.fulfillmentIds.length > 0 && fo.lineItems.some((li) => li.remainingQuantity > 0),
    );
    expect(partial.length).toBeGreaterThanOrEqual(2);
    const staleUnpaid = shop.orders.filter(
      (o) => o.financialStatus === "PENDING" && NOW.getTime() - Date.parse(o.createdAt) > 3 * day,
    );
    expect(staleUnpaid.length).toBeGreaterThanOrEqual(3);
  });
});
