// The one JWT module: HS256 tokens signed with the app secret, for production, the demo and the
// simulator alike. Session tokens (App Bridge's ID tokens), the post-purchase extension's input
// token, and the changesets we sign for it are all HS256 JWTs over the app secret:
// https://shopify.dev/docs/apps/build/authentication-authorization/session-tokens
// https://shopify.dev/docs/api/checkout-extensions/post-purchase/jwt-specification
// Built on `jsonwebtoken`, so there is no HMAC or base64url code of our own; why that library and
// not `jose` is in docs/decisions/0031-one-jwt-module.md.
import jwt from "jsonwebtoken";

export type JwtClaims = jwt.JwtPayload & Record<string, unknown>;

/** Why a token was refused; callers map every reason to a 4xx. */
type JwtFailure = "malformed" | "signature" | "expired" | "not_yet_valid" | "claim";

type JwtVerdict = { ok: true; claims: JwtClaims } | { ok: false; reason: JwtFailure; message: string };

interface JwtExpectations {
  issuer?: string;
  audience?: string;
  subject?: string;
  /** Claims that must be present (e.g. `exp`, so a token without one is refused). */
  requiredClaims?: readonly string[];
  /** The moment `exp` and `nbf` are checked against; defaults to the wall clock. */
  now?: Date;
  /** Seconds of clock skew allowed on `exp` and `nbf`. */
  clockToleranceSeconds?: number;
}

/** Signs the claims as they are: no `iat` or other claim is added behind the caller's back. */
export function signHs256(claims: Record<string, unknown>, secret: string): string {
  // jsonwebtoken would add `iat` when it is missing, and `noTimestamp` would delete a given one.
  return jwt.sign(claims, secret, { algorithm: "HS256", noTimestamp: claims.iat === undefined });
}

/** Verifies signature, algorithm (HS256 only), time claims and the expected claims. Never throws. */
export function verifyHs256(token: string, secret: string, expect: JwtExpectations = {}): JwtVerdict {
  let decoded: string | jwt.JwtPayload;
  try {
    decoded = jwt.verify(token, secret, {
      algorithms: ["HS256"],
      ...(expect.issuer !== undefined ? { issuer: expect.issuer } : {}),
      ...(expect.audience !== undefined ? { audience: expect.audience } : {}),
      ...(expect.subject !== undefined ? { subject: expect.subject } : {}),
      ...(expect.now ? { clockTimestamp: Math.floor(expect.now.getTime() / 1000) } : {}),
      clockTolerance: expect.clockToleranceSeconds ?? 0,
    });
  } catch (error) {
    return { ok: false, reason: failureOf(error), message: error instanceof Error ? error.message : String(error) };
  }
  if (typeof decoded === "string") return { ok: false, reason: "malformed", message: "payload is not a JSON object" };
  const missing = (expect.requiredClaims ?? []).filter((claim) => decoded[claim] === undefined);
  if (missing.length > 0) return { ok: false, reason: "claim", message: `missing claim ${missing.join(", ")}` };
  return { ok: true, claims: decoded as JwtClaims };
}

function failureOf(error: unknown): JwtFailure {
  if (error instanceof jwt.TokenExpiredError) return "expired";
  if (error instanceof jwt.NotBeforeError) return "not_yet_valid";
  if (error instanceof jwt.JsonWebTokenError) {
    if (error.message === "invalid signature") return "signature";
    // "jwt issuer invalid. expected: …", "jwt audience invalid…", "jwt subject invalid…"
    if (/^jwt (issuer|audience|subject|id) invalid/.test(error.message)) return "claim";
  }
  return "malformed";
}
