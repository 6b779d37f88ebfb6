import type { VariantAvailabilityQuery, VariantAvailabilityQueryVariables } from "~/types/admin.generated";
import { type AdminGraphql, runOperation } from "./run-operation.server";

// What a post-purchase offer needs to know of its variant right before it is shown: the price,
// the titles and image, and the available stock at each location with the flags that say
// whether the location can ship it.
// https://shopify.dev/docs/api/admin-graphql/latest/queries/productVariant
// https://shopify.dev/docs/api/admin-graphql/latest/objects/InventoryLevel#field-InventoryLevel.fields.quantities
// https://shopify.dev/docs/api/admin-graphql/latest/objects/Location#field-Location.fields.shipsInventory
// 50 levels (locations) a page: a shop has at most a few dozen; more are ignored, which can only
// hide stock, never offer what isn't there.
const VARIANT_AVAILABILITY_QUERY = `#graphql
  query VariantAvailability($id: ID!) {
    productVariant(id: $id) {
      id
      legacyResourceId
      title
      price
      product {
        id
        title
        featuredMedia {
          preview {
            image {
              url
            }
          }
        }
      }
      inventoryItem {
        inventoryLevels(first: 50) {
          nodes {
            quantities(names: ["available"]) {
              name
              quantity
            }
            location {
              id
              isActive
              shipsInventory
              fulfillsOnlineOrders
            }
          }
        }
      }
    }
  }
` as const;

export interface LocationStock {
  locationId: string;
  available: number;
  /** Active, ships inventory and fulfills online orders: a location that can send the upsell. */
  canShip: boolean;
}

export interface VariantAvailability {
  variantId: string;
  /** The numeric id (ProductVariant.legacyResourceId), as the changeset's add_variant wants it. */
  legacyId: number;
  title: string;
  productTitle: string;
  imageUrl: string | null;
  /** Decimal string in the shop's currency. */
  price: string;
  stock: LocationStock[];
}

type VariantNode = NonNullable<VariantAvailabilityQuery["productVariant"]>;

function toVariantAvailability(v: VariantNode): VariantAvailability {
  return {
    variantId: v.id,
    legacyId: Number(v.legacyResourceId),
    title: v.title,
    productTitle: v.product.title,
    imageUrl: v.product.featuredMedia?.preview?.image?.url ?? null,
    price: String(v.price),
    stock: v.inventoryItem.inventoryLevels.nodes.map((level) => ({
      locationId: level.location.id,
      available: level.quantities.find((q) => q.name === "available")?.quantity ?? 0,
      canShip: level.location.isActive && level.location.shipsInventory && level.location.fulfillsOnlineOrders,
    })),
  };
}

/** The variant's price and stock; null when Shopify has no such variant (deleted). */
export async function fetchVariantAvailability(
  graphql: AdminGraphql,
  variantId: string,
): Promise<VariantAvailability | null> {
  const { data } = await runOperation<VariantAvailabilityQuery, VariantAvailabilityQueryVariables>(graphql, {
    name: "VariantAvailability",
    kind: "query",
    document: VARIANT_AVAILABILITY_QUERY,
    variables: { id: variantId },
  });
  return data.productVariant ? toVariantAvailability(data.productVariant) : null;
}
