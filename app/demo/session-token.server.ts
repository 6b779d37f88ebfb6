// Mints session tokens (App Bridge calls them ID tokens) the way Shopify admin does, so demo
// mode exercises the real authenticate.admin: HS256 over the app secret, one-minute
// lifetime, and this claim set (https://shopify.dev/docs/apps/build/authentication-authorization/session-tokens#anatomy-of-a-session-token,
// https://shopify.dev/docs/apps/build/authentication-authorization/id-tokens):
//   iss  https://{shop}/admin      dest https://{shop}       aud  the app's client id (API key)
//   sub  the staff user id          exp/nbf/iat  seconds       jti  unique per token
//   sid  the admin session id       sig  a signature of the admin session
import { createHash, createHmac, randomUUID } from "node:crypto";
import { signHs256 } from "~/auth/jwt.server";

export const SESSION_TOKEN_LIFETIME_SECONDS = 60;

interface SessionTokenClaims {
  iss: string;
  dest: string;
  aud: string;
  sub: string;
  exp: number;
  nbf: number;
  iat: number;
  jti: string;
  sid: string;
  sig: string;
}

interface MintSessionTokenInput {
  shop: string;
  apiKey: string;
  apiSecret: string;
  userId: string;
  now?: Date;
  lifetimeSeconds?: number;
}

export function sessionTokenClaims(input: MintSessionTokenInput): SessionTokenClaims {
  const iat = Math.floor((input.now ?? new Date()).getTime() / 1000);
  // Shopify keeps `sid` stable for one admin login; a hash of shop + user gives the demo the same property.
  const sid = createHash("sha256").update(`${input.shop}|${input.userId}`).digest("hex").slice(0, 32);
  return {
    iss: `https://${input.shop}/admin`,
    dest: `https://${input.shop}`,
    aud: input.apiKey,
    sub: input.userId,
    exp: iat + (input.lifetimeSeconds ?? SESSION_TOKEN_LIFETIME_SECONDS),
    nbf: iat,
    iat,
    jti: randomUUID(),
    sid,
    sig: createHmac("sha256", input.apiSecret).update(sid).digest("hex"),
  };
}

export function mintSessionToken(input: MintSessionTokenInput): string {
  return signHs256({ ...sessionTokenClaims(input) }, input.apiSecret);
}
