import { describe, expect, it } from "vitest";
import { SHOP, setupStore } from "../tests/support/simulator-fixture";

describe("GraphQL execution against the real Admin schema", () => {
  it("rejects an unknown field with a Shopify-style validation error", async () => {
    const { gql } = setupStore();
    const res = await gql(`{ shop { name notAField } }`);
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0]).toMatchObject({
      message: "Field 'notAField' doesn't exist on type 'Shop'",
      extensions: { code: "undefinedField" },
    });
    expect(res.errors?.[0].locations).toEqual([{ line: 1, column: 15 }]);
  });

  it("answers an unimplemented field with an error at its path instead of a silent null", async () => {
    const { gql } = setupStore();
    const res = await gql(`{ shop { name billingAddress { city } } }`);
    expect(res.errors?.[0]).toMatchObject({
      message: "Simulator does not implement Shop.billingAddress",
      path: ["shop", "billingAddress"],
    });
  });

  it("serves the same operation on the 2026-07 schema", async () => {
    const { sim } = setupStore();
    const res = await sim.graphql(SHOP, `{ shop { myshopifyDomain currencyCode } }`, undefined, {
      apiVersion: "2026-07",
    });
    expect(res.data).toEqual({ shop: { myshopifyDomain: SHOP, currencyCode: "USD" } });
  });

  it("reports a missing required variable like Shopify, without charging the bucket", async () => {
    const { gql } = setupStore();
    const res = await gql(`query($id: ID!) { order(id: $id) { id } }`, {});
    expect(res).toEqual({
      errors: [
        {
          message: "Variable $id of type ID! was provided invalid value",
          locations: [{ line: 1, column: 7 }],
          extensions: { value: null, problems: [{ path: [], explanation: "Expected value to not be null" }] },
        },
      ],
    });
  });

  it("resolves nodes of several types by GID", async () => {
    const { sim, gql, mug, warehouse } = setupStore();
    const order = sim.createOrder(SHOP, { lineItems: [{ variantId: mug.id, quantity: 1 }] });
    const [fo] = sim.fulfillmentOrdersOf(order.id);
    const res = await gql(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Location { name } } }`, {
      ids: [order.id, fo!.id, warehouse.id, "gid://shopify/Order/999999"],
    });
    expect(res.data.nodes).toEqual([
      { __typename: "Order", id: order.id },
      { __typename: "FulfillmentOrder", id: fo!.id },
      { __typename: "Location", id: warehouse.id, name: "Warehouse" },
      null,
    ]);
  });

  it("reports order risk, customer, payment terms and gateway from the created order", async () => {
    const { sim, gql, mug } = setupStore();
    const order = sim.createOrder(SHOP, {
      lineItems: [{ variantId: mug.id, quantity: 2 }],
      riskLevel: "HIGH",
      financialStatus: "PENDING",
      gateway: "manual",
      customer: { firstName: "Ada", lastName: "Lovelace", email: "ada@example.com" },
      paymentTermsDueAt: new Date("2026-11-15T00:00:00Z"),
      tags: ["vip"],
    });
    const res = await gql(
      `query($id: ID!) { order(id: $id) { name tags displayFinancialStatus paymentGatewayNames closed cancelledAt
        risk { recommendation assessments { riskLevel } } customer { displayName }
        totalPriceSet { shopMoney { amount currencyCode } }
        paymentTerms { overdue paymentSchedules(first: 1) { nodes { dueAt } } } } }`,
      { id: order.id },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.order).toEqual({
      name: "#1001",
      tags: ["vip"],
      displayFinancialStatus: "PENDING",
      paymentGatewayNames: ["manual"],
      closed: false,
      cancelledAt: null,
      risk: { recommendation: "CANCEL", assessments: [{ riskLevel: "HIGH" }] },
      customer: { displayName: "Ada Lovelace" },
      totalPriceSet: { shopMoney: { amount: "25.0", currencyCode: "USD" } },
      paymentTerms: { overdue: false, paymentSchedules: { nodes: [{ dueAt: "2026-11-15T00:00:00Z" }] } },
    });
  });
});

describe("orders and fulfillmentOrders queries", () => {
  it("paginates orders with cursors and filters them by updated_at", async () => {
    const { sim, gql, mug, clock } = setupStore();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(sim.createOrder(SHOP, { lineItems: [{ variantId: mug.id, quantity: 1 }] }).id);
      clock.advance(60_000);
    }
    const q = `query($after: String, $q: String) { orders(first: 2, after: $after, query: $q, sortKey: UPDATED_AT) {
      edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const res = await gql(q, { after });
      const conn = res.data.orders;
      seen.push(...conn.edges.map((e: { node: { id: string } }) => e.node.id));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(seen).toEqual(ids);

    const filtered = await gql(q, { q: `updated_at:>'2026-11-01T10:02:30Z'` });
    expect(filtered.data.orders.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([ids[3], ids[4]]);
  });

  it("filters orders by financial_status, fulfillment_status, created_at and status", async () => {
    const { sim, gql, mug } = setupStore();
    const paid = sim.createOrder(SHOP, {
      lineItems: [{ variantId: mug.id, quantity: 1 }],
      createdAt: new Date("2026-10-01T00:00:00Z"),
    });
    const pending = sim.createOrder(SHOP, {
      lineItems: [{ variantId: mug.id, quantity: 1 }],
      financialStatus: "PENDING",
    });
    const ids = async (query: string) =>
      (
        await gql(`query($q: String) { orders(first: 10, query: $q) { nodes { id } } }`, { q: query })
      ).data.orders.nodes.map((n: { id: string }) => n.id);
    expect(await ids("financial_status:pending")).toEqual([pending.id]);
    expect(await ids("created_at:<'2026-10-15T00:00:00Z'")).toEqual([paid.id]);
    expect(await ids("status:open fulfillment_status:unfulfilled")).toEqual([paid.id, pending.id]);
    expect(await ids("fulfillment_status:shipped")).toEqual([]);
  });

  it("requires first or last on connections, like Shopify", async () => {
    const { gql } = setupStore();
    const res = await gql(`{ orders { nodes { id } } }`);
    expect(res.errors?.[0].message).toBe("you must provide one of first or last");
  });

  it("lists fulfillment orders excluding closed ones unless includeClosed", async () => {
    const { sim, gql, mug, thirdParty } = setupStore();
    const order = sim.createOrder(SHOP, { lineItems: [{ variantId: mug.id, quantity: 1 }], locationId: thirdParty.id });
    const [fo] = sim.fulfillmentOrdersOf(order.id);
    await gql(`mutation($id: ID!) { fulfillmentOrderSubmitFulfillmentRequest(id: $id) { userErrors { message } } }`, {
      id: fo!.id,
    });
    await gql(`mutation($id: ID!) { fulfillmentOrderCancel(id: $id) { userErrors { message } } }`, { id: fo!.id });
    const open = await gql(`{ fulfillmentOrders(first: 10) { nodes { id status } } }`);
    const all = await gql(
      `{ fulfillmentOrders(first: 10, includeClosed: true, query: "status:cancelled") { nodes { id status } } }`,
    );
    expect(open.data.fulfillmentOrders.nodes.map((n: { status: string }) => n.status)).toEqual(["OPEN"]);
    expect(all.data.fulfillmentOrders.nodes).toEqual([{ id: fo!.id, status: "CANCELLED" }]);
  });
});

