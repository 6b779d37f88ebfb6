// Demo only: a live trickle of simulated orders routed to the 3PL, so a newcomer watches
// automation request fulfillment without placing orders by hand (issue 10).
// DEMO_ORDER_TRICKLE_SECONDS sets the pace (20 by default); 0 turns the trickle off.
import type { StoreSimulator } from "../../simulator/store-simulator";
import type { SimOrder } from "../../simulator/types";

export const DEMO_ORDER_TRICKLE_DEFAULT_SECONDS = 20;

/** Every Nth trickled order is high risk, so the automation's high-risk hold shows too. */
const HIGH_RISK_EVERY = 6;

const BUYERS = [
  ["Barbara", "Liskov"],
  ["Donald", "Knuth"],
  ["Ada", "Yonath"],
  ["Ken", "Thompson"],
] as const;

export function trickleSeconds(env: Record<string, string | undefined> = process.env): number {
  const raw = env.DEMO_ORDER_TRICKLE_SECONDS;
  if (raw === undefined || raw.trim() === "") return DEMO_ORDER_TRICKLE_DEFAULT_SECONDS;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new Error(`DEMO_ORDER_TRICKLE_SECONDS must be a number of seconds (0 turns it off), got "${raw}"`);
  }
  return seconds;
}

/** The `n`th trickled order: one or two units of a catalog item, shipped from the 3PL. */
export function placeTrickleOrder(sim: StoreSimulator, shop: string, n: number): SimOrder {
  const { locations, variants } = sim.snapshot(shop);
  const threePl = locations.find((l) => l.kind === "fulfillment_service" && l.active);
  const variant = variants[n % Math.max(variants.length, 1)];
  if (!threePl || !variant) throw new Error(`The demo shop ${shop} has no 3PL location or no product to order`);
  const [firstName, lastName] = BUYERS[n % BUYERS.length]!;
  return sim.createOrder(shop, {
    lineItems: [{ variantId: variant.id, quantity: 1 + (n % 2) }],
    locationId: threePl.id,
    customer: { firstName, lastName, email: `${firstName.toLowerCase()}.${lastName.toLowerCase()}@example.com` },
    riskLevel: (n + 1) % HIGH_RISK_EVERY === 0 ? "HIGH" : "LOW",
    tags: ["demo-trickle"],
  });
}

/** Places an order every `seconds`; returns the stop function. Does nothing for 0. */
export function startOrderTrickle(sim: StoreSimulator, shop: string, seconds: number): () => void {
  if (seconds <= 0) return () => {};
  let n = 0;
  const timer = setInterval(() => {
    try {
      placeTrickleOrder(sim, shop, n++);
    } catch (error) {
      console.error("demo order trickle failed", error);
    }
  }, seconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
