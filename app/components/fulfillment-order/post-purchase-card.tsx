// The FO page's line on the post-purchase offer: open (and since when), the buyer's answer, and
// that the order is settled when automation is off. Props in.
import { BlockStack, Card, Text } from "@shopify/polaris";
import { formatAge } from "~/fulfillment/detail/derive";
import { en } from "~/i18n/en";
import type { PostPurchaseView } from "~/post-purchase/fo-post-purchase";

const t = en.upsell.foLine;

export function PostPurchaseCard({ postPurchase, now }: { postPurchase: PostPurchaseView | null; now: Date }) {
  if (!postPurchase) return null;
  const { openSince, decision, settled } = postPurchase;
  return (
    <Card>
      <section aria-label={en.upsell.title}>
        <BlockStack gap="100">
          {openSince && <Text as="p">{t.open(formatAge(openSince, now))}</Text>}
          {decision && (
            <Text as="p" fontWeight="semibold">
              {decision.kind === "accepted" ? t.accepted(decision.quantity, decision.title) : t.declined}
            </Text>
          )}
          {settled && <Text as="p">{t.settled}</Text>}
        </BlockStack>
      </section>
    </Card>
  );
}
