import { describe, expect, it } from "vitest";
import { SHOP, setupStore } from "../tests/support/simulator-fixture";

// The catalogue the demo's product picker reads: QueryRoot.products with a title search, each
// product's variants, no media.
const PRODUCTS = `query($query: String) { products(first: 10, query: $query) { nodes {
  title featuredMedia { preview { image { url } } } variants(first: 5) { nodes { id title price } } } } }`;

describe("products", () => {
  it("lists the shop's products with their variants, and leaves deleted products out", async () => {
    const { sim, gql, mug, tee } = setupStore();
    sim.deleteProduct(SHOP, mug.id);

    const res = await gql(PRODUCTS, {});

    expect(res.data.products.nodes).toEqual([
      { title: "Tee", featuredMedia: null, variants: { nodes: [{ id: tee.id, title: "Tee", price: "20.00" }] } },
    ]);
  });

  it("matches title: with * wildcards against the whole title, case-insensitively", async () => {
    const { gql } = setupStore();
    const titles = async (query: string) =>
      (await gql(PRODUCTS, { query })).data.products.nodes.map((p: { title: string }) => p.title);

    expect(await titles('title:"*u*"')).toEqual(["Mug"]);
    expect(await titles("title:t*")).toEqual(["Tee"]);
    expect(await titles("title:te")).toEqual([]);
    expect(await titles("title:MUG")).toEqual(["Mug"]);
  });

  it("refuses a search field it does not implement rather than ignoring it", async () => {
    const { gql } = setupStore();

    const res = await gql(PRODUCTS, { query: "vendor:Clayworks" });

    expect(res.errors?.[0]?.message).toMatch(/does not implement products query field vendor/);
  });
});
