// What the FO page says of the post-purchase offer: open while Shopify's post-purchase hold is
// on, then the buyer's answer, and, with automation off, that the order is settled and ready to
// request by hand. Pure: the loader gathers the facts, the card shows the result.

/** Shopify's own hold while the buyer sees the offer. https://shopify.dev/docs/api/admin-graphql/latest/enums/FulfillmentHoldReason */
const POST_PURCHASE_HOLD_REASON = "ONLINE_STORE_POST_PURCHASE_CROSS_SELL";

export type PostPurchaseDecisionView =
  { kind: "accepted"; quantity: number; title: string } | { kind: "declined" } | null;

export interface PostPurchaseView {
  /** When the ledger first saw the hold (Shopify's FulfillmentHold has no timestamp); null once it is gone. */
  openSince: string | null;
  decision: PostPurchaseDecisionView;
  /** Hold gone and automation off: nothing waits any more, the merchant may request. */
  settled: boolean;
}

export interface PostPurchaseFacts {
  holds: { reason: string; firstSeenAt: string }[];
  /** Order.postPurchaseHoldSeenAt: the order had the hold at some point. */
  holdSeenAt: string | null;
  /** Order.upsellDecision, or the presentation's decision. */
  decision: string | null;
  /** The accepted item: the presentation's quantity and the offer's product (and variant) title. */
  accepted: { quantity: number; title: string } | null;
  automationState: "off" | "paused" | "on";
}

/** Null when this order never had a post-purchase offer: the page says nothing. */
export function postPurchaseViewOf(facts: PostPurchaseFacts): PostPurchaseView | null {
  const hold = facts.holds.find((h) => h.reason === POST_PURCHASE_HOLD_REASON);
  const decision: PostPurchaseDecisionView =
    facts.decision === "accepted" && facts.accepted
      ? { kind: "accepted", ...facts.accepted }
      : facts.decision === "declined"
        ? { kind: "declined" }
        : null;
  if (!hold && !facts.holdSeenAt && !decision) return null;
  return {
    openSince: hold && !decision ? hold.firstSeenAt : null,
    decision,
    settled: !hold && facts.automationState === "off",
  };
}
