// The offer store against a real SQLite database: per shop, versioned edits, order of offers.
import { afterEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { parseOfferDraft, type OfferDraft } from "./offer-form";
import { createOffer, getOffer, listOffers, moveOffer, setOfferEnabled, updateOffer } from "./offer-store.server";

const SHOP = "offer-store.myshopify.com";
const OTHER = "offer-store-other.myshopify.com";

afterEach(async () => {
  await prisma.upsellOffer.deleteMany();
});

function draft(name: string, extra: Record<string, string> = {}): OfferDraft {
  const result = parseOfferDraft({
    name,
    productId: "gid://shopify/Product/1",
    variantId: "gid://shopify/ProductVariant/11",
    productTitle: "Socks",
    discountPercent: "20",
    quantity: "1",
    enabled: "on",
    ...extra,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result.draft;
}

describe("the offer store", () => {
  it("creates offers last in order, and lists only the shop's own", async () => {
    await createOffer(SHOP, draft("First"));
    await createOffer(SHOP, draft("Second"));
    await createOffer(OTHER, draft("Theirs"));

    const mine = await listOffers(SHOP);
    expect(mine.map((o) => [o.name, o.position, o.version])).toEqual([
      ["First", 0, 1],
      ["Second", 1, 1],
    ]);
  });

  it("never reads or writes another shop's offer", async () => {
    const theirs = await createOffer(OTHER, draft("Theirs"));

    expect(await getOffer(SHOP, theirs.id)).toBeNull();
    expect(await updateOffer(SHOP, theirs.id, draft("Hijacked"), 1)).toEqual({ kind: "not-found" });
    expect(await setOfferEnabled(SHOP, theirs.id, false)).toBe(false);
    expect(await moveOffer(SHOP, theirs.id, "down")).toBe(false);
    expect(await prisma.upsellOffer.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({
      name: "Theirs",
      enabled: true,
      version: 1,
    });
  });

  it("saves an edit from the current version and refuses one from a stale form, writing nothing", async () => {
    const offer = await createOffer(SHOP, draft("Socks"));

    const first = await updateOffer(SHOP, offer.id, draft("Socks 25%", { discountPercent: "25" }), 1);
    expect(first).toMatchObject({ kind: "saved", offer: { name: "Socks 25%", discountPercent: "25", version: 2 } });

    // A second editor opened at version 1 saves after the first.
    expect(await updateOffer(SHOP, offer.id, draft("Socks 50%", { discountPercent: "50" }), 1)).toEqual({
      kind: "stale",
      currentVersion: 2,
    });
    expect(await getOffer(SHOP, offer.id)).toMatchObject({ name: "Socks 25%", discountPercent: "25", version: 2 });
  });

  it("switches an offer off and moves its version, so an editor opened before is stale", async () => {
    const offer = await createOffer(SHOP, draft("Socks"));

    expect(await setOfferEnabled(SHOP, offer.id, false)).toBe(true);

    expect(await getOffer(SHOP, offer.id)).toMatchObject({ enabled: false, version: 2 });
    expect((await updateOffer(SHOP, offer.id, draft("Socks"), 1)).kind).toBe("stale");
  });

  it("moves an offer up and down, renumbering positions with gaps or ties", async () => {
    const a = await createOffer(SHOP, draft("A"));
    await createOffer(SHOP, draft("B"));
    const c = await createOffer(SHOP, draft("C"));
    // Older rows may tie: every position 5.
    await prisma.upsellOffer.updateMany({ where: { shop: SHOP }, data: { position: 5 } });

    expect(await moveOffer(SHOP, c.id, "up")).toBe(true);
    expect((await listOffers(SHOP)).map((o) => o.name)).toEqual(["A", "C", "B"]);
    expect(await moveOffer(SHOP, a.id, "down")).toBe(true);
    expect((await listOffers(SHOP)).map((o) => [o.name, o.position])).toEqual([
      ["C", 0],
      ["A", 1],
      ["B", 2],
    ]);
    // The first cannot go further up: nothing changes.
    expect(await moveOffer(SHOP, c.id, "up")).toBe(true);
    expect((await listOffers(SHOP)).map((o) => o.name)).toEqual(["C", "A", "B"]);
  });
});
