// The app layout through the real authenticate.admin: it gives every screen the shop's currency
// and time zone, read from Shopify once and then from the Shop row.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { callRoute, documentRequest, fetchRequest } from "../../tests/support/embedded-request";
import { installShop, type SimulatorHarness, startSimulator } from "../../tests/support/simulator";
import { loader } from "./app";

const SHOP = "layout-format.myshopify.com";
let h: SimulatorHarness;

beforeEach(() => {
  h = startSimulator();
});
afterEach(async () => {
  h.close();
  await prisma.shop.deleteMany({ where: { shop: SHOP } });
});

describe("the app layout", () => {
  it("reads the shop's currency and IANA time zone from Shopify once, then from its Shop row", async () => {
    await installShop(h.sim, SHOP, { currency: "EUR", timezone: "Europe/Paris" });

    const first = await callRoute(loader, documentRequest("/app", SHOP));

    expect(first.status).toBe(200);
    expect((await first.json()).shopFormat).toEqual({ currencyCode: "EUR", timeZone: "Europe/Paris" });
    expect(await prisma.shop.findUniqueOrThrow({ where: { shop: SHOP } })).toMatchObject({
      currencyCode: "EUR",
      ianaTimezone: "Europe/Paris",
    });
    const asked = h.operations.length;
    const again = await callRoute(loader, fetchRequest("/app", SHOP));
    expect((await again.json()).shopFormat).toEqual({ currencyCode: "EUR", timeZone: "Europe/Paris" });
    expect(h.operations.slice(asked)).toEqual([]);
  });
});
