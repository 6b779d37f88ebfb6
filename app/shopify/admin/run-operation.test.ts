import { GraphqlQueryError, HttpInternalError } from "@shopify/shopify-api";
import { describe, expect, it } from "vitest";
import {
  AdminGraphqlError,
  AdminThrottledError,
  AdminTransportError,
  type QueryCost,
  ShopifyUserError,
} from "./errors";
import { type AdminGraphql, runOperation } from "./run-operation.server";

const COST: QueryCost = {
  requestedQueryCost: 10,
  actualQueryCost: 10,
  throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1990, restoreRate: 100 },
};

const answering =
  (body: unknown): AdminGraphql =>
  async () =>
    new Response(JSON.stringify(body));

const throwing =
  (error: unknown): AdminGraphql =>
  async () => {
    throw error;
  };

interface HoldData {
  fulfillmentOrderHold: { userErrors: { field: string[] | null; message: string; code: string | null }[] };
}

const holdOperation = {
  name: "FulfillmentOrderHold",
  kind: "mutation" as const,
  document: "mutation FulfillmentOrderHold { __typename }",
  userErrors: (data: HoldData) => data.fulfillmentOrderHold.userErrors,
};

describe("runOperation", () => {
  it("returns data and the query cost", async () => {
    const onCost: QueryCost[] = [];
    const result = await runOperation(
      answering({ data: { shop: { id: "gid://shopify/Shop/1" } }, extensions: { cost: COST } }),
      { name: "ShopDetails", kind: "query", document: "query ShopDetails { shop { id } }" },
      { onCost: (c) => onCost.push(c) },
    );
    expect(result).toEqual({ data: { shop: { id: "gid://shopify/Shop/1" } }, cost: COST });
    expect(onCost).toEqual([COST]);
  });

  it("turns userErrors into a ShopifyUserError carrying field and message", async () => {
    const call = runOperation(
      answering({
        data: {
          fulfillmentOrderHold: {
            userErrors: [{ field: ["fulfillmentHold", "reason"], message: "Reason is invalid", code: "INVALID" }],
          },
        },
      }),
      holdOperation,
    );
    const error = await call.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShopifyUserError);
    expect((error as ShopifyUserError).userErrors).toEqual([
      { field: ["fulfillmentHold", "reason"], message: "Reason is invalid", code: "INVALID" },
    ]);
    expect((error as ShopifyUserError).messagesFor("reason")).toEqual(["Reason is invalid"]);
  });

  it("refuses a response without data", async () => {
    await expect(runOperation(answering({ data: null }), holdOperation)).rejects.toBeInstanceOf(AdminGraphqlError);
  });

  it("reports top-level GraphQL errors in the body as AdminGraphqlError", async () => {
    const call = runOperation(answering({ errors: [{ message: "Access denied for orders field." }] }), holdOperation);
    await expect(call).rejects.toThrow("FulfillmentOrderHold: Access denied for orders field.");
  });

  it("recognises THROTTLED thrown by @shopify/shopify-api and still reports the cost", async () => {
    const seen: QueryCost[] = [];
    const throttled = new GraphqlQueryError({
      message: "Throttled",
      response: {} as Record<string, unknown>,
      body: {
        errors: { graphQLErrors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }] },
        extensions: { cost: { ...COST, actualQueryCost: null } },
      },
    });
    const error = await runOperation(throwing(throttled), holdOperation, { onCost: (c) => seen.push(c) }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AdminThrottledError);
    expect(seen).toHaveLength(1);
  });

  it("maps a 5xx to a retriable AdminTransportError", async () => {
    const error = await runOperation(
      throwing(
        new HttpInternalError({ message: "Shopify internal error", code: 503, statusText: "Service Unavailable" }),
      ),
      holdOperation,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdminTransportError);
    expect(error).toMatchObject({ status: 503, retriable: true });
  });

  it("lets authenticate.admin's re-auth Response through untouched", async () => {
    const reauth = new Response(null, { status: 401, headers: { "X-Shopify-Retry-Invalid-Session-Request": "1" } });
    await expect(runOperation(throwing(reauth), holdOperation)).rejects.toBe(reauth);
  });
});
