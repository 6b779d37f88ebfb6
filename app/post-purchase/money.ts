// Money as integer cents, from and to the decimal strings Shopify and our rows use, so offer
// prices never drift the way float arithmetic does ("19.99" * 3).

const DECIMAL = /^(\d{1,12})(?:\.(\d{1,2})\d*)?$/;

/** Cents of a non-negative decimal string ("12", "12.5", "12.50"); null when it isn't one. */
export function toCents(amount: string): number | null {
  const match = DECIMAL.exec(amount.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

/** "12.50" from 1250. */
export function fromCents(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}

/** Hundredths of a percent ("20" → 2000, "12.5" → 1250); null when it isn't a decimal. */
export function toBasisPoints(percent: string): number | null {
  return toCents(percent);
}
