// The demo shop: three locations (own warehouse, a 3PL, a pickup store) and 32 orders in
// the states a fulfillment desk deals with. Deterministic: the same orders, names, ids and
// ages (relative to `now`) on every run. State changes after checkout go through the
// simulator's Admin API mutations, as the app and Shopify would make them.
import { DEMO_SHOP_DOMAIN, DEMO_SHOP_NAME } from "~/demo/demo-shop";
import type { StoreSimulator } from "../../simulator/store-simulator";
import type { DeliveryMethodType, FinancialStatus, SimLocation, SimOrder, SimVariant } from "../../simulator/types";

export const DEMO_LOCATIONS = {
  warehouse: { name: "Brooklyn Warehouse", kind: "merchant" },
  threePl: { name: "ShipBob Fulfillment", kind: "fulfillment_service" },
  store: { name: "Downtown Store", kind: "pickup" },
} as const;

type LocationKey = keyof typeof DEMO_LOCATIONS;

const CATALOG = [
  { title: "Ceramic Mug — Sand", sku: "MUG-SAND", price: "18.00" },
  { title: "Organic Tee — Black / M", sku: "TEE-BLK-M", price: "32.00" },
  { title: "Canvas Tote", sku: "TOTE-NAT", price: "24.00" },
  { title: "Pour-over Kettle", sku: "KETTLE-01", price: "65.00" },
  { title: "Coffee Beans 1 kg", sku: "BEANS-1KG", price: "28.00" },
] as const;

const CUSTOMERS = [
  ["Ada", "Lovelace"],
  ["Grace", "Hopper"],
  ["Alan", "Turing"],
  ["Katherine", "Johnson"],
  ["Linus", "Pauling"],
  ["Hedy", "Lamarr"],
  ["Tim", "Berners-Lee"],
  ["Margaret", "Hamilton"],
  ["Claude", "Shannon"],
  ["Radia", "Perlman"],
  ["Edsger", "Dijkstra"],
  ["Frances", "Allen"],
] as const;

/** What happens to an order after checkout. */
type Scenario =
  | "open"
  | "our-hold"
  | "other-app-hold"
  | "post-purchase-hold"
  | "partially-fulfilled"
  | "fulfilled"
  | "unpaid-stale"
  | "3pl-unsubmitted"
  | "3pl-submitted"
  | "3pl-accepted"
  | "3pl-fulfilled"
  | "pickup-open"
  | "pickup-ready"
  | "pickup-picked-up";

interface OrderPlan {
  scenario: Scenario;
  location: LocationKey;
  /** Hours before `now` the order was placed. */
  ageHours: number;
  /** For "our-hold": https://shopify.dev/docs/api/admin-graphql/latest/enums/FulfillmentHoldReason */
  holdReason?: "INCORRECT_ADDRESS" | "INVENTORY_OUT_OF_STOCK" | "OTHER";
}

// Oldest first, so order numbers grow with time as in a real shop (#1001 is the oldest).
const PLAN: readonly OrderPlan[] = [
  { scenario: "unpaid-stale", location: "warehouse", ageHours: 24 * 12 },
  { scenario: "unpaid-stale", location: "warehouse", ageHours: 24 * 9 },
  { scenario: "fulfilled", location: "warehouse", ageHours: 24 * 8 },
  { scenario: "3pl-fulfilled", location: "threePl", ageHours: 24 * 7 },
  { scenario: "unpaid-stale", location: "store", ageHours: 24 * 6 },
  { scenario: "fulfilled", location: "warehouse", ageHours: 24 * 6 - 5 },
  { scenario: "pickup-picked-up", location: "store", ageHours: 24 * 5 },
  { scenario: "other-app-hold", location: "warehouse", ageHours: 24 * 4 },
  { scenario: "unpaid-stale", location: "warehouse", ageHours: 24 * 4 - 3 },
  { scenario: "3pl-accepted", location: "threePl", ageHours: 24 * 3 + 6 },
  { scenario: "partially-fulfilled", location: "warehouse", ageHours: 24 * 3 },
  { scenario: "our-hold", location: "warehouse", ageHours: 24 * 3 - 4, holdReason: "INVENTORY_OUT_OF_STOCK" },
  { scenario: "3pl-accepted", location: "threePl", ageHours: 24 * 2 + 8 },
  { scenario: "open", location: "warehouse", ageHours: 24 * 2 + 2 },
  { scenario: "pickup-ready", location: "store", ageHours: 24 * 2 },
  { scenario: "3pl-submitted", location: "threePl", ageHours: 24 + 20 },
  { scenario: "partially-fulfilled", location: "warehouse", ageHours: 24 + 16 },
  { scenario: "our-hold", location: "warehouse", ageHours: 24 + 12, holdReason: "INCORRECT_ADDRESS" },
  { scenario: "open", location: "warehouse", ageHours: 24 + 9 },
  { scenario: "3pl-submitted", location: "threePl", ageHours: 24 + 6 },
  { scenario: "pickup-open", location: "store", ageHours: 24 + 3 },
  { scenario: "other-app-hold", location: "threePl", ageHours: 24 },
  { scenario: "open", location: "warehouse", ageHours: 20 },
  { scenario: "3pl-unsubmitted", location: "threePl", ageHours: 16 },
  { scenario: "our-hold", location: "store", ageHours: 12, holdReason: "OTHER" },
  { scenario: "open", location: "warehouse", ageHours: 9 },
  { scenario: "pickup-open", location: "store", ageHours: 7 },
  { scenario: "3pl-unsubmitted", location: "threePl", ageHours: 5 },
  { scenario: "partially-fulfilled", location: "warehouse", ageHours: 3 },
  { scenario: "open", location: "warehouse", ageHours: 2 },
  { scenario: "3pl-unsubmitted", location: "threePl", ageHours: 1 },
  { scenario: "post-purchase-hold", location: "warehouse", ageHours: 0.1 },
];

