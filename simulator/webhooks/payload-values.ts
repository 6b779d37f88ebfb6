// Small value helpers shared by the payload builders: GID <-> numeric id,
// Shopify's REST date and money formats, enum casing, bigint-safe JSON.
import type { LegacyId } from "./types";

const GID_RE = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)(?:\?.*)?$/;

/** `gid://shopify/Order/1001` -> 1001 (bigint above 2^53 so no digit is lost). */
export function legacyIdFromGid(gid: string): LegacyId {
  const match = GID_RE.exec(gid);
  const tail = match?.[2];
  if (!tail) throw new Error(`Not a numeric Shopify GID: ${gid}`);
  const asNumber = Number(tail);
  return Number.isSafeInteger(asNumber) ? asNumber : BigInt(tail);
}

export function legacyIdOrNull(gid: string | null | undefined): LegacyId | null {
  return gid ? legacyIdFromGid(gid) : null;
}

/**
 * REST payloads render times in the shop's zone without milliseconds, e.g.
 * `2021-12-31T19:00:00-05:00`. The sim's shops run on UTC, so `+00:00`.
 * Strings are passed through untouched (the core may already hold one).
 */
export function restDate(value: Date | string): string;
export function restDate(value: Date | string | null | undefined): string | null;
export function restDate(value: Date | string | null | undefined): string | null {
  if (value == null) return null;
  if (typeof value === "string") return value;
  return value.toISOString().replace(/\.\d{3}Z$/, "+00:00");
}

/**
 * REST webhook enums are lowercase (`on_hold`, `partially_paid`) where the
 * GraphQL Admin API says `ON_HOLD`; accept either and emit the REST form.
 */
export function restEnum<T extends string | null | undefined>(value: T): T {
  return (typeof value === "string" ? value.toLowerCase() : value) as T;
}

/** Money in REST payloads is a decimal string with two places. */
export function money(value: string | number): string {
  return (Math.round(Number(value) * 100) / 100).toFixed(2);
}

export function cents(value: string | number): number {
  return Math.round(Number(value) * 100);
}

export function fromCents(value: number): string {
  return (value / 100).toFixed(2);
}

type MoneySet = {
  shop_money: { amount: string; currency_code: string };
  presentment_money: { amount: string; currency_code: string };
};

export function moneySet(amount: string | number, currency: string, presentmentCurrency = currency): MoneySet {
  const a = money(amount);
  return {
    shop_money: { amount: a, currency_code: currency },
    presentment_money: { amount: a, currency_code: presentmentCurrency },
  };
}

/**
 * JSON.stringify that writes bigint ids as bare integers (JSON.stringify throws
 * on bigint, and a string would change the type apps see). Node 20 has no
 * JSON.rawJSON, so bigints go out as a unique placeholder string first.
 */
export function serializeWebhookPayload(payload: unknown): string {
  const marker = `__bigint_${Math.random().toString(36).slice(2)}__`;
  let sawBigint = false;
  const json = JSON.stringify(payload, (_key, value: unknown) => {
    if (typeof value === "bigint") {
      sawBigint = true;
      return `${marker}${value.toString()}`;
    }
    return value;
  });
  if (json === undefined) throw new Error("Webhook payload is not JSON-serialisable");
  return sawBigint ? json.replace(new RegExp(`"${marker}(-?\\d+)"`, "g"), "$1") : json;
}
