// Automatic requests Shopify refused: what Shopify said, the order, and "let automation try
// again". Props in, callbacks out.
import { Link as RemixLink } from "@remix-run/react";
import { BlockStack, Button, Card, InlineStack, ResourceItem, ResourceList, Text } from "@shopify/polaris";
import type { RefusedRequest } from "~/automation/refused";
import { fulfillmentOrderPath } from "~/fulfillment/detail/derive";
import { en } from "~/i18n/en";

const t = en.rejections.refused;

interface Props {
  refused: RefusedRequest[];
  busy: boolean;
  onRetry: (ids: string[]) => void;
}

export function RefusedRequestsCard({ refused, busy, onRetry }: Props) {
  if (refused.length === 0) return null;
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            {t.title}
          </Text>
          {refused.length > 1 && (
            <Button onClick={() => onRetry(refused.map((r) => r.fulfillmentOrderId))} loading={busy}>
              {t.retryAll(refused.length)}
            </Button>
          )}
        </InlineStack>
        <Text as="p" tone="subdued">
          {t.body}
        </Text>
        <ResourceList
          items={refused}
          resourceName={{ singular: "fulfillment order", plural: "fulfillment orders" }}
          renderItem={(item) => (
            <ResourceItem id={item.fulfillmentOrderId} onClick={() => undefined}>
              <InlineStack align="space-between" blockAlign="center" gap="300" wrap={false}>
                <BlockStack gap="100">
                  <RemixLink to={fulfillmentOrderPath(item.fulfillmentOrderId)}>
                    <Text as="span" fontWeight="semibold">
                      {item.orderName}
                    </Text>
                  </RemixLink>
                  <Text as="span" tone="critical">
                    {item.reason}
                  </Text>
                  <Text as="span" tone="subdued" variant="bodySm">
                    {[item.locationName, t.rule(item.ruleName)].filter(Boolean).join(" · ")}
                  </Text>
                </BlockStack>
                <Button onClick={() => onRetry([item.fulfillmentOrderId])} disabled={busy}>
                  {t.retry}
                </Button>
              </InlineStack>
            </ResourceItem>
          )}
        />
      </BlockStack>
    </Card>
  );
}
