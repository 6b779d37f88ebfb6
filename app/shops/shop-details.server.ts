// The shop's currency and time zone, for formatting: read from the Admin API the first time the
// app opens for a shop (or after they were cleared), then from the Shop row.
import { prisma } from "~/db.server";
import type { AdminGraphql } from "~/shopify/admin/run-operation.server";
import { fetchShopDetails } from "~/shopify/admin/shop-details.server";
import { type ShopFormat, shopFormatOf } from "./shop-format";

export async function shopFormatFor(graphql: AdminGraphql, shop: string): Promise<ShopFormat> {
  const row = await prisma.shop.findUnique({ where: { shop }, select: { currencyCode: true, ianaTimezone: true } });
  if (row?.currencyCode && row.ianaTimezone) return shopFormatOf(row);
  let details;
  try {
    details = await fetchShopDetails(graphql);
  } catch (error) {
    // Re-auth and bounce responses go up to Remix; anything else only costs the formatting.
    if (error instanceof Response) throw error;
    console.error("shop-details: not read", { shop, error: String(error) });
    return shopFormatOf(row);
  }
  const stored = { name: details.name, currencyCode: details.currencyCode, ianaTimezone: details.ianaTimezone };
  await prisma.shop.updateMany({ where: { shop }, data: stored });
  return shopFormatOf(stored);
}
