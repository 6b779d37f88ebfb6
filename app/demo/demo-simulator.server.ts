// Demo mode only: the simulated store's other actors (the 3PL, other apps, customers placing
// orders), reachable from the browser so the demo — and its browser tests — can play them.
// The simulator lives in the demo server's process (scripts/demo.ts registers it here).
import { z } from "zod";
import type { StoreSimulator } from "../../simulator/store-simulator";
import { type SimulatedCheckout, simulateDemoCheckout } from "./demo-checkout.server";
import { DEMO_SHOP_DOMAIN } from "./demo-shop";

declare global {
  var __fulfillmentDeskDemoSimulator: StoreSimulator | undefined;
}

export function registerDemoSimulator(sim: StoreSimulator): void {
  globalThis.__fulfillmentDeskDemoSimulator = sim;
}

const fo = z.string().startsWith("gid://shopify/FulfillmentOrder/");

export const DemoCommand = z.discriminatedUnion("command", [
  z.object({
    command: z.literal("create-order"),
    /** "warehouse" | "3pl" | "pickup": the demo's three locations, by kind. */
    location: z.enum(["warehouse", "3pl", "pickup"]),
    lines: z.array(z.object({ sku: z.string(), quantity: z.number().int().positive() })).min(1),
    financialStatus: z.enum(["PAID", "PENDING", "AUTHORIZED", "PARTIALLY_PAID", "EXPIRED"]).default("PAID"),
    tags: z.array(z.string()).default([]),
    ageDays: z.number().min(0).default(0),
  }),
  z.object({ command: z.literal("accept-request"), fulfillmentOrderId: fo }),
  z.object({
    command: z.literal("reject-request"),
    fulfillmentOrderId: fo,
    message: z.string().optional(),
    /** FulfillmentOrderRejectionReason */
    reason: z.string().optional(),
    /** The lines the 3PL names, each with why (they come back as the lines' warnings). */
    lineItems: z
      .array(z.object({ fulfillmentOrderLineItemId: z.string(), message: z.string().optional() }))
      .max(50)
      .optional(),
  }),
  z.object({ command: z.literal("accept-cancellation"), fulfillmentOrderId: fo }),
  z.object({ command: z.literal("reject-cancellation"), fulfillmentOrderId: fo }),
  z.object({ command: z.literal("ship-as-3pl"), fulfillmentOrderId: fo, trackingNumber: z.string().optional() }),
  z.object({
    command: z.literal("hold-as-other-app"),
    fulfillmentOrderId: fo,
    reason: z.string().default("HIGH_RISK_OF_FRAUD"),
    appTitle: z.string().default("Fraud Filter"),
  }),
  z.object({ command: z.literal("read-order"), orderId: z.string() }),
  z.object({ command: z.literal("inventory"), sku: z.string() }),
  /** A buyer checks out and answers the app's post-purchase offer (demo-checkout.server.ts). */
  z.object({ command: z.literal("simulate-checkout"), answer: z.enum(["accept", "decline"]).default("accept") }),
]);
export type DemoCommand = z.infer<typeof DemoCommand>;

function simulator(): StoreSimulator {
  const sim = globalThis.__fulfillmentDeskDemoSimulator;
  if (!sim) throw new Error("The demo simulator is not running in this process");
  return sim;
}

function locationId(sim: StoreSimulator, kind: "warehouse" | "3pl" | "pickup"): string {
  const wanted = { warehouse: "merchant", "3pl": "fulfillment_service", pickup: "pickup" }[kind];
  const location = sim.snapshot(DEMO_SHOP_DOMAIN).locations.find((l) => l.kind === wanted);
  if (!location) throw new Error(`The demo shop has no ${kind} location`);
  return location.id;
}

/** Runs one command against the simulated store and returns what a test needs to go on. */
export async function runDemoCommand(command: DemoCommand): Promise<unknown> {
  const sim = simulator();
  const shop = DEMO_SHOP_DOMAIN;
  switch (command.command) {
    case "create-order": {
      const variants = sim.snapshot(shop).variants;
      const location = locationId(sim, command.location);
      const order = sim.createOrder(shop, {
        lineItems: command.lines.map((line) => {
          const variant = variants.find((v) => v.sku === line.sku);
          if (!variant) throw new Error(`No variant with SKU ${line.sku}`);
          return { variantId: variant.id, quantity: line.quantity };
        }),
        locationId: location,
        deliveryMethod: command.location === "pickup" ? "PICK_UP" : "SHIPPING",
        financialStatus: command.financialStatus,
        tags: command.tags,
        createdAt: new Date(Date.now() - command.ageDays * 86_400_000),
        customer: { firstName: "Test", lastName: "Customer", email: "test.customer@example.com" },
      });
      return { order: { id: order.id, name: order.name }, fulfillmentOrders: sim.fulfillmentOrdersOf(order.id) };
    }
    case "accept-request":
      return sim.acceptFulfillmentRequest(command.fulfillmentOrderId);
    case "reject-request":
      return sim.rejectFulfillmentRequest(command.fulfillmentOrderId, {
        message: command.message ?? "Out of stock",
        ...(command.reason ? { reason: command.reason } : {}),
        ...(command.lineItems ? { lineItems: command.lineItems } : {}),
      });
    case "accept-cancellation":
      return sim.acceptCancellationRequest(command.fulfillmentOrderId);
    case "reject-cancellation":
      return sim.rejectCancellationRequest(command.fulfillmentOrderId);
    case "ship-as-3pl":
      return sim.fulfillAsService(command.fulfillmentOrderId, {
        trackingNumber: command.trackingNumber ?? "3PL-TRACK-1",
      });
    case "hold-as-other-app":
      return sim.placeHoldAsOtherApp(command.fulfillmentOrderId, {
        reason: command.reason,
        appTitle: command.appTitle,
      });
    case "read-order":
      return {
        order: sim.getOrder(command.orderId),
        status: sim.orderStatus(command.orderId),
        fulfillmentOrders: sim.fulfillmentOrdersOf(command.orderId),
      };
    case "inventory": {
      const snapshot = sim.snapshot(shop);
      const variant = snapshot.variants.find((v) => v.sku === command.sku);
      if (!variant) throw new Error(`No variant with SKU ${command.sku}`);
      return Object.fromEntries(snapshot.locations.map((l) => [l.name, sim.inventoryLevel(variant.id, l.id)]));
    }
    case "simulate-checkout":
      return simulateDemoShopCheckout(command.answer);
  }
}

/** One simulated checkout in the demo shop, its buyer answering the app's offer. */
export function simulateDemoShopCheckout(answer: "accept" | "decline"): Promise<SimulatedCheckout> {
  return simulateDemoCheckout(simulator(), DEMO_SHOP_DOMAIN, { answer });
}
