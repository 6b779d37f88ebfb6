import { describe, expect, it } from "vitest";
import { signHs256, verifyHs256 } from "./jwt.server";

const SECRET = "app-secret-0123456789";
const NOW = new Date("2026-12-03T12:00:00Z");
const at = (offsetSeconds: number) => Math.floor(NOW.getTime() / 1000) + offsetSeconds;

describe("the one JWT module", () => {
  it("verifies a token it signed, and adds no claim of its own", () => {
    const claims = { iss: "api-key", sub: "ref-1", iat: at(0), exp: at(60), jti: "j-1" };

    const verdict = verifyHs256(signHs256(claims, SECRET), SECRET, { now: NOW, issuer: "api-key" });

    expect(verdict).toEqual({ ok: true, claims });
  });

  it.each([
    ["signed with another secret", signHs256({ exp: at(60) }, "someone-else"), {}, "signature"],
    ["expired", signHs256({ exp: at(-1) }, SECRET), {}, "expired"],
    ["not valid yet", signHs256({ nbf: at(30), exp: at(60) }, SECRET), {}, "not_yet_valid"],
    ["from another issuer", signHs256({ iss: "other-app", exp: at(60) }, SECRET), { issuer: "api-key" }, "claim"],
    ["for another subject", signHs256({ sub: "ref-2", exp: at(60) }, SECRET), { subject: "ref-1" }, "claim"],
    ["missing a required claim", signHs256({ iss: "api-key" }, SECRET), { requiredClaims: ["exp"] }, "claim"],
    ["not a JWT", "not-a-token", {}, "malformed"],
  ] as const)("refuses a token %s", (_name, token, expect_, reason) => {
    const verdict = verifyHs256(token, SECRET, { now: NOW, ...expect_ });

    expect(verdict).toMatchObject({ ok: false, reason });
  });

  it("refuses a tampered payload and an unsigned (alg none) token", () => {
    const [head, , sig] = signHs256({ sub: "ref-1", exp: at(60) }, SECRET).split(".");
    const forged = Buffer.from(JSON.stringify({ sub: "ref-2", exp: at(60) })).toString("base64url");
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString("base64url")}.${forged}.`;

    expect(verifyHs256(`${head}.${forged}.${sig}`, SECRET, { now: NOW })).toMatchObject({
      ok: false,
      reason: "signature",
    });
    expect(verifyHs256(none, SECRET, { now: NOW }).ok).toBe(false);
  });

  it("allows the clock skew it is told to", () => {
    const token = signHs256({ exp: at(-5) }, SECRET);

    expect(verifyHs256(token, SECRET, { now: NOW, clockToleranceSeconds: 10 }).ok).toBe(true);
  });
});
