import { afterEach, describe, expect, it, vi } from "vitest";

import { OFFER, REFERENCE_ID, TOKEN, renderApi, stubBackend } from "./fixtures";
import { loadExtension } from "./load-extension";
import { button, findAll, screenTexts } from "./remote-tree";

const SIGNED_CHANGESET = "signed.changeset.jwt";

afterEach(() => {
  vi.unstubAllGlobals();
});

async function renderOffer(overrides: Record<string, unknown> = {}) {
  const api = renderApi(overrides);
  const root = (await loadExtension()).render(api);
  return { api, root };
}

describe("Checkout::PostPurchase::Render", () => {
  it("shows the offer: image, titles, both prices, then Shopify's shipping, taxes and total", async () => {
    stubBackend({});
    const { api, root } = await renderOffer();

    await vi.waitFor(() => expect(screenTexts(root)).toContain("$11.97"));

    expect(findAll(root, "Image").map((image) => image.props)).toEqual([
      expect.objectContaining({ source: OFFER.imageUrl, description: "Wool socks" }),
    ]);
    const texts = screenTexts(root);
    expect(texts).toEqual(
      expect.arrayContaining(["Wool socks", "Large / Grey", "Was $12.00", "Now $9.60", "$1.50", "$0.87", "$11.97"]),
    );
    expect(texts.join(" | ")).toMatch(/Shipping \| \$1\.50/);
    expect(texts.join(" | ")).toMatch(/Taxes \| \$0\.87/);
    expect(texts.join(" | ")).toMatch(/Total to pay now \| \$11\.97/);
    expect(api.calculateChangeset).toHaveBeenCalledWith({
      changes: [{ type: "add_variant", variantId: 4412, quantity: 1, discount: OFFER.discount }],
    });
  });

  it("shows a placeholder until Shopify has calculated the amounts", async () => {
    stubBackend({});
    const { root } = await renderOffer({ calculateChangeset: vi.fn(() => new Promise(() => {})) });

    await vi.waitFor(() => expect(screenTexts(root)).toContain("Wool socks"));
    expect(screenTexts(root).filter((text) => text === "Calculating…")).toHaveLength(4);
    expect(button(root, /^Pay now/).props.disabled).toBeFalsy();
  });

  it("still offers accept and decline when calculating fails", async () => {
    stubBackend({});
    const { root } = await renderOffer({
      calculateChangeset: vi.fn(async () => ({
        status: "unprocessed",
        errors: [{ code: "insufficient_inventory", message: "Out of stock" }],
      })),
    });

    await vi.waitFor(() =>
      expect(screenTexts(root)).toContain(
        "We couldn't calculate the final amount. It will be shown before you're charged.",
      ),
    );
    expect(button(root, "Pay now · $9.60")).toBeDefined();
    expect(button(root, "Decline this offer")).toBeDefined();
  });

  it("accept: signs on the backend, applies the signed changeset, records the decision, then done()", async () => {
    const { calls } = stubBackend({
      "/post-purchase/sign-changeset": { status: 200, body: { token: SIGNED_CHANGESET } },
      "/post-purchase/decision": { status: 200, body: { recorded: true } },
    });
    const { api, root } = await renderOffer();
    await vi.waitFor(() => expect(screenTexts(root)).toContain("$11.97"));

    button(root, "Pay now · $11.97").press();

    await vi.waitFor(() => expect(api.done).toHaveBeenCalledTimes(1));
    expect(calls).toEqual([
      {
        path: "/post-purchase/sign-changeset",
        body: { token: TOKEN, referenceId: REFERENCE_ID, offerId: "offer_1" },
        authorization: `Bearer ${TOKEN}`,
      },
      {
        path: "/post-purchase/decision",
        body: { token: TOKEN, referenceId: REFERENCE_ID, offerId: "offer_1", decision: "accepted" },
        authorization: `Bearer ${TOKEN}`,
      },
    ]);
    expect(api.applyChangeset).toHaveBeenCalledWith(SIGNED_CHANGESET);
    const order = (fn: unknown) => (fn as { mock: { invocationCallOrder: number[] } }).mock.invocationCallOrder[0]!;
    expect(order(api.applyChangeset)).toBeLessThan(order(api.done));
  });

  it("pressing twice signs, applies and records once", async () => {
    const { calls } = stubBackend({
      "/post-purchase/sign-changeset": { status: 200, body: { token: SIGNED_CHANGESET } },
      "/post-purchase/decision": { status: 200, body: { recorded: true } },
    });
    const { api, root } = await renderOffer();
    await vi.waitFor(() => expect(screenTexts(root)).toContain("$11.97"));

    const accept = button(root, "Pay now · $11.97");
    accept.press();
    accept.press();
    button(root, "Decline this offer").press();

    await vi.waitFor(() => expect(api.done).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls.map((call) => call.path)).toEqual(["/post-purchase/sign-changeset", "/post-purchase/decision"]);
    expect(api.applyChangeset).toHaveBeenCalledTimes(1);
    expect(api.done).toHaveBeenCalledTimes(1);
  });

  it("if Shopify's done() rejects, the buyer can press again", async () => {
    stubBackend({ "/post-purchase/decision": { status: 200, body: { recorded: true } } });
    const done = vi.fn().mockRejectedValueOnce(new Error("navigation failed")).mockResolvedValue(undefined);
    const { root } = await renderOffer({ done });
    await vi.waitFor(() => expect(screenTexts(root)).toContain("Wool socks"));

    button(root, "Decline this offer").press();
    await vi.waitFor(() => expect(done).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 10));
    button(root, "Decline this offer").press();

    await vi.waitFor(() => expect(done).toHaveBeenCalledTimes(2));
  });

  it("decline: records the decision, then done(), and signs nothing", async () => {
    const { calls } = stubBackend({ "/post-purchase/decision": { status: 200, body: { recorded: true } } });
    const { api, root } = await renderOffer();
    await vi.waitFor(() => expect(screenTexts(root)).toContain("Wool socks"));

    button(root, "Decline this offer").press();

    await vi.waitFor(() => expect(api.done).toHaveBeenCalledTimes(1));
    expect(calls).toEqual([
      {
        path: "/post-purchase/decision",
        body: { token: TOKEN, referenceId: REFERENCE_ID, offerId: "offer_1", decision: "declined" },
        authorization: `Bearer ${TOKEN}`,
      },
    ]);
    expect(api.applyChangeset).not.toHaveBeenCalled();
  });

  it("a failing decision call never keeps the buyer from finishing", async () => {
    stubBackend({ "/post-purchase/decision": "network-error" });
    const { api, root } = await renderOffer();
    await vi.waitFor(() => expect(screenTexts(root)).toContain("Wool socks"));

    button(root, "Decline this offer").press();

    await vi.waitFor(() => expect(api.done).toHaveBeenCalledTimes(1));
  });

  it("a decision call that never answers holds the buyer at most 2 s before done()", async () => {
    stubBackend({ "/post-purchase/decision": "never" });
    const { api, root } = await renderOffer();
    await vi.waitFor(() => expect(screenTexts(root)).toContain("Wool socks"));
    const pressedAt = Date.now();

    button(root, "Decline this offer").press();

    await vi.waitFor(() => expect(api.done).toHaveBeenCalledTimes(1), { timeout: 4_000 });
    expect(Date.now() - pressedAt).toBeLessThan(3_000);
  });

  it.each([
    ["insufficient_inventory", "Sorry, this item just sold out. Your order is complete.", "declined"],
    ["payment_required", "Your payment method couldn't be charged for this item. Your order is complete.", "declined"],
    ["changeset_already_applied", "This offer was already added to your order.", null],
    ["subscription_limit_error", "This item couldn't be added to your order. Your order is complete.", "declined"],
  ])(
    "a changeset error (%s) shows a short message and the buyer can still continue",
    async (code, message, decision) => {
      const { calls } = stubBackend({
        "/post-purchase/sign-changeset": { status: 200, body: { token: SIGNED_CHANGESET } },
        "/post-purchase/decision": { status: 200, body: { recorded: true } },
      });
      const { api, root } = await renderOffer({
        applyChangeset: vi.fn(async () => ({
          status: "unprocessed",
          errors: [{ code, message: "raw Shopify message" }],
          changesetApplicationsRemaining: 1,
        })),
      });
      await vi.waitFor(() => expect(screenTexts(root)).toContain("Wool socks"));

      button(root, /^Pay now/).press();

      await vi.waitFor(() => expect(screenTexts(root)).toContain(message));
      expect(screenTexts(root)).not.toContain("raw Shopify message");
      expect(api.done).not.toHaveBeenCalled();
      expect(calls.map((call) => call.path)).toEqual(["/post-purchase/sign-changeset"]);

      button(root, "Continue to your order confirmation").press();

      await vi.waitFor(() => expect(api.done).toHaveBeenCalledTimes(1));
      // Continuing declines when nothing was added; after "already applied" the line may be in the order, so
      // the extension reports nothing rather than a wrong "declined".
      expect(calls.slice(1).map((call) => call.body)).toEqual(
        decision === null ? [] : [{ token: TOKEN, referenceId: REFERENCE_ID, offerId: "offer_1", decision }],
      );
    },
  );

  it("a partially processed changeset (line added, payment failed) records accepted once, then lets the buyer continue", async () => {
    const { calls } = stubBackend({
      "/post-purchase/sign-changeset": { status: 200, body: { token: SIGNED_CHANGESET } },
      "/post-purchase/decision": { status: 200, body: { recorded: true } },
    });
    const { api, root } = await renderOffer({
      applyChangeset: vi.fn(async () => ({
        status: "partially_processed",
        errors: [{ code: "payment_required", message: "card declined" }],
        changesetApplicationsRemaining: 0,
      })),
    });
    await vi.waitFor(() => expect(screenTexts(root)).toContain("Wool socks"));

    button(root, /^Pay now/).press();
    await vi.waitFor(() =>
      expect(screenTexts(root)).toContain(
        "Your payment method couldn't be charged for this item. Your order is complete.",
      ),
    );
    button(root, "Continue to your order confirmation").press();

    await vi.waitFor(() => expect(api.done).toHaveBeenCalledTimes(1));
    expect(calls.map((call) => [call.path, (call.body as { decision?: string }).decision])).toEqual([
      ["/post-purchase/sign-changeset", undefined],
      ["/post-purchase/decision", "accepted"],
    ]);
  });

  it.each([
    ["a 409 (already signed)", { status: 409, body: { error: "already signed" } }],
    ["a 401", { status: 401, body: { error: "bad token" } }],
    ["a network error", "network-error" as const],
  ])(
    "signing failing with %s shows a short message, applies nothing, and lets the buyer continue",
    async (_label, answer) => {
      const { calls } = stubBackend({
        "/post-purchase/sign-changeset": answer,
        "/post-purchase/decision": { status: 200, body: {} },
      });
      const { api, root } = await renderOffer();
      await vi.waitFor(() => expect(screenTexts(root)).toContain("Wool socks"));

      button(root, /^Pay now/).press();

      await vi.waitFor(() =>
        expect(screenTexts(root)).toContain("This offer is no longer available. Your order is complete."),
      );
      expect(api.applyChangeset).not.toHaveBeenCalled();

      button(root, "Continue to your order confirmation").press();
      await vi.waitFor(() => expect(api.done).toHaveBeenCalledTimes(1));
      // The backend refused or failed: what happened is its to know, so no decision is reported.
      expect(calls.map((call) => call.path)).toEqual(["/post-purchase/sign-changeset"]);
    },
  );

  it("without a stored offer it only offers to continue", async () => {
    stubBackend({});
    const { api, root } = await renderOffer({ storage: { initialData: null, update: vi.fn() } });

    await vi.waitFor(() => expect(screenTexts(root)).toEqual(["Continue to your order confirmation"]));
    button(root, "Continue to your order confirmation").press();
    await vi.waitFor(() => expect(api.done).toHaveBeenCalledTimes(1));
  });
});
