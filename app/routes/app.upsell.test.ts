// The post-purchase offers screens through the real authenticate.admin: create and edit with
// field errors and the stale-form refusal, another shop's offer is a 404, the list's switches
// and order, the statistics, and the demo picker's catalogue from the simulator.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { en } from "~/i18n/en";
import type { CatalogueProduct, OfferEditorView, OffersScreenView } from "~/post-purchase/offer-views";
import { callRoute, fetchRequest } from "../../tests/support/embedded-request";
import { routeHarness } from "../../tests/support/route-harness";
import { action as editAction, loader as editLoader } from "./app.upsell.$id";
import { action as listAction, loader as listLoader } from "./app.upsell._index";
import { loader as catalogueLoader } from "./app.upsell.catalogue";
import { action as newAction } from "./app.upsell.new";

const SHOP = "upsell-screen.myshopify.com";
const OTHER = "upsell-screen-other.myshopify.com";

const harness = routeHarness({ shops: [SHOP, OTHER] });

const t = en.upsell;

const form = (extra: Record<string, string> = {}) => ({
  name: "Socks with every tee",
  productId: "gid://shopify/Product/1",
  variantId: "gid://shopify/ProductVariant/11",
  productTitle: "Socks",
  variantTitle: "Blue",
  imageUrl: "",
  discountPercent: "20",
  maxDiscountAmount: "",
  minOrderTotal: "25",
  quantity: "1",
  enabled: "on",
  ...extra,
});

