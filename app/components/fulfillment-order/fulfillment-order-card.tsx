import { Banner, BlockStack, DataTable, InlineGrid, Text } from "@shopify/polaris";
import { rejectionReasonLabel } from "~/components/labels";
import { SectionCard } from "~/components/section-card";
import { StatusBadge, humanizeEnum } from "~/components/status-badge";
import { formatAge } from "~/fulfillment/detail/derive";
import { useShopFormat } from "~/components/shop-format-context";
import type { FulfillmentOrderDetailView } from "~/fulfillment/detail/types";
import type { ReactNode } from "react";
import { en } from "~/i18n/en";

const t = en.fulfillmentOrder;

/** One labelled value of the card's grid. */
function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <BlockStack gap="100">
      <Text as="span" variant="bodySm" tone="subdued">
        {label}
      </Text>
      <Text as="span">{children}</Text>
    </BlockStack>
  );
}

/** The FO's state, where it ships from and how, and its items with what remains. */
export function FulfillmentOrderCard({ fo, now }: { fo: FulfillmentOrderDetailView["fulfillmentOrder"]; now: Date }) {
  const { dateTime: formatDateTime } = useShopFormat();
  return (
    <SectionCard heading={t.fo.heading}>
      {fo.rejection && (
        <Banner tone="critical" title={t.rejection.title}>
          <BlockStack gap="100">
            <Text as="p" fontWeight="semibold">
              {rejectionReasonLabel(fo.rejection.reason)}
            </Text>
            {fo.rejection.message && <Text as="p">{fo.rejection.message}</Text>}
          </BlockStack>
        </Banner>
      )}
      <InlineGrid columns={{ xs: 2, md: 4 }} gap="300">
        <Field label={t.fo.status}>
          <StatusBadge value={fo.status} />
        </Field>
        <Field label={t.fo.requestStatus}>
          <StatusBadge value={fo.requestStatus} />
        </Field>
        <Field label={t.fo.location}>{fo.locationName ?? t.fo.noLocation}</Field>
        <Field label={t.fo.deliveryMethod}>
          {fo.deliveryMethod ? humanizeEnum(fo.deliveryMethod) : t.fo.noDeliveryMethod}
        </Field>
        <Field label={t.fo.opened}>{formatDateTime(fo.openedAt)}</Field>
        {fo.fulfillAt && fo.status === "SCHEDULED" && (
          <Field label={t.fo.fulfillAt}>{formatDateTime(fo.fulfillAt)}</Field>
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
    </SectionCard>
  );
}
