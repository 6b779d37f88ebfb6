import { vi } from "vitest";

import { BACKEND_URL } from "../src/config";

export const TOKEN = "input.jwt.from-shopify";
export const REFERENCE_ID = "c1a2b3c4d5e6";

export const OFFER = {
  offerId: "offer_1",
  productTitle: "Wool socks",
  variantTitle: "Large / Grey",
  imageUrl: "https://cdn.example.test/socks.png",
  variantId: 4412,
  quantity: 1,
  originalPrice: "12.00",
  discountedPrice: "9.60",
  currencyCode: "USD",
  discount: { value: 20, valueType: "percentage", title: "20% off for you" },
};

export function inputData() {
  return {
    extensionPoint: "Checkout::PostPurchase::Render",
    token: TOKEN,
    locale: "en",
    version: "unstable",
    shop: { id: 1, domain: "demo.myshopify.com", metafields: [] },
    initialPurchase: {
      referenceId: REFERENCE_ID,
      totalPriceSet: {
        shopMoney: { amount: "40.00", currencyCode: "USD" },
        presentmentMoney: { amount: "40.00", currencyCode: "USD" },
      },
      lineItems: [],
    },
  };
}

const bag = (amount: string) => ({
  shopMoney: { amount, currencyCode: "USD" },
  presentmentMoney: { amount, currencyCode: "USD" },
});

const PROCESSED_CALCULATION = {
  status: "processed",
  errors: [],
  calculatedPurchase: {
    subtotalPriceSet: bag("9.60"),
    totalPriceSet: bag("51.97"),
    totalOutstandingSet: bag("11.97"),
    addedShippingLines: [{ priceSet: bag("1.50"), presentmentTitle: "Standard" }],
    addedTaxLines: [{ priceSet: bag("0.87"), rate: 0.09, title: "State tax" }],
    updatedLineItems: [],
  },
};

/** The Render API Shopify hands the extension, with the offer ShouldRender stored. */
export function renderApi(overrides: Record<string, unknown> = {}) {
  return {
    extensionPoint: "Checkout::PostPurchase::Render",
    inputData: inputData(),
    storage: { initialData: OFFER, update: vi.fn(async () => {}) },
    calculateChangeset: vi.fn(async () => PROCESSED_CALCULATION),
    applyChangeset: vi.fn(async () => ({ status: "processed", errors: [], changesetApplicationsRemaining: 0 })),
    done: vi.fn(async () => {}),
    ...overrides,
  };
}

interface Call {
  path: string;
  body: unknown;
  authorization: string | null;
}

type Answer = { status: number; body: unknown } | "network-error" | "never";

/** A fetch stand-in for the backend: answers by path and records every request. */
export function stubBackend(answers: Record<string, Answer>) {
  const calls: Call[] = [];
  const fetchStub = vi.fn(async (url: string, init: RequestInit) => {
    const path = url.startsWith(BACKEND_URL) ? url.slice(BACKEND_URL.length) : url;
    const headers = new Headers(init.headers);
    calls.push({ path, body: JSON.parse(String(init.body)), authorization: headers.get("Authorization") });
    const answer = answers[path] ?? { status: 404, body: { error: "not found" } };
    if (answer === "network-error") throw new TypeError("Failed to fetch");
    if (answer === "never") {
      return new Promise<Response>((_, reject) => {
        init.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
      });
    }
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { "Content-Type": "application/json" },
    });
  });
  vi.stubGlobal("fetch", fetchStub);
  return { calls, fetchStub };
}
