// MoneyBag values: the simulator is single-currency, so shop and presentment agree.
// Decimal amounts are printed the way Shopify's API prints them: no trailing
// zeros beyond one decimal place ("25.0", "12.5", "12.55").
// https://shopify.dev/docs/api/admin-graphql/latest/scalars/Decimal
function decimal(amount: string): string {
  const n = Number(amount);
  if (!Number.isFinite(n)) return amount;
  const fixed = n.toFixed(2).replace(/0$/, "");
  return fixed.endsWith(".") ? `${fixed}0` : fixed;
}

export function moneyBag(amount: string, currencyCode: string): unknown {
  const money = { amount: decimal(amount), currencyCode };
  return { shopMoney: money, presentmentMoney: money };
}