async function answerOf(response: Response) {
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const create = async (extra: Record<string, string> = {}, shop = SHOP) =>
  answerOf(
    await callRoute(
      newAction,
      fetchRequest("/app/upsell/new", shop, { form: form({ idempotencyKey: crypto.randomUUID(), ...extra }) }),
    ),
  );

const withId = (id: string, handler: (args: LoaderFunctionArgs) => Promise<Response>) => (args: LoaderFunctionArgs) =>
  handler({ ...args, params: { id } });

const edit = async (id: string, extra: Record<string, string>, shop = SHOP) =>
  answerOf(await callRoute(withId(id, editAction), fetchRequest(`/app/upsell/${id}`, shop, { form: form(extra) })));

const openEditor = (id: string, shop = SHOP) =>
  callRoute(withId(id, editLoader), fetchRequest(`/app/upsell/${id}`, shop));

async function list(shop = SHOP): Promise<OffersScreenView> {
  return (await (await callRoute(listLoader, fetchRequest("/app/upsell", shop))).json()) as OffersScreenView;
}

const listAct = async (body: Record<string, string>, shop = SHOP) =>
  answerOf(await callRoute(listAction, fetchRequest("/app/upsell", shop, { form: body })));

describe("the offers screens", () => {
  it("creates an offer and lists it, never shown yet", async () => {
    expect(await create()).toEqual({ status: 200, body: { ok: true } });

    const view = await list();
    expect(view.offers).toEqual([
      expect.objectContaining({
        name: "Socks with every tee",
        productTitle: "Socks",
        variantTitle: "Blue",
        discountPercent: "20",
        enabled: true,
        shown: 0,
        conversion: null,
        revenue: "0.00",
      }),
    ]);
    expect(await list(OTHER)).toMatchObject({ offers: [] });
  });

  it("creates one offer from a form submitted twice with the same key, and refuses a form without a key", async () => {
    const idempotencyKey = crypto.randomUUID();
    expect(await create({ idempotencyKey })).toEqual({ status: 200, body: { ok: true } });
    expect(await create({ idempotencyKey })).toEqual({ status: 200, body: { ok: true } });
    expect((await list()).offers).toHaveLength(1);

    const keyless = await create({ idempotencyKey: "" });
    expect(keyless.status).toBe(400);
    expect(keyless.body.error).toMatch(/submission key/);
    expect((await list()).offers).toHaveLength(1);
  });

  it("answers 422 with every invalid field's message and stores nothing", async () => {
    const answer = await create({ discountPercent: "0", quantity: "11", name: "", productId: "" });

    expect(answer).toEqual({
      status: 422,
      body: {
        ok: false,
        kind: "invalid",
        error: t.form.invalid,
        fieldErrors: {
          name: t.errors.name,
          productId: t.errors.product,
          discountPercent: t.errors.discountPercent,
          quantity: t.errors.quantity,
        },
      },
    });
    expect(await prisma.upsellOffer.count()).toBe(0);
  });

  it("saves an edit from the version the form was opened at, and refuses the stale one with 409", async () => {
    await create();
    const offer = await prisma.upsellOffer.findFirstOrThrow({ where: { shop: SHOP } });
    const opened = (await (await openEditor(offer.id)).json()) as OfferEditorView;
    expect(opened).toMatchObject({ id: offer.id, version: 1, values: { name: "Socks with every tee", quantity: "1" } });

    expect(await edit(offer.id, { name: "First edit", expectedVersion: "1" })).toEqual({
      status: 200,
      body: { ok: true },
    });
    expect(await edit(offer.id, { name: "Second edit", expectedVersion: "1" })).toEqual({
      status: 409,
      body: { ok: false, kind: "stale", error: t.form.stale },
    });
    expect(await prisma.upsellOffer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({
      name: "First edit",
      version: 2,
    });
  });

  it("answers 404 for another shop's offer or an unknown id, and changes nothing", async () => {
    await create({}, OTHER);
    const theirs = await prisma.upsellOffer.findFirstOrThrow({ where: { shop: OTHER } });

    expect((await openEditor(theirs.id)).status).toBe(404);
    expect((await openEditor("nope")).status).toBe(404);
    expect((await openEditor("../../etc")).status).toBe(404);
    expect((await edit(theirs.id, { name: "Hijack", expectedVersion: "1" })).status).toBe(404);
    expect((await listAct({ intent: "set-enabled", offerId: theirs.id, enabled: "false" })).status).toBe(404);
    expect(await prisma.upsellOffer.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({
      name: "Socks with every tee",
      enabled: true,
    });
  });

  it("switches an offer off and moves another up from the list; refuses a garbled action with 400", async () => {
    await create({ name: "A" });
    await create({ name: "B" });
    const [a, b] = (await list()).offers;

    expect(await listAct({ intent: "set-enabled", offerId: a!.id, enabled: "false" })).toEqual({
      status: 200,
      body: { ok: true },
    });
    expect(await listAct({ intent: "move", offerId: b!.id, direction: "up" })).toEqual({
      status: 200,
      body: { ok: true },
    });
    expect((await list()).offers.map((o) => [o.name, o.enabled])).toEqual([
      ["B", true],
      ["A", false],
    ]);
    expect((await listAct({ intent: "move", offerId: a!.id, direction: "sideways" })).status).toBe(400);
    expect((await listAct({ intent: "delete-all" })).status).toBe(400);
  });

  it("shows each offer's statistics and the totals", async () => {
    await create();
    const [offer] = (await list()).offers;
    for (const [referenceId, decision] of [
      ["c1", "accepted"],
      ["c2", "declined"],
    ] as const) {
      await prisma.upsellPresentation.create({
        data: {
          shop: SHOP,
          offerId: offer!.id,
          referenceId,
          variantId: "gid://shopify/ProductVariant/11",
          quantity: 1,
          originalPrice: "12.00",
          discountedPrice: "9.60",
          currencyCode: "USD",
          decision,
        },
      });
    }

    const view = await list();
    expect(view.offers[0]).toMatchObject({ shown: 2, accepted: 1, declined: 1, conversion: 0.5, revenue: "9.60" });
    expect(view.total).toMatchObject({ shown: 2, accepted: 1, revenue: "9.60", currencyCode: "USD" });
    expect(view.sameRequest).toEqual({ together: 0, split: 0, pending: 1, share: null });
  });

  it("serves the demo picker the shop's products and variants from the Admin API, searched by title", async () => {
    const s = harness.seed();
    const catalogue = async (q: string) => {
      const response = await callRoute(
        catalogueLoader,
        fetchRequest(`/app/upsell/catalogue?q=${encodeURIComponent(q)}`, SHOP),
      );
      return ((await response.json()) as { products: CatalogueProduct[] }).products;
    };

    expect((await catalogue("")).map((p) => p.title)).toEqual(["Mug", "Tee"]);
    expect(await catalogue("te")).toEqual([
      {
        id: expect.stringMatching(/Product/),
        title: "Tee",
        imageUrl: null,
        variants: [{ id: s.tee.id, title: "Tee", price: "20.00" }],
      },
    ]);
    // Search syntax in the term is the merchant's text, not a query of theirs.
    expect(await catalogue('" OR vendor:x *')).toEqual([]);
  });
});
