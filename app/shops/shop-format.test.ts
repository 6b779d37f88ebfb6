import { describe, expect, it } from "vitest";
import { formatDateTime, formatMoney, shopFormatOf } from "./shop-format";

const NEW_YORK = { currencyCode: "USD", timeZone: "America/New_York" };

describe("money and dates in the shop's currency and time zone", () => {
  it.each([
    ["195.0", "USD", "$195.00"],
    ["1234.5", "USD", "$1,234.50"],
    ["195.0", "EUR", "€195.00"],
    ["195", "JPY", "¥195"],
  ])("shows %s %s as %s", (amount, currencyCode, shown) => {
    expect(formatMoney(amount, { currencyCode, timeZone: "UTC" })).toBe(shown);
  });

  it("uses the shop's currency when the amount carries none", () => {
    expect(formatMoney("195.0", { currencyCode: "CAD", timeZone: "UTC" })).toBe("CA$195.00");
  });

  it("shows a moment in the shop's time zone, named, across daylight saving", () => {
    expect(formatDateTime("2026-11-20T12:00:00.000Z", NEW_YORK)).toBe("Nov 20, 2026, 7:00 AM EST");
    expect(formatDateTime("2026-07-01T12:00:00.000Z", NEW_YORK)).toBe("Jul 1, 2026, 8:00 AM EDT");
    expect(formatDateTime("2026-11-20T12:00:00.000Z", { currencyCode: null, timeZone: "UTC" })).toBe(
      "Nov 20, 2026, 12:00 PM UTC",
    );
  });

  it("falls back to UTC and no currency for values Intl would refuse", () => {
    expect(shopFormatOf({ currencyCode: "DOLLARS", ianaTimezone: "Mars/Olympus" })).toEqual({
      currencyCode: null,
      timeZone: "UTC",
    });
    expect(shopFormatOf(null)).toEqual({ currencyCode: null, timeZone: "UTC" });
  });
});
