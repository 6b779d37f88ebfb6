// The three post-purchase endpoints through their route modules, with real Requests, the real
// database, and the store simulator behind the Admin API: tokens, offers, the signed changeset,
// replays, the buyer's decision reaching the ledger's order, CORS and hostile input.
import type { ActionFunctionArgs } from "@remix-run/node";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { signHs256, verifyHs256 } from "~/auth/jwt.server";
import { prisma } from "~/db.server";
import { getJobQueue } from "~/jobs/runtime.server";
import { routeHarness } from "../../tests/support/route-harness";
import { TEST_ENV } from "../../tests/support/test-env";
import { createUpsellOffer } from "../../tests/support/upsell";
import { action as decisionAction } from "./post-purchase.decision";
import { loader, action as offerAction } from "./post-purchase.offer";
import { action as signAction } from "./post-purchase.sign-changeset";

const SHOP = "upsell-a.myshopify.com";
const harness = routeHarness({ shops: [SHOP] });
const numberOf = (gid: string) => Number(gid.split("/").pop());

type Action = (args: ActionFunctionArgs) => Promise<Response>;
const ACTIONS = { offer: offerAction, "sign-changeset": signAction, decision: decisionAction } as Record<
  string,
  Action
>;

interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown> | null;
}

async function post(endpoint: string, body: unknown, init: RequestInit = {}): Promise<Answer> {
  const request = new Request(`https://fulfillment-desk.test/post-purchase/${endpoint}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: "https://checkout.shopify.com" },
    body: typeof body === "string" ? body : JSON.stringify(body),
    ...init,
  });
  const response = await ACTIONS[endpoint]!({ request, params: {}, context: {} });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : null,
  };
}

let s: ReturnType<typeof harness.seed>;
let checkout: { referenceId: string; orderId: string };
let offerId: string;

beforeEach(async () => {
  s = harness.seed();
  const order = harness.h.sim.createOrder(SHOP, {
    lineItems: [{ variantId: s.mug.id, quantity: 2 }],
    locationId: s.thirdParty.id,
    postPurchaseOffer: true,
  });
  checkout = { referenceId: order.checkoutToken, orderId: order.id };
  offerId = (await createUpsellOffer(SHOP, s.tee, { minOrderTotal: "10.00" })).id;
});

interface TokenOptions {
  secret?: string;
  iss?: string;
  /** Shopify issues no `exp`; tests may add one. */
  expSeconds?: number;
  /** Seconds before now the token was issued. */
  issuedSecondsAgo?: number;
  sub?: string;
  shop?: string;
  lines?: { productId: string; variantId: string }[];
}

/** The extension's input token, as Shopify issues it (jwt-specification, Claims). */
function inputToken(o: TokenOptions = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const referenceId = checkout.referenceId;
  const lines = o.lines ?? [{ productId: s.mug.productId, variantId: s.mug.id }];
  const money = { amount: "25.00", currencyCode: "USD" };
  return signHs256(
    {
      iss: o.iss ?? "shopify",
      sub: o.sub ?? referenceId,
      iat: now - (o.issuedSecondsAgo ?? 0),
      ...(o.expSeconds === undefined ? {} : { exp: now + o.expSeconds }),
      input_data: {
        initialPurchase: {
          referenceId,
          customerId: 1,
          destinationCountryCode: "CA",
          totalPriceSet: { shopMoney: money, presentmentMoney: money },
          lineItems: lines.map((l) => ({
            product: { id: numberOf(l.productId), title: "Mug", variant: { id: numberOf(l.variantId), title: "Mug" } },
            quantity: 2,
            totalPriceSet: { shopMoney: money, presentmentMoney: money },
          })),
        },
        shop: { id: 1, domain: o.shop ?? SHOP, metafields: [] },
        locale: "en",
        version: "unstable",
      },
    },
    o.secret ?? TEST_ENV.SHOPIFY_API_SECRET,
  );
}

const tampered = () => {
  const [header, payload, signature] = inputToken().split(".");
  const claims = JSON.parse(Buffer.from(payload!, "base64url").toString()) as {
    input_data: { shop: { domain: string } };
  };
  claims.input_data.shop.domain = "someone-else.myshopify.com";
  return `${header}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.${signature}`;
};

const bodyFor = (endpoint: string, token: string, extra: Record<string, unknown> = {}) => ({
  token,
  referenceId: checkout.referenceId,
  ...(endpoint === "offer" ? {} : { offerId }),
  ...(endpoint === "decision" ? { decision: "declined" } : {}),
  ...extra,
});

/** Shows the offer (the endpoints after it need a presentation), answering the offer's view. */
async function showOffer() {
  const shown = await post("offer", bodyFor("offer", inputToken()));
  expect(shown.status).toBe(200);
  return shown.body!.offer;
}

describe("the offer endpoint", () => {
  it("offers the first matching offer with its discounted price, once per checkout", async () => {
    const first = await post("offer", bodyFor("offer", inputToken()));
    expect(first.status).toBe(200);
    expect(first.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(first.body).toEqual({
      offer: {
        offerId,
        productTitle: "Tee",
        variantTitle: null,
        imageUrl: null,
        variantId: numberOf(s.tee.id),
        quantity: 1,
        originalPrice: "20.00",
        discountedPrice: "16.00",
        currencyCode: "USD",
        discount: { value: 20, valueType: "percentage", title: "Post-purchase offer" },
      },
    });
    const again = await post("offer", bodyFor("offer", inputToken()));
    expect(again.body).toEqual(first.body);
    expect(await prisma.upsellPresentation.count({ where: { shop: SHOP, referenceId: checkout.referenceId } })).toBe(1);
  });

  it("records one presentation when two calls for the checkout race", async () => {
    const [a, b] = await Promise.all([
      post("offer", bodyFor("offer", inputToken())),
      post("offer", bodyFor("offer", inputToken())),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body).toEqual(b.body);
    expect(await prisma.upsellPresentation.count()).toBe(1);
  });

  it("offers nothing when the offered product is in the order already", async () => {
    const token = inputToken({ lines: [{ productId: s.tee.productId, variantId: s.tee.id }] });
    const answer = await post("offer", bodyFor("offer", token));
    expect(answer).toMatchObject({ status: 200, body: { offer: null } });
    expect(await prisma.upsellPresentation.count()).toBe(0);
  });

  it("offers nothing when the variant is out of stock everywhere that ships", async () => {
    const cap = harness.h.sim.addVariant(SHOP, {
      title: "Cap",
      sku: "CAP-1",
      price: "15.00",
      inventory: { [s.pickup.id]: 5, [s.closedStore.id]: 5, [s.warehouse.id]: 0 },
    });
    await prisma.upsellOffer.update({ where: { id: offerId }, data: { productId: cap.productId, variantId: cap.id } });
    const answer = await post("offer", bodyFor("offer", inputToken()));
    expect(answer).toMatchObject({ status: 200, body: { offer: null } });
  });
});

const ENDPOINTS = ["offer", "sign-changeset", "decision"] as const;
const BAD_TOKENS: [string, () => string][] = [
  ["tampered", tampered],
  ["expired (issued over 60 minutes ago)", () => inputToken({ issuedSecondsAgo: 60 * 60 + 5 })],
  ["past an exp it carries", () => inputToken({ expSeconds: -10 })],
  ["issued in the future", () => inputToken({ issuedSecondsAgo: -5 * 60 })],
  ["wrong issuer", () => inputToken({ iss: TEST_ENV.SHOPIFY_API_KEY })],
  ["wrong secret (another app's)", () => inputToken({ secret: "another-apps-secret" })],
  ["for another checkout (sub)", () => inputToken({ sub: "another-checkout" })],
  ["from a shop without the app", () => inputToken({ shop: "not-installed.myshopify.com" })],
  ["not a JWT", () => "not.a.jwt"],
  [
    "unsigned (alg none)",
    () => {
      const [, payload] = inputToken().split(".");
      return `${Buffer.from('{"alg":"none","typ":"JWT"}').toString("base64url")}.${payload}.`;
    },
  ],
];

describe.each(ENDPOINTS)("tokens on %s", (endpoint) => {
  it.each(BAD_TOKENS)("refuses a %s token with 401 and no offer", async (_kind, token) => {
    await showOffer();
    const answer = await post(endpoint, bodyFor(endpoint, token()));
    expect(answer.status).toBe(401);
    expect(answer.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(answer.body).toEqual({ error: expect.any(String) });
    expect(answer.body).not.toHaveProperty("offer");
    expect(answer.body).not.toHaveProperty("token");
    const row = await prisma.upsellPresentation.findFirstOrThrow();
    expect(row).toMatchObject({ decision: null, changesetJti: null });
  });

  it("refuses a valid token whose referenceId isn't the body's", async () => {
    await showOffer();
    const answer = await post(endpoint, bodyFor(endpoint, inputToken(), { referenceId: "another-checkout" }));
    expect(answer.status).toBe(401);
    expect(answer.body!.error).toMatch(/another checkout/);
  });

  it("accepts a valid token as Shopify issues it: no exp, no jti", async () => {
    await showOffer();
    const answer = await post(endpoint, bodyFor(endpoint, inputToken()));
    expect(answer.status).toBe(200);
  });

  it("accepts a token issued 59 minutes ago, while the post-purchase page can still be open", async () => {
    await showOffer();
    const answer = await post(endpoint, bodyFor(endpoint, inputToken({ issuedSecondsAgo: 59 * 60 })));
    expect(answer.status).toBe(200);
  });
});

describe("the sign-changeset endpoint", () => {
  it("signs the stored offer with the app secret, every claim present, iat in seconds", async () => {
    await showOffer();
    const answer = await post(
      "sign-changeset",
      bodyFor("sign-changeset", inputToken(), { quantity: 99, variantId: 1 }),
    );
    expect(answer.status).toBe(200);
    const verdict = verifyHs256(answer.body!.token as string, TEST_ENV.SHOPIFY_API_SECRET, {
      issuer: TEST_ENV.SHOPIFY_API_KEY,
      subject: checkout.referenceId,
      requiredClaims: ["jti", "iat", "iss", "sub", "changes"],
    });
    expect(verdict.ok).toBe(true);
    if (!verdict.ok) return;
    const { claims } = verdict;
    expect(Number.isInteger(claims.iat)).toBe(true);
    expect(Math.abs(claims.iat! - Date.now() / 1000)).toBeLessThan(5);
    expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/);
    // From the stored presentation, not from the client's quantity/variantId.
    expect(claims.changes).toEqual([
      {
        type: "add_variant",
        variantId: numberOf(s.tee.id),
        quantity: 1,
        discount: { value: 20, valueType: "percentage", title: "Post-purchase offer" },
      },
    ]);
    const row = await prisma.upsellPresentation.findFirstOrThrow();
    expect(row.changesetJti).toBe(claims.jti);
    expect(row.changesetSignedAt).not.toBeNull();
  });

  it("refuses a second signing for the checkout (replay) with 401", async () => {
    await showOffer();
    expect((await post("sign-changeset", bodyFor("sign-changeset", inputToken()))).status).toBe(200);
    const replay = await post("sign-changeset", bodyFor("sign-changeset", inputToken()));
    expect(replay).toMatchObject({ status: 401, body: { error: "A changeset was already signed for this checkout." } });
  });

  it("answers 404 for an offer that wasn't shown, or is switched off", async () => {
    await showOffer();
    expect((await post("sign-changeset", bodyFor("sign-changeset", inputToken(), { offerId: "nope" }))).status).toBe(
      404,
    );
    await prisma.upsellOffer.update({ where: { id: offerId }, data: { enabled: false } });
    expect((await post("sign-changeset", bodyFor("sign-changeset", inputToken()))).status).toBe(404);
    expect((await prisma.upsellPresentation.findFirstOrThrow()).changesetJti).toBeNull();
  });
});

describe("the decision endpoint", () => {
  it("records the decision once; then the checkout's token is spent everywhere (401)", async () => {
    await showOffer();
    expect((await post("sign-changeset", bodyFor("sign-changeset", inputToken()))).status).toBe(200);
    const decided = await post("decision", bodyFor("decision", inputToken(), { decision: "accepted" }));
    expect(decided).toMatchObject({ status: 200, body: { recorded: true } });
    expect(await prisma.upsellPresentation.findFirstOrThrow()).toMatchObject({ decision: "accepted" });

    const replay = await post("decision", bodyFor("decision", inputToken(), { decision: "declined" }));
    expect(replay.status).toBe(401);
    expect((await post("sign-changeset", bodyFor("sign-changeset", inputToken()))).status).toBe(401);
    expect((await post("offer", bodyFor("offer", inputToken()))).status).toBe(401);
    expect(await prisma.upsellPresentation.findFirstOrThrow()).toMatchObject({ decision: "accepted" });
  });

  it("refuses an acceptance when no changeset was signed for the checkout (409), recording nothing", async () => {
    await showOffer();
    const accepted = await post("decision", bodyFor("decision", inputToken(), { decision: "accepted" }));
    expect(accepted.status).toBe(409);
    expect(accepted.body!.error).toMatch(/no changeset was signed/i);
    expect(await prisma.upsellPresentation.findFirstOrThrow()).toMatchObject({ decision: null });
  });

  it("applies a decision that arrived before the ledger had the order when the order arrives", async () => {
    await showOffer();
    expect((await post("sign-changeset", bodyFor("sign-changeset", inputToken()))).status).toBe(200);
    expect((await post("decision", bodyFor("decision", inputToken(), { decision: "accepted" }))).status).toBe(200);
    expect(await prisma.order.count()).toBe(0);

    await harness.deliver();

    const order = await prisma.order.findFirstOrThrow({ where: { shop: SHOP, shopifyId: checkout.orderId } });
    expect(order).toMatchObject({ checkoutToken: checkout.referenceId, upsellDecision: "accepted" });
    expect(await prisma.upsellPresentation.findFirstOrThrow()).toMatchObject({ orderId: checkout.orderId });
    const evaluations = await getJobQueue().listJobDetails({ type: "automation.evaluate" });
    expect(evaluations.map((j) => (j.payload as { trigger: string }).trigger)).toContain("upsell_decided");
  });

  it("hands a decision to automation at once when the ledger has the order", async () => {
    await harness.deliver();
    await showOffer();
    expect((await post("decision", bodyFor("decision", inputToken(), { decision: "declined" }))).status).toBe(200);
    const order = await prisma.order.findFirstOrThrow({ where: { shop: SHOP, shopifyId: checkout.orderId } });
    expect(order.upsellDecision).toBe("declined");
    expect(await prisma.upsellPresentation.findFirstOrThrow()).toMatchObject({ orderId: checkout.orderId });
    const evaluations = await getJobQueue().listJobDetails({ type: "automation.evaluate" });
    expect(evaluations.map((j) => (j.payload as { trigger: string }).trigger)).toContain("upsell_decided");
  });
});

describe("CORS and hostile input", () => {
  it.each(ENDPOINTS)("answers the preflight of %s with 204 and what may be sent", async (endpoint) => {
    const request = new Request(`https://fulfillment-desk.test/post-purchase/${endpoint}`, { method: "OPTIONS" });
    const response = await ACTIONS[endpoint]!({ request, params: {}, context: {} });
    expect(response.status).toBe(204);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "access-control-allow-origin": "*",
      "access-control-allow-methods": "POST, OPTIONS",
      "access-control-allow-headers": "Content-Type, Authorization",
      "access-control-max-age": "86400",
    });
  });

  it.each([
    ["malformed JSON", (): string => "{not json", 400],
    ["a JSON array", (): string => "[]", 400],
    ["a token of the wrong type", () => JSON.stringify({ token: 42, referenceId: "x" }), 400],
    ["a missing referenceId", () => JSON.stringify({ token: "a.b.c" }), 400],
    ["a huge body", () => JSON.stringify({ token: "x".repeat(100_000), referenceId: "r" }), 400],
    ["an unknown decision", () => JSON.stringify(bodyFor("decision", inputToken(), { decision: "maybe" })), 400],
  ] as const)("refuses %s with a 4xx JSON error and CORS", async (_name, body, status) => {
    const answer = await post("decision", body());
    expect(answer.status).toBe(status);
    expect(answer.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(answer.body).toEqual({ error: expect.any(String) });
    expect(JSON.stringify(answer.body)).not.toMatch(/at .*\.ts|node_modules/);
  });

  it("answers a GET with 405 and CORS, not the page", async () => {
    const request = new Request("https://fulfillment-desk.test/post-purchase/offer");
    const response = await loader({ request, params: {}, context: {} });
    expect(response.status).toBe(405);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
  });

  it("answers 404 for a decision on an unknown offer", async () => {
    await showOffer();
    const answer = await post("decision", bodyFor("decision", inputToken(), { offerId: "unknown" }));
    expect(answer).toMatchObject({ status: 404, body: { error: expect.any(String) } });
  });
});

afterEach(() => vi.restoreAllMocks());
