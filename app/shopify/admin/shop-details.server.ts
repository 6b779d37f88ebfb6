import type { ShopDetailsQuery, ShopDetailsQueryVariables } from "~/types/admin.generated";
import { type AdminGraphql, runOperation } from "./run-operation.server";

const SHOP_DETAILS_QUERY = `#graphql
  query ShopDetails {
    shop {
      id
      name
      myshopifyDomain
      currencyCode
      ianaTimezone
    }
  }
` as const;

interface ShopDetails {
  id: string;
  name: string;
  domain: string;
  currencyCode: string;
  /** e.g. "America/New_York": https://shopify.dev/docs/api/admin-graphql/latest/objects/Shop#field-ianaTimezone */
  ianaTimezone: string;
}

function toShopDetails(data: ShopDetailsQuery): ShopDetails {
  return {
    id: data.shop.id,
    name: data.shop.name,
    domain: data.shop.myshopifyDomain,
    currencyCode: data.shop.currencyCode,
    ianaTimezone: data.shop.ianaTimezone,
  };
}

export async function fetchShopDetails(graphql: AdminGraphql): Promise<ShopDetails> {
  const { data } = await runOperation<ShopDetailsQuery, ShopDetailsQueryVariables>(graphql, {
    name: "ShopDetails",
    kind: "query",
    document: SHOP_DETAILS_QUERY,
  });
  return toShopDetails(data);
}
