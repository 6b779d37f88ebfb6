// ProductVariant with its stock: what the post-purchase offer reads before it is shown (price,
// titles, and the available quantity at each location with that location's ship flags).
// https://shopify.dev/docs/api/admin-graphql/latest/queries/productVariant
// https://shopify.dev/docs/api/admin-graphql/latest/objects/InventoryLevel
import { GraphQLError } from "graphql";
import { gidNumber } from "../ids";
import type { SimProduct, SimVariant } from "../types";
import { connection, type ConnectionArgs } from "./connection";
import { field, type ResolverMap, type SimContext } from "./context";

interface LevelView {
  id: string;
  location: unknown;
  available: number;
  committed: number;
}

/** QueryRoot.productVariant: "Returns a ProductVariant resource by ID", null when there is none. */
export const productVariantRoot = field<unknown>((_s, args, ctx) => {
  const variant = ctx.state.shop(ctx.shop).variants.find((v) => v.id === String(args.id));
  return variant ?? null;
});

function levelsOf(v: SimVariant, ctx: SimContext): LevelView[] {
  const shop = ctx.state.shop(ctx.shop);
  return shop.locations
    .filter((l) => shop.inventory[`${v.id}|${l.id}`] !== undefined)
    .map((l) => ({
      id: `gid://shopify/InventoryLevel/${gidNumber(v.id)}${gidNumber(l.id)}?inventory_item_id=${gidNumber(v.id)}`,
      location: l,
      ...shop.inventory[`${v.id}|${l.id}`]!,
    }));
}

// The inventory states the simulator models; https://shopify.dev/docs/apps/build/orders-fulfillment/inventory-management-apps/manage-quantities-states
// lists more (incoming, reserved, damaged, …), which it refuses loudly rather than answer 0.
const QUANTITY: Record<string, (l: LevelView) => number> = {
  available: (l) => l.available,
  committed: (l) => l.committed,
  on_hand: (l) => l.available + l.committed,
};

export const variantResolvers: ResolverMap = {
  ProductVariant: {
    legacyResourceId: field<SimVariant>((v) => String(gidNumber(v.id))),
    displayName: field<SimVariant>((v) => v.title),
    product: field<SimVariant>((v, _a, ctx) => ctx.state.shop(ctx.shop).products.find((p) => p.id === v.productId)),
    // The inventory item shares the variant's number in the simulator (one item per variant).
    inventoryItem: field<SimVariant>((v) => ({ id: `gid://shopify/InventoryItem/${gidNumber(v.id)}`, variant: v })),
  },
  Product: {
    // The simulator's products have no media.
    featuredMedia: field<SimProduct>(() => null),
  },
  InventoryItem: {
    inventoryLevels: field<{ variant: SimVariant }>((item, args, ctx) =>
      connection(levelsOf(item.variant, ctx), args as ConnectionArgs),
    ),
  },
  InventoryLevel: {
    // "quantities(names: [String!]!)": one InventoryQuantity per name asked for.
    quantities: field<LevelView>((level, args) =>
      (args.names as string[]).map((name) => {
        const read = QUANTITY[name];
        if (!read) throw new GraphQLError(`Simulator does not implement InventoryLevel.quantities(names: "${name}")`);
        return { id: `${level.id}|${name}`, name, quantity: read(level), updatedAt: null };
      }),
    ),
  },
};
