// Small, readable store set-ups for tests.
import type { StoreSimulator } from "../../simulator/store-simulator";

export function seedLocations(sim: StoreSimulator, domain: string) {
  const warehouse = sim.addLocation(domain, { name: "Warehouse", kind: "merchant" });
  const thirdParty = sim.addLocation(domain, { name: "ShipFast 3PL", kind: "fulfillment_service" });
  const pickup = sim.addLocation(domain, { name: "Downtown store", kind: "pickup" });
  const stock = { [warehouse.id]: 500, [thirdParty.id]: 500, [pickup.id]: 500 };
  const tee = sim.addVariant(domain, { title: "Tee", sku: "TEE-1", price: "20.00", inventory: stock });
  const mug = sim.addVariant(domain, { title: "Mug", sku: "MUG-1", price: "12.00", inventory: stock });
  return { warehouse, thirdParty, pickup, tee, mug };
}
