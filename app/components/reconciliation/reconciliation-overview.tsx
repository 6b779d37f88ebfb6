import { Link as RemixLink } from "@remix-run/react";
import { Badge, BlockStack, Card, InlineGrid, InlineStack, Text } from "@shopify/polaris";
import { en } from "~/i18n/en";
import { useShopFormat } from "~/components/shop-format-context";
import { INBOX_STATUSES, type InboxCounts, type InboxStatus } from "~/health/types";

const t = en.reconciliation;

const INBOX_TONE: Record<InboxStatus, "info" | "success" | undefined | "critical"> = {
  received: "info",
  processed: "success",
  ignored: undefined,
  failed: "critical",
};

interface ReconciliationOverviewProps {
  watermark: string | null;
  inbox: InboxCounts;
  /** Where failed deliveries are listed (the background jobs screen). */
  failedDeliveriesUrl: string;
}

export function ReconciliationOverview({ watermark, inbox, failedDeliveriesUrl }: ReconciliationOverviewProps) {
  const { dateTime } = useShopFormat();
  return (
    <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
      <Card>
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">
            {t.watermarkHeading}
          </Text>
          <Text as="p">{watermark ? t.watermark(dateTime(watermark)) : t.noWatermark}</Text>
        </BlockStack>
      </Card>
      <Card>
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">
            {t.inboxHeading}
          </Text>
          <InlineStack gap="400" wrap>
            {INBOX_STATUSES.map((status) => (
              <InlineStack key={status} gap="100" blockAlign="center">
                <Text as="span">{t.inboxStatus[status]}</Text>
                <Badge tone={inbox[status] > 0 ? INBOX_TONE[status] : undefined}>
                  {inbox[status].toLocaleString("en")}
                </Badge>
              </InlineStack>
            ))}
          </InlineStack>
          {inbox.failed > 0 && <RemixLink to={failedDeliveriesUrl}>{t.inboxFailedLink}</RemixLink>}
        </BlockStack>
      </Card>
    </InlineGrid>
  );
}
