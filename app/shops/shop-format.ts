// Money and dates as the merchant's Shopify admin shows them: in the shop's currency and IANA
// time zone (Shop.currencyCode, Shop.ianaTimezone). Pure, with Intl only, shared by the
// server render and the browser so both print the same text.

export interface ShopFormat {
  /** ISO 4217, e.g. "USD"; null until the shop's details have been read. */
  currencyCode: string | null;
  /** IANA, e.g. "America/New_York". */
  timeZone: string;
}

export const DEFAULT_SHOP_FORMAT: ShopFormat = { currencyCode: null, timeZone: "UTC" };

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const isCurrency = (code: string) => {
  try {
    new Intl.NumberFormat("en", { style: "currency", currency: code });
    return true;
  } catch {
    return false;
  }
};

/** The shop's settings as stored, with anything Intl would refuse replaced by the default. */
export function shopFormatOf(row: { currencyCode: string | null; ianaTimezone: string | null } | null): ShopFormat {
  const zone = row?.ianaTimezone;
  const currency = row?.currencyCode;
  return {
    currencyCode: currency && isCurrency(currency) ? currency : null,
    timeZone: zone && isTimeZone(zone) ? zone : DEFAULT_SHOP_FORMAT.timeZone,
  };
}

/** "195.0" in USD → "$195.00"; the order's own currency when given, else the shop's. */
export function formatMoney(amount: string | number, format: ShopFormat, currencyCode?: string | null): string {
  const value = typeof amount === "number" ? amount : Number(amount);
  const currency = currencyCode ?? format.currencyCode;
  if (!Number.isFinite(value)) return String(amount);
  if (!currency || !isCurrency(currency)) return value.toLocaleString("en", { minimumFractionDigits: 2 });
  return new Intl.NumberFormat("en", { style: "currency", currency }).format(value);
}

/** "Nov 20, 2026, 7:00 AM EST": a moment in the shop's time zone, the zone named. */
export function formatDateTime(iso: string, format: ShopFormat): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const text = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: format.timeZone });
  return `${text.format(at)} ${zoneName(at, format.timeZone)}`;
}

const zoneName = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en", { timeZone, timeZoneName: "short" })
    .formatToParts(at)
    .find((part) => part.type === "timeZoneName")?.value ?? timeZone;
