// While a row says "Cancelling…" the board refreshes itself; when Shopify finishes, the row just
// goes (or turns failed). These toasts tell the merchant which order it was, as the request's own
// answer would have, had Shopify finished while they waited.
import { useAppBridge } from "@shopify/app-bridge-react";
import { useEffect, useRef } from "react";
import type { PickupOrderView } from "~/fulfillment/pickup/board";
import { en } from "~/i18n/en";

const t = en.pickup.cancel;

interface CancellationToast {
  message: string;
  isError: boolean;
}

/**
 * Pure: the toasts for rows that were cancelling (`watching`: FO id → order name) given the board's
 * new rows, and what to watch next.
 */
export function cancellationToasts(
  watching: ReadonlyMap<string, string>,
  notCollected: readonly Pick<PickupOrderView, "fulfillmentOrderId" | "orderName" | "cancellation">[],
): { toasts: CancellationToast[]; watching: Map<string, string> } {
  const rows = new Map(notCollected.map((order) => [order.fulfillmentOrderId, order]));
  const toasts: CancellationToast[] = [];
  for (const [id, orderName] of watching) {
    const row = rows.get(id);
    if (!row) toasts.push({ message: t.finishedInBackground(orderName), isError: false });
    else if (row.cancellation?.status === "failed") {
      toasts.push({ message: t.failedInBackground(orderName), isError: true });
    }
  }
  const next = new Map(
    notCollected
      .filter((row) => row.cancellation?.status === "cancelling")
      .map((row) => [row.fulfillmentOrderId, row.orderName] as const),
  );
  return { toasts, watching: next };
}

export function useCancellationToasts(notCollected: readonly PickupOrderView[]): void {
  const shopify = useAppBridge();
  const watching = useRef(new Map<string, string>());
  useEffect(() => {
    const { toasts, watching: next } = cancellationToasts(watching.current, notCollected);
    watching.current = next;
    for (const toast of toasts) shopify.toast.show(toast.message, { isError: toast.isError });
  }, [notCollected, shopify]);
}
