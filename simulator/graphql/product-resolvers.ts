// The catalogue as the Admin API serves it: QueryRoot.products (with a `title:` search) and
// Product.variants. The simulator's products carry no media, so Product.featuredMedia is null.
// https://shopify.dev/docs/api/admin-graphql/latest/queries/products
// https://shopify.dev/docs/api/admin-graphql/latest/objects/Product#field-Product.fields.variants
import { GraphQLError } from "graphql";
import type { SimProduct } from "../types";
import { connection, type ConnectionArgs } from "./connection";
import { field, type ResolverMap } from "./context";
import { matchesAll, parseSearch, type SearchTerm } from "./search-query";

/**
 * `title:` with `*` as a wildcard, case-insensitive ("title:*tee*"); the search syntax allows
 * wildcards on a term's value (https://shopify.dev/docs/api/usage/search-syntax). Shopify's
 * tokenisation of titles is not documented; the simulator matches the whole title against the
 * pattern, the stricter reading. Any other field is refused rather than silently ignored.
 */
function productMatches(product: SimProduct, term: SearchTerm): boolean {
  if (term.field !== "title") throw new GraphQLError(`Simulator does not implement products query field ${term.field}`);
  const pattern = term.value
    .toLowerCase()
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${pattern}$`).test(product.title.toLowerCase());
}

const byNumericId = (a: { id: string }, b: { id: string }) =>
  Number(a.id.split("/").pop()) - Number(b.id.split("/").pop());

export const productQueryResolvers = {
  // Deleted products are gone from the catalogue (they stay in the simulator for old line items).
  products: field<unknown>((_s, args, ctx) => {
    const terms = parseSearch(args.query as string | null);
    const all = ctx.state
      .shop(ctx.shop)
      .products.filter((p) => !p.deleted && matchesAll(terms, (t) => productMatches(p, t)));
    return connection([...all].sort(byNumericId), args as ConnectionArgs);
  }),
};

export const productObjectResolvers: ResolverMap = {
  Product: {
    variants: field<SimProduct>((product, args, ctx) => {
      const variants = ctx.state.shop(ctx.shop).variants.filter((v) => v.productId === product.id);
      return connection([...variants].sort(byNumericId), args as ConnectionArgs);
    }),
    featuredMedia: field<SimProduct>(() => null),
  },
};
