// Reads what the FO page's post-purchase line needs: the order's recorded answer (Order.upsellDecision,
// written by the decision endpoint) and the presentation that says what was accepted.
import { prisma } from "~/db.server";
import { type PostPurchaseFacts, type PostPurchaseView, postPurchaseViewOf } from "./fo-post-purchase";

export async function loadPostPurchaseView(
  shop: string,
  orderGid: string,
  context: Pick<PostPurchaseFacts, "holds" | "automationState">,
): Promise<PostPurchaseView | null> {
  const order = await prisma.order.findUnique({
    where: { shop_shopifyId: { shop, shopifyId: orderGid } },
    select: { postPurchaseHoldSeenAt: true, upsellDecision: true, checkoutToken: true },
  });
  if (!order) return null;
  // The presentation is linked by orderId once known, else found by the checkout's reference id.
  const presentation = await prisma.upsellPresentation.findFirst({
    where: {
      shop,
      OR: [{ orderId: orderGid }, ...(order.checkoutToken ? [{ referenceId: order.checkoutToken }] : [])],
    },
    orderBy: { shownAt: "desc" },
    select: { offerId: true, quantity: true, decision: true },
  });
  const offer = presentation
    ? await prisma.upsellOffer.findFirst({
        where: { shop, id: presentation.offerId },
        select: { productTitle: true, variantTitle: true },
      })
    : null;
  const decision = order.upsellDecision ?? presentation?.decision ?? null;
  return postPurchaseViewOf({
    ...context,
    holdSeenAt: order.postPurchaseHoldSeenAt?.toISOString() ?? null,
    decision,
    accepted:
      presentation && offer
        ? {
            quantity: presentation.quantity,
            title: offer.variantTitle ? `${offer.productTitle} (${offer.variantTitle})` : offer.productTitle,
          }
        : null,
  });
}
