// The demo picker's catalogue: the shop's products matching the search, as JSON for its fetcher.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { authenticate } from "~/shopify.server";
import { fetchProductsCatalogue } from "~/shopify/admin/products-catalogue.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin } = await authenticate.admin(request);
  const search = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 100);
  return json({ products: await fetchProductsCatalogue(admin.graphql, search) });
};
