// Reading AutomationDecision rows for one FO: only that FO's, only that shop's, newest first.
import { afterEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { automationDecisionsForTimeline, latestAutomationDecision } from "./decision-view.server";

const SHOP = "decisions-a.myshopify.com";
const FO = "gid://shopify/FulfillmentOrder/1";

afterEach(() => prisma.automationDecision.deleteMany());

const decide = (decisionKey: string, createdAt: string, over: { shop?: string; fo?: string } = {}) =>
  prisma.automationDecision.create({
    data: {
      shop: over.shop ?? SHOP,
      decisionKey,
      fulfillmentOrderShopifyId: over.fo ?? FO,
      orderShopifyId: "gid://shopify/Order/1",
      trigger: "created",
      outcome: "skip",
      status: "decided",
      reason: decisionKey,
      createdAt: new Date(createdAt),
    },
  });

describe("decision views", () => {
  it("give this FO's decisions of this shop, newest first, and the newest alone", async () => {
    await decide("old", "2026-12-01T10:00:00Z");
    await decide("new", "2026-12-01T11:00:00Z");
    await decide("other-fo", "2026-12-01T12:00:00Z", { fo: "gid://shopify/FulfillmentOrder/2" });
    await decide("other-shop", "2026-12-01T12:00:00Z", { shop: "decisions-b.myshopify.com" });
    expect((await automationDecisionsForTimeline(SHOP, FO)).map((d) => d.reason)).toEqual(["new", "old"]);
    expect(await latestAutomationDecision(SHOP, FO)).toMatchObject({ reason: "new", at: "2026-12-01T11:00:00.000Z" });
  });

  it("give nothing for an FO automation never looked at", async () => {
    expect(await latestAutomationDecision(SHOP, FO)).toBeNull();
    expect(await automationDecisionsForTimeline(SHOP, FO)).toEqual([]);
  });
});
