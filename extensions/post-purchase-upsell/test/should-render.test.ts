import { afterEach, describe, expect, it, vi } from "vitest";

import { OFFER, REFERENCE_ID, TOKEN, inputData, stubBackend } from "./fixtures";
import { loadExtension } from "./load-extension";

function shouldRenderApi() {
  return {
    extensionPoint: "Checkout::PostPurchase::ShouldRender",
    inputData: inputData(),
    storage: { initialData: null, update: vi.fn(async () => {}) },
  };
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("Checkout::PostPurchase::ShouldRender", () => {
  it("asks the backend for an offer with the input token and reference id, stores it and renders", async () => {
    const { calls } = stubBackend({ "/post-purchase/offer": { status: 200, body: { offer: OFFER } } });
    const extension = await loadExtension();
    const api = shouldRenderApi();

    await expect(extension.shouldRender(api)).resolves.toEqual({ render: true });

    expect(calls).toEqual([
      {
        path: "/post-purchase/offer",
        body: { token: TOKEN, referenceId: REFERENCE_ID },
        authorization: `Bearer ${TOKEN}`,
      },
    ]);
    expect(api.storage.update).toHaveBeenCalledWith(OFFER);
  });

  it("renders nothing when the backend has no offer", async () => {
    stubBackend({ "/post-purchase/offer": { status: 200, body: { offer: null } } });
    const api = shouldRenderApi();

    await expect((await loadExtension()).shouldRender(api)).resolves.toEqual({ render: false });
    expect(api.storage.update).not.toHaveBeenCalled();
  });

  it.each([
    ["a 500", { status: 500, body: { error: "boom" } }],
    ["a 401", { status: 401, body: { error: "bad token" } }],
    ["a network error", "network-error" as const],
    ["a malformed offer", { status: 200, body: { offer: { ...OFFER, variantId: "gid://shopify/ProductVariant/1" } } }],
  ])("renders nothing when the backend answers %s", async (_label, answer) => {
    stubBackend({ "/post-purchase/offer": answer });
    const api = shouldRenderApi();

    await expect((await loadExtension()).shouldRender(api)).resolves.toEqual({ render: false });
    expect(api.storage.update).not.toHaveBeenCalled();
  });

  it("gives up after 2.5 s without an answer and renders nothing, rather than keep the buyer waiting", async () => {
    const extension = await loadExtension();
    const { fetchStub } = stubBackend({ "/post-purchase/offer": "never" });
    vi.useFakeTimers();
    const api = shouldRenderApi();

    let settled: { render: boolean } | undefined;
    void extension.shouldRender(api).then((result) => (settled = result));
    await vi.advanceTimersByTimeAsync(2_400);
    expect(settled).toBeUndefined();
    await vi.advanceTimersByTimeAsync(200);

    expect(settled).toEqual({ render: false });
    expect(fetchStub.mock.calls[0]![1].signal!.aborted).toBe(true);
    expect(api.storage.update).not.toHaveBeenCalled();
  });
});