export const DEMO_ORDER_COUNT = PLAN.length;
/** Order names as the simulator numbers them: #1001 is the oldest. */
export const DEMO_FIRST_ORDER_NAME = "#1001";
export const DEMO_NEWEST_ORDER_NAME = `#${1000 + PLAN.length}`;

export interface SeededDemoShop {
  shop: string;
  locations: Record<LocationKey, SimLocation>;
  orders: SimOrder[];
}

export async function seedDemoShop(sim: StoreSimulator, now: Date): Promise<SeededDemoShop> {
  const shop = DEMO_SHOP_DOMAIN;
  sim.createShop({ domain: shop, name: DEMO_SHOP_NAME, plan: "advanced" });
  const locations = {
    warehouse: sim.addLocation(shop, DEMO_LOCATIONS.warehouse),
    threePl: sim.addLocation(shop, DEMO_LOCATIONS.threePl),
    store: sim.addLocation(shop, DEMO_LOCATIONS.store),
  };
  const stock = { [locations.warehouse.id]: 120, [locations.threePl.id]: 400, [locations.store.id]: 25 };
  const variants = CATALOG.map((item) => sim.addVariant(shop, { ...item, inventory: stock }));

  const orders: SimOrder[] = [];
  for (const [index, plan] of PLAN.entries()) {
    const order = sim.createOrder(shop, orderInput(index, plan, variants, locations, now));
    await applyScenario(sim, shop, order, plan, index);
    orders.push(order);
  }
  return { shop, locations, orders };
}

function pick<T>(items: readonly T[], index: number): T {
  const item = items[index % items.length];
  if (item === undefined) throw new Error("pick() from an empty list");
  return item;
}

function orderInput(
  index: number,
  plan: OrderPlan,
  variants: SimVariant[],
  locations: Record<LocationKey, SimLocation>,
  now: Date,
) {
  const [firstName, lastName] = pick(CUSTOMERS, index);
  const unpaid = plan.scenario === "unpaid-stale";
  const pickup = plan.location === "store";
  const deliveryMethod: DeliveryMethodType = pickup ? "PICK_UP" : "SHIPPING";
  const financialStatus: FinancialStatus = unpaid ? "PENDING" : "PAID";
  // Partial fulfilment needs two lines; every third order gets a second line anyway.
  const lines = plan.scenario === "partially-fulfilled" || index % 3 === 0 ? 2 : 1;
  const lineItems = Array.from({ length: lines }, (_, line) => ({
    variantId: pick(variants, index + line * 2).id,
    quantity: 1 + ((index + line) % 3),
  }));
  return {
    lineItems,
    locationId: locations[plan.location].id,
    deliveryMethod,
    financialStatus,
    gateway: unpaid ? pick(["manual", "bank_deposit", "cash_on_delivery"], index) : "shopify_payments",
    tags: unpaid ? ["awaiting-payment"] : [],
    customer: { firstName, lastName, email: `${firstName.toLowerCase()}.${lastName.toLowerCase()}@example.com` },
    createdAt: new Date(now.getTime() - plan.ageHours * 3_600_000),
    postPurchaseOffer: plan.scenario === "post-purchase-hold",
  };
}

