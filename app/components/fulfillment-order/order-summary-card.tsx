import { Badge, BlockStack, Card, InlineGrid, InlineStack, Text } from "@shopify/polaris";
import { StatusBadge, humanizeEnum } from "~/components/status-badge";
import { useShopFormat } from "~/components/shop-format-context";
import type { OrderSummaryView } from "~/fulfillment/detail/types";
import { en } from "~/i18n/en";

const t = en.fulfillmentOrder.summary;

const RISK_TONE: Record<string, "success" | "warning" | "critical" | undefined> = {
  LOW: "success",
  MEDIUM: "warning",
  HIGH: "critical",
};

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <BlockStack gap="100">
      <Text as="span" variant="bodySm" tone="subdued">
        {label}
      </Text>
      <div>{children}</div>
    </BlockStack>
  );
}

export function OrderSummaryCard({ order }: { order: OrderSummaryView }) {
  const { money, dateTime: formatDateTime } = useShopFormat();
  // Shopify's shop money is in the shop's currency: "$195.00", as the admin shows it.
  const total = order.totalAmount !== null ? money(order.totalAmount, order.currencyCode) : "—";
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t.heading} {order.name}
        </Text>
        {order.cancelledAt && (
          <Text as="p" tone="critical">
            {t.cancelled(formatDateTime(order.cancelledAt))}
          </Text>
        )}
        <InlineGrid columns={2} gap="300">
          <Field label={t.placed}>
            <Text as="span">{formatDateTime(order.placedAt)}</Text>
          </Field>
          <Field label={t.customer}>
            <Text as="span">{order.customerName ?? t.noCustomer}</Text>
          </Field>
          <Field label={t.payment}>
            <StatusBadge value={order.displayFinancialStatus} />
          </Field>
          <Field label={t.fulfillment}>
            <StatusBadge value={order.displayFulfillmentStatus} />
          </Field>
          <Field label={t.total}>
            <Text as="span">{total}</Text>
          </Field>
          <Field label={t.risk}>
            {order.riskLevel ? (
              <Badge tone={RISK_TONE[order.riskLevel]}>{humanizeEnum(order.riskLevel)}</Badge>
            ) : (
              <Text as="span" tone="subdued">
                {t.noRisk}
              </Text>
            )}
          </Field>
          <Field label={t.tags}>
            {order.tags.length > 0 ? (
              <InlineStack gap="100" wrap>
                {order.tags.map((tag) => (
                  <Badge key={tag}>{tag}</Badge>
                ))}
              </InlineStack>
            ) : (
              <Text as="span" tone="subdued">
                {t.noTags}
              </Text>
            )}
          </Field>
        </InlineGrid>
      </BlockStack>
    </Card>
  );
}
