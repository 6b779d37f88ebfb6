import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signHs256, verifyHs256 } from "../app/auth/jwt.server";
import { API_KEY, API_SECRET, SHOP, setupStore } from "../tests/support/simulator-fixture";
import { gidNumber } from "./ids";

function checkedOut() {
  const ctx = setupStore();
  const placed = ctx.sim.checkout(SHOP, {
    lineItems: [{ variantId: ctx.mug.id, quantity: 2 }],
    customer: { firstName: "Ada", lastName: "Buyer", email: "ada@example.com" },
  });
  const teeId = gidNumber(ctx.tee.id)!;
  const seconds = (ms = ctx.clock.now().getTime()) => Math.floor(ms / 1000);
  /** A changeset as our backend signs it; `claims` overrides or (with undefined) removes claims. */
  const changeset = (claims: Record<string, unknown> = {}, secret = API_SECRET) => {
    const all: Record<string, unknown> = {
      iss: API_KEY,
      jti: randomUUID(),
      iat: seconds(),
      sub: placed.referenceId,
      changes: [
        {
          type: "add_variant",
          variantId: teeId,
          quantity: 1,
          discount: { value: 20, valueType: "percentage", title: "Thanks" },
        },
      ],
      ...claims,
    };
    for (const key of Object.keys(all)) if (all[key] === undefined) delete all[key];
    return signHs256(all, secret);
  };
  const held = () => ctx.sim.fulfillmentOrdersOf(placed.order.id).filter((fo) => fo.status === "ON_HOLD");
  const topicsSince = (from: number) => ctx.sim.emitted.slice(from).map((e) => e.topic);
  return { ...ctx, ...placed, teeId, seconds, changeset, held, topicsSince };
}

describe("checkout with a post-purchase step", () => {
  it("issues the extension's input token as Shopify signs it: iss shopify, sub the reference id, input_data", () => {
    const { sim, order, referenceId, inputToken, mug, clock } = checkedOut();
    expect(referenceId).toBe(order.checkoutToken);
    expect(verifyHs256(inputToken, "another-app-secret").ok).toBe(false);
    const verdict = verifyHs256(inputToken, API_SECRET, { issuer: "shopify", subject: referenceId, now: clock.now() });
    expect(verdict.ok).toBe(true);
    if (!verdict.ok) return;
    const { claims } = verdict;
    expect(claims.iat).toBe(Math.floor(clock.now().getTime() / 1000));
    expect(claims.jti).toBeUndefined();
    expect(claims.exp).toBeUndefined();
    const shop = sim.snapshot(SHOP);
    const product = shop.products.find((p) => p.id === mug.productId)!;
    expect(claims.input_data).toEqual({
      initialPurchase: {
        referenceId,
        customerId: String(gidNumber(order.customer!.id)),
        destinationCountryCode: "CA",
        totalPriceSet: {
          shopMoney: { amount: "25.00", currencyCode: "USD" },
          presentmentMoney: { amount: "25.00", currencyCode: "USD" },
        },
        lineItems: [
          {
            product: {
              id: gidNumber(product.id),
              title: "Mug",
              variant: { id: gidNumber(mug.id), title: "Mug", metafields: [] },
              metafields: [],
            },
            quantity: 2,
            totalPriceSet: {
              shopMoney: { amount: "25.00", currencyCode: "USD" },
              presentmentMoney: { amount: "25.00", currencyCode: "USD" },
            },
          },
        ],
      },
      shop: { id: gidNumber(shop.id), domain: SHOP, metafields: [] },
      locale: "en",
      version: "unstable",
    });
  });

  it("places every FO on Shopify's post-purchase hold", () => {
    const { sim, order } = checkedOut();
    const fos = sim.fulfillmentOrdersOf(order.id);
    expect(fos.map((fo) => [fo.status, fo.holds.map((h) => h.reason)])).toEqual([
      ["ON_HOLD", ["ONLINE_STORE_POST_PURCHASE_CROSS_SELL"]],
    ]);
  });
});