async function applyScenario(sim: StoreSimulator, shop: string, order: SimOrder, plan: OrderPlan, index: number) {
  const fo = sim.fulfillmentOrdersOf(order.id)[0];
  if (!fo) throw new Error(`Seed: order ${order.name} has no fulfillment order`);
  switch (plan.scenario) {
    case "open":
    case "unpaid-stale":
    case "3pl-unsubmitted":
    case "pickup-open":
    case "post-purchase-hold":
      return;
    case "our-hold":
      await mutate(sim, shop, HOLD, {
        id: fo.id,
        hold: {
          reason: plan.holdReason ?? "OTHER",
          reasonNotes: "Placed from the demo seed",
          handle: `demo-${index}`,
        },
      });
      return;
    case "other-app-hold":
      sim.placeHoldAsOtherApp(fo.id, {
        reason: "HIGH_RISK_OF_FRAUD",
        appTitle: "Fraud Filter",
        reasonNotes: "Risk score 87",
      });
      return;
    case "partially-fulfilled": {
      const first = fo.lineItems[0];
      if (!first) throw new Error(`Seed: order ${order.name} has no line items`);
      await mutate(sim, shop, FULFILL, {
        fulfillment: {
          lineItemsByFulfillmentOrder: [
            {
              fulfillmentOrderId: fo.id,
              fulfillmentOrderLineItems: [{ id: first.id, quantity: first.remainingQuantity }],
            },
          ],
          trackingInfo: { company: "UPS", number: `1Z999AA1${String(index).padStart(8, "0")}` },
          notifyCustomer: false,
        },
      });
      return;
    }
    case "fulfilled":
      await mutate(sim, shop, FULFILL, {
        fulfillment: {
          lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fo.id }],
          trackingInfo: { company: "USPS", number: `9400100000000000${String(index).padStart(6, "0")}` },
          notifyCustomer: false,
        },
      });
      return;
    case "3pl-submitted":
      await mutate(sim, shop, SUBMIT, { id: fo.id, message: "Please ship with standard service" });
      return;
    case "3pl-accepted":
      await mutate(sim, shop, SUBMIT, { id: fo.id, message: "Please ship with standard service" });
      sim.acceptFulfillmentRequest(fo.id, { message: "Queued for picking" });
      return;
    case "3pl-fulfilled":
      await mutate(sim, shop, SUBMIT, { id: fo.id, message: null });
      sim.acceptFulfillmentRequest(fo.id);
      sim.fulfillAsService(fo.id, { trackingNumber: `SB${String(index).padStart(10, "0")}` });
      return;
    case "pickup-ready":
      await mutate(sim, shop, PREPARED_FOR_PICKUP, {
        input: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fo.id }] },
      });
      return;
    case "pickup-picked-up":
      await mutate(sim, shop, PREPARED_FOR_PICKUP, {
        input: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fo.id }] },
      });
      await mutate(sim, shop, FULFILL, {
        fulfillment: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fo.id }], notifyCustomer: false },
      });
      return;
  }
}

const HOLD = `#graphql
  mutation DemoSeedHold($id: ID!, $hold: FulfillmentOrderHoldInput!) {
    fulfillmentOrderHold(id: $id, fulfillmentHold: $hold) { userErrors { field message } }
  }`;

const FULFILL = `#graphql
  mutation DemoSeedFulfill($fulfillment: FulfillmentInput!) {
    fulfillmentCreate(fulfillment: $fulfillment) { userErrors { field message } }
  }`;

const SUBMIT = `#graphql
  mutation DemoSeedSubmit($id: ID!, $message: String) {
    fulfillmentOrderSubmitFulfillmentRequest(id: $id, message: $message) { userErrors { field message } }
  }`;

const PREPARED_FOR_PICKUP = `#graphql
  mutation DemoSeedPrepared($input: FulfillmentOrderLineItemsPreparedForPickupInput!) {
    fulfillmentOrderLineItemsPreparedForPickup(input: $input) { userErrors { field message } }
  }`;

/** Runs one seed mutation and fails loudly on GraphQL errors or userErrors. */
async function mutate(
  sim: StoreSimulator,
  shop: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<void> {
  const result = (await sim.graphql(shop, query, variables)) as {
    data?: Record<string, { userErrors?: { message: string }[] } | null> | null;
    errors?: unknown;
  };
  const name = /mutation (\w+)/.exec(query)?.[1] ?? "mutation";
  if (result.errors) throw new Error(`Seed ${name} failed: ${JSON.stringify(result.errors)}`);
  const payload = Object.values(result.data ?? {})[0];
  const userErrors = payload?.userErrors ?? [];
  if (userErrors.length > 0) throw new Error(`Seed ${name} failed: ${userErrors.map((e) => e.message).join("; ")}`);
}
