import { describe, expect, it } from "vitest";
import { signHs256 } from "../app/auth/jwt.server";
import { API_KEY, API_SECRET, SHOP, TOKEN, setupStore } from "../tests/support/simulator-fixture";

const GQL = `https://${SHOP}/admin/api/2026-10/graphql.json`;

function post(body: unknown, token?: string): RequestInit {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (token) headers["X-Shopify-Access-Token"] = token;
  return { method: "POST", headers, body: JSON.stringify(body) };
}

function sessionToken(overrides: Record<string, unknown> = {}, secret = API_SECRET): string {
  const now = Math.floor(Date.now() / 1000);
  return signHs256(
    {
      iss: `https://${SHOP}/admin`,
      dest: `https://${SHOP}`,
      aud: API_KEY,
      sub: "42",
      exp: now + 60,
      nbf: now - 5,
      iat: now,
      jti: "j",
      sid: "s",
      ...overrides,
    },
    secret,
  );
}

function exchange(subjectToken: string, extra: Record<string, string> = {}): RequestInit {
  return post({
    client_id: API_KEY,
    client_secret: API_SECRET,
    grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
    subject_token: subjectToken,
    subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
    requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
    expiring: "0",
    ...extra,
  });
}

describe("Admin API over fetch", () => {
  it("answers a GraphQL request carrying a valid access token", async () => {
    const { sim } = setupStore();
    const res = await sim.fetch(GQL, post({ query: "{ shop { name } }" }, TOKEN));
    expect(res.status).toBe(200);
    expect((await res.json()).data).toEqual({ shop: { name: "Demo" } });
  });

  it("accepts a Request object as input", async () => {
    const { sim } = setupStore();
    const res = await sim.fetch(new Request(GQL, post({ query: "{ shop { name } }" }, TOKEN)));
    expect((await res.json()).data).toEqual({ shop: { name: "Demo" } });
  });

  it("answers 401 with Shopify's body for a wrong or missing token", async () => {
    const { sim } = setupStore();
    for (const token of ["shpat_wrong", undefined]) {
      const res = await sim.fetch(GQL, post({ query: "{ shop { name } }" }, token));
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({
        errors: "[API] Invalid API key or access token (unrecognized login or wrong password)",
      });
    }
  });

  it("answers 404 for an unsupported API version", async () => {
    const { sim } = setupStore();
    const res = await sim.fetch(
      `https://${SHOP}/admin/api/2019-01/graphql.json`,
      post({ query: "{ shop { name } }" }, TOKEN),
    );
    expect(res.status).toBe(404);
  });

  it("throws for any URL it does not serve", async () => {
    const { sim } = setupStore();
    await expect(sim.fetch("https://example.com/whatever")).rejects.toThrow(/example\.com\/whatever/);
  });

  it("fails the next matching requests with the injected 503, then recovers", async () => {
    const { sim } = setupStore();
    sim.failNext({ status: 503, operationName: "ShopName" });
    const other = await sim.fetch(GQL, post({ query: "query Other { shop { id } }" }, TOKEN));
    expect(other.status).toBe(200);
    const failed = await sim.fetch(GQL, post({ query: "query ShopName { shop { name } }" }, TOKEN));
    expect(failed.status).toBe(503);
    const ok = await sim.fetch(GQL, post({ query: "query ShopName { shop { name } }" }, TOKEN));
    expect(ok.status).toBe(200);
  });

  it("invalidates tokens and emits app/uninstalled on uninstall", async () => {
    const { sim } = setupStore();
    sim.uninstallApp(SHOP);
    const res = await sim.fetch(GQL, post({ query: "{ shop { name } }" }, TOKEN));
    expect(res.status).toBe(401);
    expect(sim.emitted.at(-1)).toMatchObject({ shop: SHOP, topic: "app/uninstalled" });
  });
});

