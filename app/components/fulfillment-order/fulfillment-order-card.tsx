import { BlockStack, Card, DataTable, InlineGrid, Text } from "@shopify/polaris";
import { StatusBadge, humanizeEnum } from "~/components/status-badge";
import { formatAge, formatDateTime } from "~/fulfillment/detail/derive";
import type { FulfillmentOrderDetailView } from "~/fulfillment/detail/types";
import { en } from "~/i18n/en";

const t = en.fulfillmentOrder;

/** The FO's state, where it ships from and how, and its items with what remains. */
export function FulfillmentOrderCard({ fo, now }: { fo: FulfillmentOrderDetailView["fulfillmentOrder"]; now: Date }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t.fo.heading}
        </Text>
        <InlineGrid columns={{ xs: 2, md: 4 }} gap="300">
          <BlockStack gap="100">
            <Text as="span" variant="bodySm" tone="subdued">
              {t.fo.status}
            </Text>
            <div>
              <StatusBadge value={fo.status} />
            </div>
          </BlockStack>
          <BlockStack gap="100">
            <Text as="span" variant="bodySm" tone="subdued">
              {t.fo.requestStatus}
            </Text>
            <div>
              <StatusBadge value={fo.requestStatus} />
            </div>
          </BlockStack>
          <BlockStack gap="100">
            <Text as="span" variant="bodySm" tone="subdued">
              {t.fo.location}
            </Text>
            <Text as="span">{fo.locationName ?? t.fo.noLocation}</Text>
          </BlockStack>
          <BlockStack gap="100">
            <Text as="span" variant="bodySm" tone="subdued">
              {t.fo.deliveryMethod}
            </Text>
            <Text as="span">{fo.deliveryMethod ? humanizeEnum(fo.deliveryMethod) : t.fo.noDeliveryMethod}</Text>
          </BlockStack>
          <BlockStack gap="100">
            <Text as="span" variant="bodySm" tone="subdued">
              {t.fo.opened}
            </Text>
            <Text as="span">{formatDateTime(fo.openedAt)}</Text>
          </BlockStack>
          {fo.fulfillAt && fo.status === "SCHEDULED" && (
            <BlockStack gap="100">
              <Text as="span" variant="bodySm" tone="subdued">
                {t.fo.fulfillAt}
              </Text>
              <Text as="span">{formatDateTime(fo.fulfillAt)}</Text>
            </BlockStack>
          )}
        </InlineGrid>
        {fo.preparedForPickupAt && (
          <Text as="p" tone="success">
            {t.fo.preparedForPickup(formatAge(fo.preparedForPickupAt, now))}
          </Text>
        )}
        <Text as="h3" variant="headingSm">
          {t.lines.heading} · {t.lines.totals(fo.remainingQuantity, fo.totalQuantity)}
        </Text>
        <DataTable
          columnContentTypes={["text", "text", "numeric", "numeric"]}
          headings={[t.lines.columns.item, t.lines.columns.sku, t.lines.columns.total, t.lines.columns.remaining]}
          rows={fo.lineItems.map((line) => [
            line.name,
            line.sku ?? t.lines.noSku,
            line.totalQuantity,
            line.remainingQuantity,
          ])}
        />
      </BlockStack>
    </Card>
  );
}
