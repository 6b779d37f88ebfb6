// HS256 JWT verification for Shopify session tokens (id_token).
// https://shopify.dev/docs/apps/build/authentication-authorization/session-tokens
import { createHmac, timingSafeEqual } from "node:crypto";

interface SessionTokenClaims {
  iss?: string;
  dest?: string;
  aud?: string;
  sub?: string;
  exp?: number;
  nbf?: number;
  iat?: number;
  jti?: string;
  sid?: string;
}

function b64url(input: Buffer | string): string {
  return Buffer.from(input).toString("base64url");
}

export function signHs256(claims: Record<string, unknown>, secret: string): string {
  const head = b64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const body = b64url(JSON.stringify(claims));
  const sig = createHmac("sha256", secret).update(`${head}.${body}`).digest("base64url");
  return `${head}.${body}.${sig}`;
}

/** Returns the claims when the signature is valid, otherwise a reason string. */
export function verifyHs256(token: string, secret: string): SessionTokenClaims | string {
  const parts = token.split(".");
  const [head, body, sig] = parts;
  if (parts.length !== 3 || !head || !body || !sig) return "malformed token";
  let header: { alg?: string };
  try {
    header = JSON.parse(Buffer.from(head, "base64url").toString("utf8")) as { alg?: string };
  } catch {
    return "malformed header";
  }
  if (header.alg !== "HS256") return `unsupported alg ${String(header.alg)}`;
  const expected = createHmac("sha256", secret).update(`${head}.${body}`).digest();
  const given = Buffer.from(sig, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "bad signature";
  try {
    return JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as SessionTokenClaims;
  } catch {
    return "malformed payload";
  }
}
