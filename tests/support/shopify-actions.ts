// What a merchant, another app, a 3PL or Shopify itself does to a store, as the simulator
// executes it. Test-only GraphQL (the app's own operations live in app/shopify/admin/).
import type { StoreSimulator } from "../../simulator/store-simulator";
import type { SimFulfillmentOrder } from "../../simulator/types";

type Lines = { id: string; quantity: number }[];

const HOLD = `mutation Hold($id: ID!, $hold: FulfillmentOrderHoldInput!) {
  fulfillmentOrderHold(id: $id, fulfillmentHold: $hold) { userErrors { message } } }`;
const RELEASE = `mutation Release($id: ID!) { fulfillmentOrderReleaseHold(id: $id) { userErrors { message } } }`;
const REQUEST = `mutation Request($id: ID!, $lines: [FulfillmentOrderLineItemInput!]) {
  fulfillmentOrderSubmitFulfillmentRequest(id: $id, notifyCustomer: false, fulfillmentOrderLineItems: $lines) { userErrors { message } } }`;
const SPLIT = `mutation Split($splits: [FulfillmentOrderSplitInput!]!) {
  fulfillmentOrderSplit(fulfillmentOrderSplits: $splits) { userErrors { message } } }`;
const FULFIL = `mutation Fulfil($fulfillment: FulfillmentInput!) {
  fulfillmentCreate(fulfillment: $fulfillment) { userErrors { message } } }`;
const CANCEL = `mutation Cancel($orderId: ID!) {
  orderCancel(orderId: $orderId, reason: CUSTOMER, restock: true, notifyCustomer: false) { orderCancelUserErrors { message } } }`;

export class ShopifyActions {
  constructor(
    private readonly sim: StoreSimulator,
    private readonly shop: string,
  ) {}

  private async run(query: string, variables: Record<string, unknown>): Promise<string[]> {
    const body = (await this.sim.graphql(this.shop, query, variables)) as {
      data?: Record<string, { userErrors?: { message: string }[]; orderCancelUserErrors?: { message: string }[] }>;
      errors?: { message: string }[];
    };
    if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join("; "));
    const payload = Object.values(body.data ?? {})[0];
    return (payload?.userErrors ?? payload?.orderCancelUserErrors ?? []).map((e) => e.message);
  }

  hold(fo: SimFulfillmentOrder, reason: string, lines?: Lines) {
    return this.run(HOLD, {
      id: fo.id,
      hold: {
        reason,
        reasonNotes: "property test",
        handle: `h-${reason.toLowerCase()}`,
        ...(lines ? { fulfillmentOrderLineItems: lines } : {}),
      },
    });
  }

  release(fo: SimFulfillmentOrder) {
    return this.run(RELEASE, { id: fo.id });
  }

  request(fo: SimFulfillmentOrder, lines?: Lines) {
    return this.run(REQUEST, { id: fo.id, lines: lines ?? null });
  }

  split(fo: SimFulfillmentOrder, lines: Lines) {
    return this.run(SPLIT, { splits: [{ fulfillmentOrderId: fo.id, fulfillmentOrderLineItems: lines }] });
  }

  fulfil(fo: SimFulfillmentOrder, lines: Lines) {
    return this.run(FULFIL, {
      fulfillment: {
        lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fo.id, fulfillmentOrderLineItems: lines }],
        trackingInfo: { company: "UPS", number: "1Z999" },
        notifyCustomer: false,
      },
    });
  }

  cancelOrder(orderId: string) {
    return this.run(CANCEL, { orderId });
  }
}
