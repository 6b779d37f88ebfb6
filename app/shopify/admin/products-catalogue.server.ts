// The demo's stand-in for App Bridge's resource picker: a page of the shop's products with their
// variants. https://shopify.dev/docs/api/admin-graphql/latest/queries/products
import type { CatalogueProduct } from "~/post-purchase/offer-views";
import type { ProductsCatalogueQuery, ProductsCatalogueQueryVariables } from "~/types/admin.generated";
import { type AdminGraphql, runOperation } from "./run-operation.server";

const PRODUCTS_CATALOGUE_QUERY = `#graphql
  query ProductsCatalogue($first: Int!, $query: String) {
    products(first: $first, query: $query) {
      nodes {
        id
        title
        featuredMedia {
          preview {
            image {
              url
            }
          }
        }
        variants(first: 20) {
          nodes {
            id
            title
            price
          }
        }
      }
    }
  }
` as const;

/** The products search term as Shopify's search syntax wants it: a title wildcard, quotes and wildcards of the term dropped. */
const titleQueryOf = (term: string): string | null => {
  const clean = term.replace(/["'*\\:]/g, " ").trim();
  return clean ? `title:"*${clean}*"` : null;
};

function toCatalogue(data: ProductsCatalogueQuery): CatalogueProduct[] {
  return data.products.nodes.map((p) => ({
    id: p.id,
    title: p.title,
    imageUrl: p.featuredMedia?.preview?.image?.url ?? null,
    variants: p.variants.nodes.map((v) => ({ id: v.id, title: v.title, price: v.price })),
  }));
}

export async function fetchProductsCatalogue(graphql: AdminGraphql, search: string): Promise<CatalogueProduct[]> {
  const { data } = await runOperation<ProductsCatalogueQuery, ProductsCatalogueQueryVariables>(graphql, {
    name: "ProductsCatalogue",
    kind: "query",
    document: PRODUCTS_CATALOGUE_QUERY,
    variables: { first: 25, query: titleQueryOf(search) },
  });
  return toCatalogue(data);
}
