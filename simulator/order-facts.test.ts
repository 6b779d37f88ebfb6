import { describe, expect, it } from "vitest";
import { SHOP, setupStore } from "../tests/support/simulator-fixture";

// What automation rules read of an order: each line's vendor and product tags, where it ships,
// its risk and tags.
const LINES = `query($id: ID!) { fulfillmentOrder(id: $id) { lineItems(first: 5) { nodes {
  lineItem { vendor product { tags } } } } } }`;

const DESTINATION = `query($id: ID!) { fulfillmentOrder(id: $id) {
  destination { countryCode province }
  order { shippingAddress { countryCodeV2 provinceCode province } } } }`;

describe("line facts", () => {
  it("gives each line its product's vendor and tags", async () => {
    const { sim, gql, mug, tee } = setupStore();
    const order = sim.createOrder(SHOP, {
      lineItems: [
        { variantId: mug.id, quantity: 1 },
        { variantId: tee.id, quantity: 1 },
      ],
    });
    const fo = sim.fulfillmentOrdersOf(order.id)[0]!;
    const res = await gql(LINES, { id: fo.id });
    expect(res.data.fulfillmentOrder.lineItems.nodes).toEqual([
      { lineItem: { vendor: "Clayworks", product: { tags: ["ceramics", "fragile"] } } },
      { lineItem: { vendor: "Loomhouse", product: { tags: ["apparel"] } } },
    ]);
  });

  it("reads the product's current tags, and no product once it is deleted while the vendor stays", async () => {
    const { sim, gql, mug } = setupStore();
    const order = sim.createOrder(SHOP, { lineItems: [{ variantId: mug.id, quantity: 1 }] });
    const fo = sim.fulfillmentOrdersOf(order.id)[0]!;
    sim.setProductTags(SHOP, mug.id, ["pre-order"]);
    expect((await gql(LINES, { id: fo.id })).data.fulfillmentOrder.lineItems.nodes).toEqual([
      { lineItem: { vendor: "Clayworks", product: { tags: ["pre-order"] } } },
    ]);
    sim.deleteProduct(SHOP, mug.id);
    expect((await gql(LINES, { id: fo.id })).data.fulfillmentOrder.lineItems.nodes).toEqual([
      { lineItem: { vendor: "Clayworks", product: null } },
    ]);
  });
});

describe("destination", () => {
  it("ships to the seed's default address unless the order names one", async () => {
    const { sim, gql, mug } = setupStore();
    const toronto = sim.createOrder(SHOP, { lineItems: [{ variantId: mug.id, quantity: 1 }] });
    const buffalo = sim.createOrder(SHOP, {
      lineItems: [{ variantId: mug.id, quantity: 1 }],
      shippingAddress: { countryCode: "US", provinceCode: "NY", province: "New York", city: "Buffalo" },
    });
    const first = await gql(DESTINATION, { id: sim.fulfillmentOrdersOf(toronto.id)[0]!.id });
    expect(first.data.fulfillmentOrder).toEqual({
      destination: { countryCode: "CA", province: "Ontario" },
      order: { shippingAddress: { countryCodeV2: "CA", provinceCode: "ON", province: "Ontario" } },
    });
    const second = await gql(DESTINATION, { id: sim.fulfillmentOrdersOf(buffalo.id)[0]!.id });
    expect(second.data.fulfillmentOrder).toEqual({
      destination: { countryCode: "US", province: "New York" },
      order: { shippingAddress: { countryCodeV2: "US", provinceCode: "NY", province: "New York" } },
    });
  });

  it("has no destination for a pickup order", async () => {
    const { sim, gql, mug, store } = setupStore();
    const order = sim.createOrder(SHOP, {
      lineItems: [{ variantId: mug.id, quantity: 1 }],
      locationId: store.id,
      deliveryMethod: "PICK_UP",
    });
    const res = await gql(DESTINATION, { id: sim.fulfillmentOrdersOf(order.id)[0]!.id });
    expect(res.data.fulfillmentOrder).toEqual({ destination: null, order: { shippingAddress: null } });
  });
});

describe("risk and tags", () => {
  it("places an order with a high risk level and tags, as Order.risk and Order.tags report them", async () => {
    const { sim, gql, mug } = setupStore();
    const order = sim.createOrder(SHOP, {
      lineItems: [{ variantId: mug.id, quantity: 1 }],
      riskLevel: "HIGH",
      tags: ["wholesale"],
    });
    const res = await gql(
      `query($id: ID!) { order(id: $id) { tags risk { recommendation assessments { riskLevel } } } }`,
      {
        id: order.id,
      },
    );
    expect(res.data.order).toEqual({
      tags: ["wholesale"],
      risk: { recommendation: "CANCEL", assessments: [{ riskLevel: "HIGH" }] },
    });
  });
});

describe("checkout token", () => {
  it("gives every order its own Order.checkoutToken, the post-purchase reference id in the simulator", async () => {
    const { sim, gql, mug } = setupStore();
    const [a, b] = [1, 2].map(() => sim.createOrder(SHOP, { lineItems: [{ variantId: mug.id, quantity: 1 }] }));
    const read = async (id: string) =>
      (await gql(`query($id: ID!) { order(id: $id) { checkoutToken } }`, { id })).data.order.checkoutToken;
    expect(await read(a!.id)).toMatch(/^[0-9a-f]{32}$/);
    expect(await read(a!.id)).toBe(a!.checkoutToken);
    expect(await read(b!.id)).not.toBe(a!.checkoutToken);
  });
});
