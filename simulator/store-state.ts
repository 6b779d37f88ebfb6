// The simulator's in-memory truth: shops keyed by domain, a GID counter, the
// clock and the webhook sink. Domain operations receive this object.
import { gid, gidType, isoSeconds } from "./ids";
import { buildPayload, type PayloadInput, type PayloadTopic } from "./webhooks/payloads";
import type {
  AppRef,
  InventoryLevel,
  OrderCancelJobError,
  SimFulfillment,
  SimFulfillmentOrder,
  SimLocation,
  SimOrder,
  SimShop,
  WebhookEvent,
  WebhookSink,
} from "./types";

export class SimulatorError extends Error {}

export class StoreState {
  readonly shops = new Map<string, SimShop>();
  private counter = 1000;
  /** Test control: the next orderCancel job of these orders fails with this error. */
  readonly orderCancelFailures = new Map<string, OrderCancelJobError>();
  /** The `jti` of every post-purchase changeset applied: each applies once (operations/post-purchase.ts). */
  readonly appliedChangesets = new Set<string>();

  constructor(
    readonly clock: () => Date,
    readonly sink: WebhookSink,
    readonly app: AppRef,
  ) {}

  newId(type: string): string {
    this.counter += 1;
    return gid(type, this.counter);
  }

  nowIso(): string {
    return isoSeconds(this.clock());
  }

  nowMs(): number {
    return this.clock().getTime();
  }

  /** Emits `topic` with the payload built by the webhook side's builder for it. */
  emit<T extends PayloadTopic>(shop: string, topic: T, input: PayloadInput<T>): void {
    const event: WebhookEvent = { shop, topic, payload: buildPayload(topic, input), triggeredAt: this.clock() };
    this.sink.emit(event);
  }

  shop(domain: string): SimShop {
    const s = this.shops.get(domain);
    if (!s) throw new SimulatorError(`Unknown shop ${domain}`);
    return s;
  }

  private allShops(): SimShop[] {
    return [...this.shops.values()];
  }

  findOrder(id: string): SimOrder | undefined {
    for (const s of this.allShops()) {
      const o = s.orders.find((x) => x.id === id);
      if (o) return o;
    }
    return undefined;
  }

  order(id: string): SimOrder {
    const o = this.findOrder(id);
    if (!o) throw new SimulatorError(`Unknown order ${id}`);
    return o;
  }

  findFulfillmentOrder(id: string): SimFulfillmentOrder | undefined {
    for (const s of this.allShops()) {
      const fo = s.fulfillmentOrders.find((x) => x.id === id);
      if (fo) return fo;
    }
    return undefined;
  }

  fulfillmentOrder(id: string): SimFulfillmentOrder {
    const fo = this.findFulfillmentOrder(id);
    if (!fo) throw new SimulatorError(`Unknown fulfillment order ${id}`);
    return fo;
  }

  fulfillmentOrdersOf(orderId: string): SimFulfillmentOrder[] {
    const o = this.order(orderId);
    return this.shop(o.shop).fulfillmentOrders.filter((fo) => fo.orderId === orderId);
  }

  fulfillmentsOf(orderId: string): SimFulfillment[] {
    const o = this.order(orderId);
    return this.shop(o.shop).fulfillments.filter((f) => f.orderId === orderId);
  }

  location(shop: string, id: string): SimLocation | undefined {
    return this.shop(shop).locations.find((l) => l.id === id);
  }

  inventory(shop: string, variantId: string, locationId: string): InventoryLevel {
    const inv = this.shop(shop).inventory;
    const key = `${variantId}|${locationId}`;
    const hit = inv[key];
    if (hit) return hit;
    const fresh = { available: 0, committed: 0 };
    inv[key] = fresh;
    return fresh;
  }

  /** Finds a record of any supported type by GID, within one shop. */
  node(shop: string, id: string): unknown {
    const s = this.shop(shop);
    switch (gidType(id)) {
      case "Order":
        return s.orders.find((x) => x.id === id) ?? null;
      case "FulfillmentOrder":
        return s.fulfillmentOrders.find((x) => x.id === id) ?? null;
      case "Location":
        return s.locations.find((x) => x.id === id) ?? null;
      case "Fulfillment":
        return s.fulfillments.find((x) => x.id === id) ?? null;
      default:
        return null;
    }
  }
}