describe("applyChangeset", () => {
  it("applies a good changeset as an order edit: the discounted line, orders/edited then orders/updated, hold released", () => {
    const { sim, order, referenceId, changeset, held, topicsSince, tee, warehouse } = checkedOut();
    const from = sim.emitted.length;
    expect(sim.applyChangeset(referenceId, changeset())).toEqual({
      status: "processed",
      errors: [],
      changesetApplicationsRemaining: 0,
    });
    const after = sim.getOrder(order.id);
    expect(after.lineItems.map((li) => [li.variantId, li.quantity, li.price])).toEqual([
      [order.lineItems[0]!.variantId, 2, "12.50"],
      [tee.id, 1, "16.00"],
    ]);
    expect(held()).toEqual([]);
    const topics = topicsSince(from);
    expect(topics).toContain("fulfillment_orders/hold_released");
    expect(topics.filter((t) => t.startsWith("orders/"))).toEqual(["orders/edited", "orders/updated"]);
    expect(sim.inventoryLevel(tee.id, warehouse.id)).toEqual({ available: 9, committed: 1 });
  });

  it.each([
    ["signed with another secret", { secret: "not-the-app-secret" }, /invalid signature/],
    ["issued by another app", { claims: { iss: "other-app-key" } }, /issuer invalid/],
    ["for another purchase", { claims: { sub: "another-reference" } }, /subject invalid/],
    ["without a jti", { claims: { jti: undefined } }, /missing claim jti/],
    ["without an iat", { claims: { iat: undefined } }, /missing claim iat/],
    ["with iat in milliseconds", { claims: { iat: "ms" } }, /milliseconds/],
    ["signed before the purchase completed", { claims: { iat: "before" } }, /before the purchase/],
    ["already expired", { claims: { exp: "past" } }, /expired/],
  ] as const)("refuses a changeset %s (invalid_request) and changes nothing", (_name, bad, message) => {
    const { sim, order, referenceId, changeset, held, seconds, clock } = checkedOut();
    clock.advance(5_000);
    const claims: Record<string, unknown> = { ...("claims" in bad ? bad.claims : {}) };
    if (claims.iat === "ms") claims.iat = clock.now().getTime();
    if (claims.iat === "before") claims.iat = seconds(Date.parse(order.createdAt)) - 1;
    if (claims.exp === "past") claims.exp = seconds() - 1;
    const result = sim.applyChangeset(referenceId, changeset(claims, "secret" in bad ? bad.secret : API_SECRET));
    expect(result.status).toBe("unprocessed");
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.code).toBe("invalid_request");
    expect(result.errors[0]!.message).toMatch(message);
    expect(sim.getOrder(order.id).lineItems).toHaveLength(1);
    expect(held()).toHaveLength(1);
  });

  it("refuses a replayed changeset with changeset_already_applied", () => {
    const { sim, order, referenceId, changeset } = checkedOut();
    const token = changeset();
    expect(sim.applyChangeset(referenceId, token).status).toBe("processed");
    expect(sim.applyChangeset(referenceId, token)).toMatchObject({
      status: "unprocessed",
      errors: [{ code: "changeset_already_applied" }],
    });
    expect(sim.getOrder(order.id).lineItems).toHaveLength(2);
  });

  it("refuses more than the location has in stock with insufficient_inventory", () => {
    const { sim, order, referenceId, changeset, teeId, held } = checkedOut();
    const result = sim.applyChangeset(
      referenceId,
      changeset({ changes: [{ type: "add_variant", variantId: teeId, quantity: 11 }] }),
    );
    expect(result).toMatchObject({ status: "unprocessed", errors: [{ code: "insufficient_inventory" }] });
    expect(sim.getOrder(order.id).lineItems).toHaveLength(1);
    expect(held()).toHaveLength(1);
  });

  it("refuses once the 60-minute hold ran out (order_released_error), and the hold is gone without an edit", () => {
    const { sim, order, referenceId, changeset, clock, held, topicsSince } = checkedOut();
    clock.advance(60 * 60_000);
    const from = sim.emitted.length;
    expect(sim.applyChangeset(referenceId, changeset())).toMatchObject({
      status: "unprocessed",
      errors: [{ code: "order_released_error" }],
    });
    expect(held()).toEqual([]);
    expect(sim.getOrder(order.id).lineItems).toHaveLength(1);
    expect(topicsSince(from)).not.toContain("orders/edited");
  });

  it.each([
    ["no changes", []],
    ["an unknown variant", [{ type: "add_variant", variantId: 999_999, quantity: 1 }]],
    [
      "a GID instead of the numeric id",
      [{ type: "add_variant", variantId: "gid://shopify/ProductVariant/1", quantity: 1 }],
    ],
    ["a zero quantity", [{ type: "add_variant", variantId: "TEE", quantity: 0 }]],
    ["a fractional quantity", [{ type: "add_variant", variantId: "TEE", quantity: 1.5 }]],
    [
      "an unknown discount type",
      [{ type: "add_variant", variantId: "TEE", quantity: 1, discount: { value: 5, valueType: "bogo", title: "x" } }],
    ],
    ["another change type", [{ type: "add_shipping_line", price: 5 }]],
  ])("refuses changes with %s (invalid_request)", (_name, changes) => {
    const { sim, referenceId, changeset, teeId, held } = checkedOut();
    const withTee = (changes as Record<string, unknown>[]).map((c) =>
      c.variantId === "TEE" ? { ...c, variantId: teeId } : c,
    );
    expect(sim.applyChangeset(referenceId, changeset({ changes: withTee }))).toMatchObject({
      status: "unprocessed",
      errors: [{ code: "invalid_request" }],
    });
    expect(held()).toHaveLength(1);
  });

  it("takes a fixed_amount discount off each unit", () => {
    const { sim, order, referenceId, changeset, teeId } = checkedOut();
    const changes = [
      {
        type: "add_variant",
        variantId: teeId,
        quantity: 2,
        discount: { value: 5, valueType: "fixed_amount", title: "Five off" },
      },
    ];
    expect(sim.applyChangeset(referenceId, changeset({ changes })).status).toBe("processed");
    expect(sim.getOrder(order.id).lineItems[1]).toMatchObject({ quantity: 2, price: "15.00" });
  });
});

