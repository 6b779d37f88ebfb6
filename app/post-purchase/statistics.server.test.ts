// The offers screen's statistics from seeded UpsellPresentation rows and FO ledger rows.
import { afterEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { loadUpsellStatistics } from "./statistics.server";

const SHOP = "upsell-stats.myshopify.com";
const OTHER = "upsell-stats-other.myshopify.com";
const TEE = "gid://shopify/ProductVariant/1";
const SOCKS = "gid://shopify/ProductVariant/2";

afterEach(async () => {
  await prisma.upsellPresentation.deleteMany();
  await prisma.fulfillmentOrder.deleteMany();
  await prisma.order.deleteMany();
});

let seq = 0;

async function presentation(
  offerId: string,
  decision: "accepted" | "declined" | null,
  extra: { orderId?: string; quantity?: number; discountedPrice?: string; shop?: string } = {},
) {
  seq += 1;
  await prisma.upsellPresentation.create({
    data: {
      shop: extra.shop ?? SHOP,
      offerId,
      referenceId: `checkout-${seq}`,
      orderId: extra.orderId ?? null,
      variantId: SOCKS,
      quantity: extra.quantity ?? 1,
      originalPrice: "12.00",
      discountedPrice: extra.discountedPrice ?? "9.60",
      currencyCode: "USD",
      decision,
    },
  });
}

/** An order in the ledger with its FOs: each FO its request status and its lines' variants. */
async function ledgerOrder(orderId: string, fos: { requestStatus: string; variants: string[] }[]) {
  const now = new Date();
  const order = await prisma.order.create({
    data: { shop: SHOP, shopifyId: orderId, name: "#1001", placedAt: now, shopifyUpdatedAt: now },
  });
  for (const [i, fo] of fos.entries()) {
    await prisma.fulfillmentOrder.create({
      data: {
        shop: SHOP,
        shopifyId: `${orderId}-fo-${i}`.replace("Order", "FulfillmentOrder"),
        orderId: order.id,
        orderShopifyId: orderId,
        status: "OPEN",
        requestStatus: fo.requestStatus,
        lineItems: fo.variants.map((variantId, j) => ({ id: `l${i}-${j}`, variantId })),
        openedAt: now,
        shopifyUpdatedAt: now,
      },
    });
  }
}

describe("loadUpsellStatistics", () => {
  it("counts shown, accepted, declined, conversion and revenue per offer and in total, for this shop only", async () => {
    await presentation("offer-a", "accepted", { quantity: 2, discountedPrice: "9.60" });
    await presentation("offer-a", "declined");
    await presentation("offer-a", null);
    await presentation("offer-b", "accepted", { discountedPrice: "0.15" });
    await presentation("offer-a", "accepted", { shop: OTHER });

    const stats = await loadUpsellStatistics(SHOP);

    expect(stats.perOffer["offer-a"]).toEqual({
      shown: 3,
      accepted: 1,
      declined: 1,
      conversion: 1 / 3,
      revenue: "19.20",
      currencyCode: "USD",
    });
    expect(stats.perOffer["offer-b"]).toMatchObject({ shown: 1, accepted: 1, conversion: 1, revenue: "0.15" });
    expect(stats.total).toEqual({
      shown: 4,
      accepted: 2,
      declined: 1,
      conversion: 0.5,
      revenue: "19.35",
      currencyCode: "USD",
    });
  });

  it("has no conversion for an offer never shown, and nothing for a shop without presentations", async () => {
    const stats = await loadUpsellStatistics(SHOP);

    expect(stats.perOffer).toEqual({});
    expect(stats.total).toEqual({
      shown: 0,
      accepted: 0,
      declined: 0,
      conversion: null,
      revenue: "0.00",
      currencyCode: null,
    });
    expect(stats.sameRequest).toEqual({ together: 0, split: 0, pending: 0, share: null });
  });

  it("counts an upsell item requested in the same FO as the original items as together", async () => {
    await ledgerOrder("gid://shopify/Order/1", [{ requestStatus: "SUBMITTED", variants: [TEE, SOCKS] }]);
    await presentation("offer-a", "accepted", { orderId: "gid://shopify/Order/1" });

    expect((await loadUpsellStatistics(SHOP)).sameRequest).toEqual({ together: 1, split: 0, pending: 0, share: 1 });
  });

  it("counts the upsell item as split when the originals were requested without it", async () => {
    await ledgerOrder("gid://shopify/Order/2", [
      { requestStatus: "ACCEPTED", variants: [TEE] },
      { requestStatus: "UNSUBMITTED", variants: [SOCKS] },
    ]);
    await ledgerOrder("gid://shopify/Order/3", [
      { requestStatus: "ACCEPTED", variants: [TEE] },
      { requestStatus: "SUBMITTED", variants: [SOCKS] },
    ]);
    await ledgerOrder("gid://shopify/Order/4", [{ requestStatus: "SUBMITTED", variants: [TEE, SOCKS] }]);
    await presentation("offer-a", "accepted", { orderId: "gid://shopify/Order/2" });
    await presentation("offer-a", "accepted", { orderId: "gid://shopify/Order/3" });
    await presentation("offer-a", "accepted", { orderId: "gid://shopify/Order/4" });

    expect((await loadUpsellStatistics(SHOP)).sameRequest).toEqual({ together: 1, split: 2, pending: 0, share: 1 / 3 });
  });

  it("counts as pending, not a failure: an order not requested yet, not in the ledger, or not linked", async () => {
    await ledgerOrder("gid://shopify/Order/5", [{ requestStatus: "UNSUBMITTED", variants: [TEE, SOCKS] }]);
    // The ledger has not seen the upsell line yet.
    await ledgerOrder("gid://shopify/Order/6", [{ requestStatus: "UNSUBMITTED", variants: [TEE] }]);
    await presentation("offer-a", "accepted", { orderId: "gid://shopify/Order/5" });
    await presentation("offer-a", "accepted", { orderId: "gid://shopify/Order/6" });
    await presentation("offer-a", "accepted", { orderId: "gid://shopify/Order/404" });
    await presentation("offer-a", "accepted");
    // A declined offer added nothing to ship.
    await presentation("offer-a", "declined", { orderId: "gid://shopify/Order/5" });

    expect((await loadUpsellStatistics(SHOP)).sameRequest).toEqual({ together: 0, split: 0, pending: 4, share: null });
  });
});