describe("token exchange", () => {
  it("exchanges a session token for an offline token the GraphQL endpoint accepts", async () => {
    const { sim } = setupStore();
    const res = await sim.fetch(`https://${SHOP}/admin/oauth/access_token`, exchange(sessionToken()));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual({ access_token: expect.stringMatching(/^shpat_/), scope: expect.any(String) });
    const gql = await sim.fetch(GQL, post({ query: "{ shop { name } }" }, body.access_token));
    expect(gql.status).toBe(200);
  });

  it("issues expiring offline tokens with a refresh token, and refreshes them", async () => {
    const { sim } = setupStore();
    const first = await (
      await sim.fetch(`https://${SHOP}/admin/oauth/access_token`, exchange(sessionToken(), { expiring: "1" }))
    ).json();
    expect(first).toMatchObject({
      expires_in: 3600,
      refresh_token: expect.any(String),
      refresh_token_expires_in: expect.any(Number),
    });
    const refreshed = await sim.fetch(
      `https://${SHOP}/admin/oauth/access_token`,
      post({
        client_id: API_KEY,
        client_secret: API_SECRET,
        grant_type: "refresh_token",
        refresh_token: first.refresh_token,
      }),
    );
    const second = await refreshed.json();
    expect(second.access_token).not.toBe(first.access_token);
    expect((await sim.fetch(GQL, post({ query: "{ shop { name } }" }, first.access_token))).status).toBe(401);
    expect((await sim.fetch(GQL, post({ query: "{ shop { name } }" }, second.access_token))).status).toBe(200);
  });

  it("returns online tokens with the associated user", async () => {
    const { sim } = setupStore();
    const res = await sim.fetch(
      `https://${SHOP}/admin/oauth/access_token`,
      exchange(sessionToken(), { requested_token_type: "urn:shopify:params:oauth:token-type:online-access-token" }),
    );
    expect(await res.json()).toMatchObject({
      expires_in: 86399,
      associated_user_scope: expect.any(String),
      associated_user: { id: 42 },
    });
  });

  it("rejects a session token signed with another secret or meant for another shop", async () => {
    const { sim } = setupStore();
    const badSig = await sim.fetch(
      `https://${SHOP}/admin/oauth/access_token`,
      exchange(sessionToken({}, "other-secret")),
    );
    expect(badSig.status).toBe(400);
    expect((await badSig.json()).error).toBe("invalid_subject_token");
    const otherShop = await sim.fetch(
      `https://${SHOP}/admin/oauth/access_token`,
      exchange(sessionToken({ dest: "https://other.myshopify.com" })),
    );
    expect(otherShop.status).toBe(400);
  });

  it("rejects an expired session token", async () => {
    const { sim } = setupStore();
    const past = Math.floor(Date.now() / 1000) - 3600;
    const res = await sim.fetch(
      `https://${SHOP}/admin/oauth/access_token`,
      exchange(sessionToken({ exp: past, nbf: past - 60, iat: past - 60 })),
    );
    expect(res.status).toBe(400);
  });

  it("migrates a non-expiring offline token to an expiring one and retires the old token", async () => {
    const { sim } = setupStore();
    const res = await sim.fetch(
      `https://${SHOP}/admin/oauth/access_token`,
      post({
        client_id: API_KEY,
        client_secret: API_SECRET,
        grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
        subject_token: TOKEN,
        subject_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
        requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
        expiring: "1",
      }),
    );
    const body = await res.json();
    expect(body).toMatchObject({ expires_in: 3600, refresh_token: expect.any(String) });
    expect((await sim.fetch(GQL, post({ query: "{ shop { name } }" }, TOKEN))).status).toBe(401);
    expect((await sim.fetch(GQL, post({ query: "{ shop { name } }" }, body.access_token))).status).toBe(200);
  });

  it("rejects wrong client credentials", async () => {
    const { sim } = setupStore();
    const init = exchange(sessionToken());
    const body = JSON.parse(String(init.body)) as Record<string, string>;
    const res = await sim.fetch(`https://${SHOP}/admin/oauth/access_token`, post({ ...body, client_secret: "nope" }));
    expect(res.status).toBe(401);
  });
});
