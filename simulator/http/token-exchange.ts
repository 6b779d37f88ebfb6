// POST https://{shop}/admin/oauth/access_token — token exchange and refresh, as
// @shopify/shopify-api v15 sends them (JSON body, see
// node_modules/@shopify/shopify-api/dist/esm/lib/auth/oauth/token-exchange.mjs).
// https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/token-exchange
// https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/offline-access-tokens
import { randomBytes } from "node:crypto";
import type { StoreState } from "../store-state";
import type { SimShop, SimToken } from "../types";
import { verifyHs256 } from "../../app/auth/jwt.server";

const TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
const ONLINE = "urn:shopify:params:oauth:token-type:online-access-token";
const OFFLINE = "urn:shopify:params:oauth:token-type:offline-access-token";
const OFFLINE_EXPIRES_IN = 3600;
const REFRESH_EXPIRES_IN = 7_776_000;
const ONLINE_EXPIRES_IN = 86_399;

interface TokenResponse {
  status: number;
  body: Record<string, unknown>;
}

const err = (status: number, error: string, description: string): TokenResponse => ({
  status,
  body: { error, error_description: description },
});

export function issueToken(
  shop: SimShop,
  kind: "offline" | "online",
  nowMs: number,
  expiring: boolean,
  fixed?: string,
): SimToken {
  const token: SimToken = {
    token: fixed ?? `shpat_${randomBytes(16).toString("hex")}`,
    kind,
    scope: shop.scopes,
    expiresAtMs:
      kind === "online" ? nowMs + ONLINE_EXPIRES_IN * 1000 : expiring ? nowMs + OFFLINE_EXPIRES_IN * 1000 : null,
    refreshToken: kind === "offline" && expiring ? `shprt_${randomBytes(16).toString("hex")}` : null,
  };
  shop.tokens.push(token);
  return token;
}

function tokenBody(token: SimToken, nowMs: number, userId: string | undefined): Record<string, unknown> {
  const body: Record<string, unknown> = { access_token: token.token, scope: token.scope };
  if (token.expiresAtMs !== null) body.expires_in = Math.round((token.expiresAtMs - nowMs) / 1000);
  if (token.refreshToken) {
    body.refresh_token = token.refreshToken;
    body.refresh_token_expires_in = REFRESH_EXPIRES_IN;
  }
  if (token.kind === "online") {
    body.associated_user_scope = token.scope;
    body.associated_user = {
      id: Number(userId ?? 1),
      first_name: "Staff",
      last_name: "Member",
      email: "staff@example.com",
      email_verified: true,
      account_owner: true,
      locale: "en",
      collaborator: false,
    };
  }
  return body;
}

export function handleAccessToken(
  state: StoreState,
  shop: SimShop,
  creds: { apiKey: string; apiSecret: string },
  params: Record<string, string>,
): TokenResponse {
  if (params.client_id !== creds.apiKey || params.client_secret !== creds.apiSecret) {
    return err(401, "invalid_client", "Client credentials are invalid");
  }
  const now = state.nowMs();
  if (params.grant_type === "refresh_token") {
    const old = shop.tokens.find((t) => t.refreshToken !== null && t.refreshToken === params.refresh_token);
    if (!old) return err(400, "invalid_grant", "The refresh token is invalid or has expired.");
    shop.tokens = shop.tokens.filter((t) => t !== old);
    shop.installed = true;
    return { status: 200, body: tokenBody(issueToken(shop, "offline", now, true), now, undefined) };
  }
  if (params.grant_type !== TOKEN_EXCHANGE)
    return err(400, "unsupported_grant_type", `Unsupported grant type ${String(params.grant_type)}`);
  if (params.subject_token_type === OFFLINE) return migrateToExpiring(state, shop, params.subject_token ?? "");
  // Session tokens live one minute. They are minted with wall-clock time (App Bridge, or tests
  // signing their own), so expiry is checked against the wall clock like @shopify/shopify-api's
  // decodeSessionToken does, not the sim clock, with its 10 seconds of leeway.
  const verdict = verifyHs256(params.subject_token ?? "", creds.apiSecret, { clockToleranceSeconds: 10 });
  if (!verdict.ok) {
    if (verdict.reason === "expired") return err(400, "invalid_subject_token", "Subject token has expired");
    return err(400, "invalid_subject_token", `Invalid subject token: ${verdict.message}`);
  }
  const claims = verdict.claims;
  if (claims.aud !== creds.apiKey)
    return err(400, "invalid_subject_token", "Subject token audience does not match the client");
  let destHost: string | null = null;
  try {
    destHost = typeof claims.dest === "string" ? new URL(claims.dest).host : null;
  } catch {
    destHost = null;
  }
  if (destHost !== shop.domain)
    return err(400, "invalid_subject_token", "Subject token destination does not match the shop");
  shop.installed = true;
  const kind = params.requested_token_type === ONLINE ? "online" : "offline";
  const token = issueToken(shop, kind, now, kind === "offline" && params.expiring === "1");
  return { status: 200, body: tokenBody(token, now, typeof claims.sub === "string" ? claims.sub : undefined) };
}

// Exchanging a non-expiring offline token for an expiring one (shopify-api's
// migrateToExpiringToken); the old token stops working.
// https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/offline-access-tokens
function migrateToExpiring(state: StoreState, shop: SimShop, subject: string): TokenResponse {
  const old = shop.tokens.find((t) => t.token === subject && t.kind === "offline" && t.expiresAtMs === null);
  if (!old)
    return err(400, "invalid_subject_token", "Subject token is not a non-expiring offline access token of this shop");
  shop.tokens = shop.tokens.filter((t) => t !== old);
  const now = state.nowMs();
  return { status: 200, body: tokenBody(issueToken(shop, "offline", now, true), now, undefined) };
}
