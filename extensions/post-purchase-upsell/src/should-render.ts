import type { PostPurchaseShouldRenderApi } from "@shopify/post-purchase-ui-extensions-react";

import { fetchOffer } from "./backend";

// Checkout::PostPurchase::ShouldRender: ask the backend for an offer and keep it in storage for Render
// (https://shopify.dev/docs/api/checkout-extensions/post-purchase/api). Without an offer (none, an error,
// or no answer in time) the post-purchase page is skipped.
export async function shouldRender({ inputData, storage }: PostPurchaseShouldRenderApi): Promise<{ render: boolean }> {
  const offer = await fetchOffer({ token: inputData.token, referenceId: inputData.initialPurchase.referenceId });
  if (offer === null) return { render: false };
  await storage.update(offer);
  return { render: true };
}
