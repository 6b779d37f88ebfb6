// The shop's currency and time zone for every screen, from the app layout's loader: components
// format with useShopFormat() instead of each loader threading them through.
import { createContext, type ReactNode, useContext, useMemo } from "react";
import { DEFAULT_SHOP_FORMAT, formatDateTime, formatMoney, type ShopFormat } from "~/shops/shop-format";

const ShopFormatContext = createContext<ShopFormat>(DEFAULT_SHOP_FORMAT);

export function ShopFormatProvider({ format, children }: { format: ShopFormat; children: ReactNode }) {
  return <ShopFormatContext.Provider value={format}>{children}</ShopFormatContext.Provider>;
}

export function useShopFormat() {
  const format = useContext(ShopFormatContext);
  return useMemo(
    () => ({
      money: (amount: string | number, currencyCode?: string | null) => formatMoney(amount, format, currencyCode),
      dateTime: (iso: string) => formatDateTime(iso, format),
    }),
    [format],
  );
}