describe("query cost and throttling", () => {
  it("reports requested and actual cost with the bucket status on every response", async () => {
    const { gql } = setupStore();
    const res = await gql(`{ shop { name } orders(first: 10) { edges { node { id name } } } }`);
    // shop 1 + orders (2 + 10 × node 1) = 13 requested; no orders exist → actual 3.
    expect(res.extensions?.cost).toEqual({
      requestedQueryCost: 13,
      actualQueryCost: 3,
      throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1997, restoreRate: 100 },
    });
  });

  it("charges mutations 10 points", async () => {
    const { gql } = setupStore();
    const res = await gql(
      `mutation { fulfillmentOrderCancel(id: "gid://shopify/FulfillmentOrder/1") { userErrors { message } } }`,
    );
    expect(res.extensions?.cost.requestedQueryCost).toBe(10);
  });

  it("answers THROTTLED when the bucket can't cover the query, and recovers as time passes", async () => {
    const { sim, gql, clock } = setupStore();
    sim.setBucket(SHOP, { currentlyAvailable: 5 });
    const query = `{ orders(first: 10) { nodes { id } } }`;
    const throttled = await gql(query);
    expect(throttled).toEqual({
      errors: [
        {
          message: "Throttled",
          extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" },
        },
      ],
      extensions: {
        cost: {
          requestedQueryCost: 12,
          actualQueryCost: null,
          throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 5, restoreRate: 100 },
        },
      },
    });
    clock.advance(100);
    expect((await gql(query)).data).toEqual({ orders: { nodes: [] } });
  });

  it("uses the Plus bucket for plus shops", async () => {
    const { gql } = setupStore({ plan: "plus" });
    const res = await gql(`{ shop { name } }`);
    expect(res.extensions?.cost.throttleStatus).toEqual({
      maximumAvailable: 20000,
      currentlyAvailable: 19999,
      restoreRate: 1000,
    });
  });

  it("refuses a query above 1,000 points with MAX_COST_EXCEEDED", async () => {
    const { gql } = setupStore();
    const res = await gql(`{ orders(first: 250) { nodes { lineItems(first: 250) { nodes { id } } } } }`);
    expect(res.errors?.[0].extensions).toMatchObject({ code: "MAX_COST_EXCEEDED", maxCost: 1000 });
    expect(res.extensions?.cost.actualQueryCost).toBeNull();
  });
});
