// The one store set-up every test starts from (simulator, route and domain tests alike): a
// merchant warehouse, a 3PL, a pickup store, a closed store, and two variants stocked at the
// first three. Small stock on purpose, so inventory assertions read easily. The two products have
// different vendors and tags, so rules on vendor and product tag have something to tell apart.
import type { StoreSimulator } from "../../simulator/store-simulator";

export const SEED_STOCK = { warehouse: 10, thirdParty: 20, pickup: 5 } as const;

export function seedLocations(sim: StoreSimulator, domain: string) {
  const warehouse = sim.addLocation(domain, { name: "Warehouse", kind: "merchant" });
  const thirdParty = sim.addLocation(domain, { name: "ShipFast 3PL", kind: "fulfillment_service" });
  const pickup = sim.addLocation(domain, { name: "Downtown store", kind: "pickup" });
  const closedStore = sim.addLocation(domain, { name: "Old store", kind: "merchant", active: false });
  const stock = {
    [warehouse.id]: SEED_STOCK.warehouse,
    [thirdParty.id]: SEED_STOCK.thirdParty,
    [pickup.id]: SEED_STOCK.pickup,
  };
  const mug = sim.addVariant(domain, {
    title: "Mug",
    sku: "MUG-1",
    price: "12.50",
    inventory: stock,
    vendor: "Clayworks",
    productTags: ["ceramics", "fragile"],
  });
  const tee = sim.addVariant(domain, {
    title: "Tee",
    sku: "TEE-1",
    price: "20.00",
    inventory: stock,
    vendor: "Loomhouse",
    productTags: ["apparel"],
  });
  return { warehouse, thirdParty, pickup, closedStore, tee, mug };
}