describe("calculateChangeset", () => {
  it("prices the purchase with the added, discounted line: no shipping or tax in the simulated store", () => {
    const { sim, referenceId, teeId, order } = checkedOut();
    const result = sim.calculateChangeset(referenceId, [
      {
        type: "add_variant",
        variantId: teeId,
        quantity: 1,
        discount: { value: 20, valueType: "percentage", title: "T" },
      },
    ]);
    expect(result.status).toBe("processed");
    if (result.status !== "processed") return;
    const usd = (amount: string) => ({
      shopMoney: { amount, currencyCode: "USD" },
      presentmentMoney: { amount, currencyCode: "USD" },
    });
    expect(result.calculatedPurchase).toMatchObject({
      subtotalPriceSet: usd("41.00"),
      totalPriceSet: usd("41.00"),
      totalOutstandingSet: usd("16.00"),
      addedTaxLines: [],
      addedShippingLines: [],
    });
    expect(
      result.calculatedPurchase.updatedLineItems.map((li) => [li.variantId, li.quantity, li.productHandle]),
    ).toEqual([
      [gidNumber(order.lineItems[0]!.variantId), 2, "mug"],
      [teeId, 1, "tee"],
    ]);
    expect(sim.getOrder(order.id).lineItems).toHaveLength(1);
  });

  it("answers insufficient_inventory as applyChangeset would", () => {
    const { sim, referenceId, teeId } = checkedOut();
    expect(
      sim.calculateChangeset(referenceId, [{ type: "add_variant", variantId: teeId, quantity: 50 }]),
    ).toMatchObject({
      status: "unprocessed",
      errors: [{ code: "insufficient_inventory" }],
    });
  });
});

describe("leaving the post-purchase step", () => {
  it.each([
    ["declines", "declinePostPurchase"],
    ["reaches the thank-you page", "reachThankYou"],
  ] as const)("the buyer %s: the hold is released with no edit", (_name, method) => {
    const { sim, order, referenceId, held, topicsSince } = checkedOut();
    const from = sim.emitted.length;
    sim[method](referenceId);
    expect(held()).toEqual([]);
    expect(sim.getOrder(order.id).lineItems).toHaveLength(1);
    const topics = topicsSince(from);
    expect(topics).toContain("fulfillment_orders/hold_released");
    expect(topics).not.toContain("orders/edited");
  });

  it("reaching the thank-you page after declining changes nothing more", () => {
    const { sim, referenceId, topicsSince } = checkedOut();
    sim.declinePostPurchase(referenceId);
    const from = sim.emitted.length;
    sim.reachThankYou(referenceId);
    expect(topicsSince(from)).toEqual([]);
  });

  it("the buyer never answers: 60 minutes after the order the hold is released with no edit", async () => {
    const { sim, order, clock, held, topicsSince } = checkedOut();
    clock.advance(60 * 60_000 - 1_000);
    await sim.graphql(SHOP, "{ shop { name } }");
    expect(held()).toHaveLength(1);
    const from = sim.emitted.length;
    clock.advance(1_000);
    await sim.graphql(SHOP, "{ shop { name } }");
    expect(held()).toEqual([]);
    expect(sim.getOrder(order.id).lineItems).toHaveLength(1);
    expect(topicsSince(from)).not.toContain("orders/edited");
  });

  it("an offer accepted after the buyer declined is refused (order_released_error)", () => {
    const { sim, referenceId, changeset } = checkedOut();
    sim.declinePostPurchase(referenceId);
    expect(sim.applyChangeset(referenceId, changeset())).toMatchObject({ errors: [{ code: "order_released_error" }] });
  });
});

describe("post-purchase edge cases", () => {
  it("reports the discounted line in orders/updated, as the app reads it", () => {
    const { sim, referenceId, changeset, tee } = checkedOut();
    sim.applyChangeset(referenceId, changeset());
    const updated = sim.emitted.filter((e) => e.topic === "orders/updated").at(-1)!;
    const lines = (updated.payload as { line_items: { variant_id: number; price: string; quantity: number }[] })
      .line_items;
    expect(lines.find((li) => li.variant_id === gidNumber(tee.id))).toMatchObject({ price: "16.00", quantity: 1 });
  });

  it("answers invalid_request for an unknown reference id, and order_released_error once the step is over", () => {
    const { sim, referenceId, changeset, teeId } = checkedOut();
    expect(sim.applyChangeset("no-such-checkout", changeset())).toMatchObject({
      errors: [{ code: "invalid_request" }],
    });
    expect(sim.calculateChangeset("no-such-checkout", [])).toMatchObject({ errors: [{ code: "invalid_request" }] });
    sim.reachThankYou(referenceId);
    expect(sim.calculateChangeset(referenceId, [{ type: "add_variant", variantId: teeId, quantity: 1 }])).toMatchObject(
      {
        status: "unprocessed",
        errors: [{ code: "order_released_error" }],
      },
    );
  });
});
