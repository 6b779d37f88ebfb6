// Formats an amount string ("9.60") in the buyer's locale. An unknown locale or currency falls back to a
// plain "9.60 USD" rather than breaking the screen.
export function formatMoney(amount: string, currencyCode: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency: currencyCode }).format(Number(amount));
  } catch {
    return `${amount} ${currencyCode}`;
  }
}

export function sumAmounts(amounts: readonly string[]): string {
  const cents = amounts.reduce((total, amount) => total + Math.round(Number(amount) * 100), 0);
  return (cents / 100).toFixed(2);
}
